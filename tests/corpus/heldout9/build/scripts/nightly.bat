@echo off
setlocal EnableDelayedExpansion
rem Nightly build driver for Driftlight - run by Jenkins on the win-build agents
rem Usage: nightly.bat <changelist|head>

set CL=%1
if "%CL%"=="" set CL=head

set P4PORT=ssl:p4.lanternfall.internal:1666
set P4USER=build
set P4PASSWD=Lantern2023
set P4CLIENT=jenkins-%COMPUTERNAME%-nightly

p4 trust -y
p4 sync //Driftlight/main/...@%CL% || goto :fail

rem map the build share (agents run as Local System so no cached creds)
net use Z: \\lf-nas01\builds /user:LF\svc_builder Buildfarm#7 /persistent:no

call "C:\Program Files\Microsoft Visual Studio\2022\Professional\VC\Auxiliary\Build\vcvars64.bat"
cmake --preset win64-shipping || goto :fail
cmake --build --preset win64-shipping || goto :fail

signtool sign /f Z:\signing\lanternfall-ev-codesign.pfx /p %PFX_PASSWORD% /fd sha256 /tr http://timestamp.digicert.com /td sha256 out\build\win64-shipping\Shipping\Driftlight.exe

xcopy /E /I /Y out\build\win64-shipping\Shipping Z:\driftlight\nightly\%DATE:~-4%%DATE:~3,2%%DATE:~0,2%
net use Z: /delete /y
exit /b 0

:fail
echo BUILD FAILED
net use Z: /delete /y >nul 2>&1
exit /b 1
