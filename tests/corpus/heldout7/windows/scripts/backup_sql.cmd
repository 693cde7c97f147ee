@echo off
REM ===================================================================
REM  Nightly SQL backup to NAS - scheduled task on sql-bkp01
REM  Maintainer: DBA team. Do not edit without CAB approval.
REM ===================================================================
setlocal EnableDelayedExpansion

set SQLSERVER=sql-clm-ag.corp.aurelis.local
set BACKUPDIR=\\nas02.corp.aurelis.local\sqlbackup$
set LOCALDIR=D:\bkp
set DATESTAMP=%DATE:~6,4%%DATE:~3,2%%DATE:~0,2%
set ZIP_PASS=55LAhx3WvvPb3g7n
set LOG=%LOCALDIR%\backup_%DATESTAMP%.log

echo [%TIME%] start > "%LOG%"
net use %BACKUPDIR% /user:AURELIS\svc_sqlbackup ywanXdFvTiC0op /persistent:no >> "%LOG%" 2>&1
if errorlevel 1 goto :neterr

for %%D in (ClaimsDB PolicyDB BillingDB) do (
  echo [%TIME%] backing up %%D >> "%LOG%"
  sqlcmd -S %SQLSERVER% -U sa -P D85tbF9ocLNHFWkG -b -Q "BACKUP DATABASE [%%D] TO DISK = N'%LOCALDIR%\%%D_%DATESTAMP%.bak' WITH COMPRESSION, CHECKSUM, INIT" >> "%LOG%" 2>&1
  "C:\Program Files\7-Zip\7z.exe" a -p%ZIP_PASS% -mhe=on "%BACKUPDIR%\%%D_%DATESTAMP%.7z" "%LOCALDIR%\%%D_%DATESTAMP%.bak" >> "%LOG%" 2>&1
  del /q "%LOCALDIR%\%%D_%DATESTAMP%.bak"
)

forfiles /p "%LOCALDIR%" /m *.log /d -14 /c "cmd /c del @path"
net use %BACKUPDIR% /delete /y >nul
echo [%TIME%] done >> "%LOG%"
exit /b 0

:neterr
echo [%TIME%] ERROR: could not map %BACKUPDIR% >> "%LOG%"
eventcreate /T ERROR /ID 901 /L APPLICATION /SO SqlBackup /D "NAS mapping failed"
exit /b 1
