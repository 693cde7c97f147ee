' ============================================================
'  Logon script - maps department shares (Schadenabteilung)
'  GPO: "U - Claims - Drive Mappings"
' ============================================================
Option Explicit
Dim objNetwork, objShell, strUser, strDept
Set objNetwork = CreateObject("WScript.Network")
Set objShell = CreateObject("WScript.Shell")
strUser = objNetwork.UserName

On Error Resume Next
objNetwork.RemoveNetworkDrive "S:", True, True
objNetwork.RemoveNetworkDrive "T:", True, True
objNetwork.RemoveNetworkDrive "V:", True, True
On Error GoTo 0

objNetwork.MapNetworkDrive "S:", "\\fs01.corp.aurelis.local\schaden$", False
objNetwork.MapNetworkDrive "V:", "\\fs01.corp.aurelis.local\vorlagen", False

' scanner inbox needs the service account (old MFPs cannot use Kerberos)
objNetwork.MapNetworkDrive "T:", "\\scan01.corp.aurelis.local\eingang", False, "AURELIS\svc_scan", "Scan2021!"

strDept = objShell.ExpandEnvironmentStrings("%AURELIS_DEPT%")
If strDept = "REGRESS" Then
    objNetwork.MapNetworkDrive "R:", "\\fs03.corp.aurelis.local\regress", False
End If

Set objNetwork = Nothing
Set objShell = Nothing
