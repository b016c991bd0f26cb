@echo off
rem Kept's launcher for Windows: the logic of bin/kept (docs/launcher.md), less its first-run signal
rem handling, its read-only lib\ lookup and its stale temporary file cleanup. Not run on Windows here.
rem   Java 25 or later: an AOT cache; Java 17 to 24: an AppCDS archive. Made by the first `build`
rem   that finds none (under a temporary name, renamed after exit 0), used by every later run.
rem   Kept beside the jar when lib\ is writable, else in %LOCALAPPDATA%\kept\INSTALL\ (INSTALL: an
rem   MD5 of the install folder's path, so installs never share or delete each other's caches).
rem Environment: JAVA_HOME (else java on PATH), KEPT_JAVA_OPTS (added after the defaults),
rem KEPT_NO_CACHE=1 (no cache). No delayed expansion, so arguments with ! pass through intact.
setlocal

set "KEPT_DEFAULT_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
for %%h in ("%~dp0..") do set "KEPT_HOME=%%~fh"
set "KEPT_JAR=%KEPT_HOME%\lib\kept.jar"
if not exist "%KEPT_JAR%" (
  echo kept: error: %KEPT_JAR% is missing; the Kept folder is incomplete. 1>&2
  exit /b 3
)

set "JAVA_EXE=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"

if "%KEPT_NO_CACHE%"=="" goto version
if "%KEPT_NO_CACHE%"=="0" goto version
goto plain

:version
rem The version from `java -version`: its first line reads ... version "17.0.15" ...
set "JAVA_VERSION="
for /f "tokens=3" %%v in ('""%JAVA_EXE%" -version 2>&1 | findstr /i /c:" version ""') do (
  if not defined JAVA_VERSION set "JAVA_VERSION=%%~v"
)
if not defined JAVA_VERSION goto plain
for /f "tokens=1 delims=.-+" %%f in ("%JAVA_VERSION%") do set "JAVA_FEATURE=%%f"
if "%JAVA_FEATURE%"=="1" (
  echo kept: error: Kept needs Java 17 or later; %JAVA_EXE% is Java %JAVA_VERSION%. Set JAVA_HOME to a newer one. 1>&2
  exit /b 3
)
if %JAVA_FEATURE% LSS 17 (
  echo kept: error: Kept needs Java 17 or later; %JAVA_EXE% is Java %JAVA_VERSION%. Set JAVA_HOME to a newer one. 1>&2
  exit /b 3
)

