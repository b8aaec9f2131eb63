@echo off
rem st-info's command lines, run by blueflash. Choose the probe with BLUEFLASH_PROBE.
call "%~dp0blueflash.cmd" --st-info %*
exit /b %ERRORLEVEL%
