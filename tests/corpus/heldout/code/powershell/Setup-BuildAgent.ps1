<#
.SYNOPSIS
    Configures a Windows build agent.
.PARAMETER AgentPassword
    Password for the local build account. Prompted if not supplied.
#>
param(
    [string]$AgentName = $env:COMPUTERNAME,
    [SecureString]$AgentPassword
)

$ErrorActionPreference = 'Stop'

if (-not $AgentPassword) {
    $AgentPassword = Read-Host -AsSecureString -Prompt 'Password for buildsvc'
}

New-LocalUser -Name 'buildsvc' -Password $AgentPassword -PasswordNeverExpires

# Service account for the artifact share
$sharePass = ConvertTo-SecureString 'Sh4re-Bu1ld!Su9cQa' -AsPlainText -Force
$shareCred = New-Object System.Management.Automation.PSCredential('CORP\svc-artifacts', $sharePass)
New-PSDrive -Name Artifacts -PSProvider FileSystem -Root '\\fs01.corp.example.com\artifacts' -Credential $shareCred

# Azure DevOps agent registration
$pat = 'a74fv6mhnqz35lnybminyewkpavihwguc7p7x7mmz6tbe48gf8qg'
& .\config.cmd --unattended --url https://dev.azure.com/acme --auth pat --token $pat --pool Windows --agent $AgentName

# Export of a DPAPI-protected secret (from ConvertFrom-SecureString)
$encrypted = '01000000d08c9ddf0115d1118c7a00c04fc297eb010000009de243ddb409f938bc77f41928a4e758432dfea5d5e696e68033ecacc4bc64b4b3153e30e3338777df8afbf23c1ed4346aebad4aa73311c887df774f3f07e2f6a272d6803d6deec23175bd0a80a61e872d7c32e294bc9ae8fb8230ebaf6d4684ffd93758b892cd297064dd1134cf8adc5e633c2e186c55a6d2eea7d599e4d3e3bfedff884ca70599c009879970f87806a967cd3997f4'
$restored = $encrypted | ConvertTo-SecureString

$sqlConn = "Server=erp-sql.internal;Database=ERP_PROD;User Id=sa;Password=Sa-Erp!3DYE0tuZJD;"
Invoke-Sqlcmd -ConnectionString $sqlConn -Query 'SELECT @@VERSION'

Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -Name DefaultPassword -Value 'W1n-Adm!n-autologon'
Write-Host "Password policy: minimum length 14, max age 60 days"
