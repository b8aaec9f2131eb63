@echo off
rem blueflash launcher for Windows: runs lib\*.jar with %JAVA_HOME%\bin\java.exe or the java on PATH
rem (Java 17+); the exit code is the tool's. BLUEFLASH_JAVA_OPTS adds JVM options. Native access is
rem enabled for usb4java and jssc (Java 24+ warns otherwise).
setlocal
set "APP_HOME=%~dp0.."
set "JAVA_EXE=java.exe"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
"%JAVA_EXE%" --enable-native-access=ALL-UNNAMED %BLUEFLASH_JAVA_OPTS% -cp "%APP_HOME%\lib\*" io.blueflash.cli.FlashToolMain %*
exit /b %ERRORLEVEL%
