@echo off
rem st-flash's command lines, run by blueflash. Choose the probe with --probe or BLUEFLASH_PROBE.
call "%~dp0blueflash.cmd" --st-flash %*
exit /b %ERRORLEVEL%