rem The key: an MD5 (certutil, in Windows since Vista) of the Java's path and version and of the
rem jar's path, size and modification time (to the minute: all %%~t gives); hex, so no dashes or
rem dots and the name splits. The install's sub-folder: an MD5 of the install folder's path.
rem Without certutil (or TEMP), no cache.
set "JAVA_PATH=%JAVA_EXE%"
if "%JAVA_EXE%"=="java" for %%i in (java.exe) do set "JAVA_PATH=%%~$PATH:i"
for %%i in ("%JAVA_PATH%") do set "JAVA_PATH=%%~fi"
for %%j in ("%KEPT_JAR%") do set "JAR_ID=%%~fj %%~zj %%~tj"
if not defined TEMP goto plain
set "KEY_FILE=%TEMP%\kept-key-%RANDOM%%RANDOM%.txt"
> "%KEY_FILE%" echo("%KEPT_HOME%"
call :hash
set "INSTALL=%HASH%"
> "%KEY_FILE%" echo("%JAVA_PATH%" "%JAVA_VERSION%" "%JAR_ID%"
call :hash
set "KEY=%HASH%"
del "%KEY_FILE%" 2>nul
if not defined INSTALL goto plain
if not defined KEY goto plain

set "CACHE_DIR=%KEPT_HOME%\lib"
set "PROBE=%CACHE_DIR%\.kept-write-%RANDOM%"
(type nul > "%PROBE%") 2>nul && del "%PROBE%" 2>nul && goto havedir
if not defined LOCALAPPDATA goto plain
set "CACHE_DIR=%LOCALAPPDATA%\kept\%INSTALL%"
if not exist "%CACHE_DIR%" mkdir "%CACHE_DIR%" 2>nul
if not exist "%CACHE_DIR%" goto plain

:havedir
if %JAVA_FEATURE% GEQ 25 (
  set "EXT=aot"
  set "QUIET=-Xlog:aot*=off -Xlog:cds*=off -Xlog:class+path*=off"
) else (
  set "EXT=jsa"
  set "QUIET=-Xlog:cds*=off -Xlog:class+path*=off"
)
set "PREFIX=kept-java%JAVA_FEATURE%-%KEY%-"

rem A cache whose size is the one its name records: use it; any other: remove it.
set "CACHE="
for %%c in ("%CACHE_DIR%\%PREFIX%*.%EXT%") do call :check "%%~fc" %%~zc
if defined CACHE goto usecache

rem No cache: only a build makes one.
if /i not "%~1"=="build" goto plain
set "TMP_CACHE=%CACHE_DIR%\%PREFIX%%RANDOM%%RANDOM%.tmp"
if "%EXT%"=="aot" goto makeaot
"%JAVA_EXE%" %QUIET% -XX:ArchiveClassesAtExit="%TMP_CACHE%" %KEPT_DEFAULT_OPTS% %KEPT_JAVA_OPTS% -jar "%KEPT_JAR%" %*
set "CODE=%ERRORLEVEL%"
goto keep

:makeaot
"%JAVA_EXE%" %QUIET% -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -XX:AOTMode=record -XX:AOTConfiguration="%TMP_CACHE%.conf" %KEPT_DEFAULT_OPTS% %KEPT_JAVA_OPTS% -jar "%KEPT_JAR%" %*
set "CODE=%ERRORLEVEL%"
if not "%CODE%"=="0" goto keep
if not exist "%TMP_CACHE%.conf" goto keep
"%JAVA_EXE%" %QUIET% -XX:AOTMode=create -XX:AOTConfiguration="%TMP_CACHE%.conf" -XX:AOTCache="%TMP_CACHE%" %KEPT_DEFAULT_OPTS% %KEPT_JAVA_OPTS% -jar "%KEPT_JAR%" <nul >nul 2>&1
if errorlevel 1 del "%TMP_CACHE%" 2>nul

:keep
if not "%CODE%"=="0" goto done
if not exist "%TMP_CACHE%" goto done
for %%t in ("%TMP_CACHE%") do set "SIZE=%%~zt"
if "%SIZE%"=="0" goto done
for %%o in ("%CACHE_DIR%\kept-java%JAVA_FEATURE%-*.%EXT%") do del "%%~fo" 2>nul
move /y "%TMP_CACHE%" "%CACHE_DIR%\%PREFIX%%SIZE%.%EXT%" >nul 2>&1
:done
del "%TMP_CACHE%" "%TMP_CACHE%.conf" 2>nul
exit /b %CODE%

:usecache
rem (No parentheses around a line with %*: an argument holding ")" would end the block.)
if "%EXT%"=="aot" goto useaot
"%JAVA_EXE%" %QUIET% -XX:+VerifySharedSpaces -XX:SharedArchiveFile="%CACHE%" %KEPT_DEFAULT_OPTS% %KEPT_JAVA_OPTS% -jar "%KEPT_JAR%" %*
exit /b %ERRORLEVEL%
:useaot
"%JAVA_EXE%" %QUIET% -XX:+VerifySharedSpaces -XX:AOTMode=auto -XX:AOTCache="%CACHE%" %KEPT_DEFAULT_OPTS% %KEPT_JAVA_OPTS% -jar "%KEPT_JAR%" %*
exit /b %ERRORLEVEL%

:plain
"%JAVA_EXE%" %KEPT_DEFAULT_OPTS% %KEPT_JAVA_OPTS% -jar "%KEPT_JAR%" %*
exit /b %ERRORLEVEL%

rem :hash - HASH := the MD5 of %KEY_FILE% in hex (certutil's second line, spaces removed, as
rem Windows 7 prints them), or undefined when certutil is missing or fails.
:hash
set "HASH="
for /f "skip=1 delims=" %%h in ('certutil -hashfile "%KEY_FILE%" MD5 2^>nul') do if not defined HASH set "HASH=%%h"
if not defined HASH exit /b 1
set "HASH=%HASH: =%"
if not "%HASH::=%"=="%HASH%" set "HASH="
exit /b 0

rem :check FILE SIZE - the size the name records is the 4th field of kept-javaN-KEY-SIZE.EXT.
:check
for /f "tokens=4 delims=-." %%s in ("%~nx1") do (
  if "%%s"=="%2" (
    set "CACHE=%~1"
  ) else (
    del "%~1" 2>nul
  )
)
exit /b 0
