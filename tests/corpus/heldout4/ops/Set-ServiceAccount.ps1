<#
.SYNOPSIS
  Re-points the AcmeSync Windows service at its service account and
  updates the matching SQL login. Run from the jump host as a domain admin.
.EXAMPLE
  .\Set-ServiceAccount.ps1 -ComputerName APP01,APP02
#>
param(
    [string[]]$ComputerName = @('APP01', 'APP02'),
    [string]$ServiceName = 'AcmeSync'
)

$ErrorActionPreference = 'Stop'

$adminUser = 'CORP\svc-deploy'
$adminPass = ConvertTo-SecureString 'Spring2025#' -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential ($adminUser, $adminPass)

$svcAccount = 'CORP\svc-acmesync'
$svcPassword = 'lxu5@hLF^?qQbzT'

foreach ($c in $ComputerName) {
    Write-Host "Updating $ServiceName on $c"
    Invoke-Command -ComputerName $c -Credential $cred -ScriptBlock {
        param($name, $acct, $pw)
        $svc = Get-CimInstance Win32_Service -Filter "Name='$name'"
        Invoke-CimMethod -InputObject $svc -MethodName Change -Arguments @{ StartName = $acct; StartPassword = $pw } | Out-Null
        Restart-Service -Name $name -Force
    } -ArgumentList $ServiceName, $svcAccount, $svcPassword
}

# SQL login used by the sync job
$newSqlPw = [System.Web.Security.Membership]::GeneratePassword(24, 4)
Invoke-Sqlcmd -ServerInstance 'SQL02\PROD' -Username 'sa' -Password 'Passw0rd!' `
    -Query "ALTER LOGIN acmesync WITH PASSWORD = N'$newSqlPw'"

# Interactive fallback for everyone else
# $sqlPw = Read-Host -AsSecureString 'Enter SQL password'

# Tag the release in Azure DevOps
$pat = 'nxn4jziuxnih25vxihj4zpvxuiq5jcp4hp53lpt7i5wjg5zkol7o'
$b64 = [Convert]::ToBase64String([Text.Encoding]::ASCII.GetBytes(":$pat"))
Invoke-RestMethod -Uri 'https://dev.azure.com/acme/_apis/projects?api-version=7.0' -Headers @{ Authorization = "Basic $b64" }
