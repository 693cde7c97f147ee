<#
.SYNOPSIS
    Deploys the Claims Windows service (ClaimsService) to the application servers.
.DESCRIPTION
    Downloads the universal package from Azure Artifacts, copies it to each server,
    runs the DB migration and restarts the service.
.NOTES
    Owner: Windows Platform Team. Run from jump host ws-adm-0107 as adm_* account.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)] [string] $Version,
    [ValidateSet('TEST','ACC','PROD')] [string] $Stage = 'TEST',
    [string[]] $Servers = @('app-clm01.corp.aurelis.local', 'app-clm02.corp.aurelis.local')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# service identity (same account on all stages - see CHG0030112)
$svcUser = 'AURELIS\svc_claims_win'
$svcPass = ConvertTo-SecureString 'VRm1NK9qcINdAo=c' -AsPlainText -Force
$svcCred = New-Object System.Management.Automation.PSCredential ($svcUser, $svcPass)

# artifact feed (Azure DevOps)
$pat = '23qqba5esipip6glt763mqdcwpiis4e4nkeczakp2yegj2aksvru'
$headers = @{
    Authorization = 'Basic ' + [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes(":$pat"))
}
$feed = "https://pkgs.dev.azure.com/aurelis-group/_apis/packaging/feeds/claims/upack/packages/claims-service/versions/$Version"
$zip = Join-Path $env:TEMP "claims-service-$Version.zip"
Invoke-RestMethod -Uri $feed -Headers $headers -OutFile $zip

foreach ($srv in $Servers) {
    Write-Host "==> $srv" -ForegroundColor Cyan
    $session = New-PSSession -ComputerName $srv -Credential $svcCred
    $copyParams = @{
        Path        = $zip
        Destination = 'D:\Deploy\'
        ToSession   = $session
        Force       = $true
    }
    Copy-Item @copyParams
    Invoke-Command -Session $session -ScriptBlock {
        param($v)
        Stop-Service ClaimsService -ErrorAction SilentlyContinue
        Expand-Archive -Path "D:\Deploy\claims-service-$v.zip" -DestinationPath 'D:\Services\Claims' -Force
        Start-Service ClaimsService
    } -ArgumentList $Version
    Remove-PSSession $session
}

# DB migration
$sqlParams = @{
    ServerInstance         = 'sql-clm-ag.corp.aurelis.local'
    Database               = 'ClaimsDB'
    Username               = 'claims_migrator'
    Password               = 'm7-@#MdqTh3=*!mLSs'
    InputFile              = ".\migrations\$Version.sql"
    TrustServerCertificate = $true
    QueryTimeout           = 600
}
Invoke-Sqlcmd @sqlParams

# notify (credential comes from SecretManagement vault)
$smtpCred = Get-Secret -Name 'smtp-relay' -Vault 'AurelisOps'
$mailParams = @{
    SmtpServer = 'smtp-relay.corp.aurelis.local'
    From       = 'deploy@aurelis-group.eu'
    To         = 'claims-ops@aurelis-group.eu'
    Subject    = "ClaimsService $Version deployed to $Stage"
    Credential = $smtpCred
}
Send-MailMessage @mailParams
