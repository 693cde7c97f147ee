; ============================================
;  login_helper.ahk  - personal hotkeys (jk)
;  DO NOT SHARE
; ============================================
#SingleInstance Force
#NoEnv
SetTitleMatchMode, 2
SendMode Input

IniRead, CitrixPw, %A_ScriptDir%\helper.ini, citrix, password, %A_Space%

::@@sig::Mit freundlichen Grüßen{Enter}Jan Krüger{Enter}IT-Betrieb | Aurelis Versicherung AG
::@@tel::+49 221 555 0147

; SAP GUI logon (PRD, client 100)
^!s::
WinActivate, SAP Logon
WinWaitActive, SAP, , 3
Send, jkrueger{Tab}
Send, Fruehling2024.{Enter}
return

; vCenter web client
^!v::
SendRaw, eRFnmP*NK8f4UU
Send, {Enter}
return

; Citrix admin console - password comes from helper.ini
^!c::
Send, adm_jkrueger{Tab}
Send, %CitrixPw%{Enter}
return
