<#
.SYNOPSIS
    Registers the nightly SQL backup task on the Windows database hosts.
#>
param(
    [string]$ComputerName = "sql01.dc1.northwind.local",
    [pscredential]$Credential
)

$ErrorActionPreference = 'Stop'
$svcUser = 'NORTHWIND\svc_sqlbackup'
$svcPass = ConvertTo-SecureString "Backup!Svc2021" -AsPlainText -Force
$svcCred = New-Object System.Management.Automation.PSCredential($svcUser, $svcPass)

$storageKey = 'Gfr+1QAMSRS0KewRL6EdqG2x/1Z+7f+R6+6KfL9QzmpLjSETtXlF3KsNTHMZNE/4RLyu8GbaDTTlzLaeQoF3WQ=='
$env:AZCOPY_SPA_CLIENT_SECRET = "Mnq8Q~gr0nej6fifYlEeHoQXeW0j4J1F6kLu6y_o"

# Prompted credentials are fine:
if (-not $Credential) { $Credential = Get-Credential -Message "Admin on $ComputerName" }
$securePrompt = Read-Host -AsSecureString -Prompt "Enter your password"

Invoke-Command -ComputerName $ComputerName -Credential $Credential -ScriptBlock {
    param($cred)
    Register-ScheduledTask -TaskName "NightlySqlBackup" -User $cred.UserName -Password $cred.GetNetworkCredential().Password -Action (New-ScheduledTaskAction -Execute "sqlcmd.exe" -Argument "-S . -U sa -P Sa_P4ssw0rd! -i C:\jobs\backup.sql")
} -ArgumentList $svcCred

net use Z: \\nas01\backup /user:NORTHWIND\svc_sqlbackup Backup!Svc2021
