@echo off
REM ===================================================================
REM  map-drives.bat - logon script for finance + ops shared PCs
REM  Deployed via GPO "BW-Logon-Drives". Contact IT: x4410
REM ===================================================================

net use * /delete /y >nul 2>&1

net use F: \\fs01.brightwharf.internal\finance F1nance-Share! /user:BRIGHTWHARF\svc_finshare /persistent:no
net use S: \\fs01.brightwharf.internal\shared /persistent:no
net use R: \\fs02.brightwharf.internal\reports Rep0rts2021 /user:BRIGHTWHARF\svc_reports /persistent:no

REM scanner config share on the NAS (not domain joined)
cmdkey /add:nas01.brightwharf.internal /user:nasadmin /pass:Nas!Adm1n-01
net use N: \\nas01.brightwharf.internal\scanners /persistent:no

REM open the WMS client as the shared warehouse user (it prompts once, then /savecred)
runas /savecred /user:BRIGHTWHARF\wh_shared "C:\Program Files\Brightwharf\WMS\wmsclient.exe"

exit /b 0
