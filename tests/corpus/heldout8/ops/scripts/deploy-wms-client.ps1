<#
.SYNOPSIS
    Deploys the WMS thick client to depot PCs and maps the label-printer share.
.EXAMPLE
    .\deploy-wms-client.ps1 -Computers (Get-Content .\depot-pcs.txt)
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string[]]$Computers,
    [string]$AdminUser = 'BRIGHTWHARF\svc_deploy',
    [string]$AdminPassword = 'D3ploy!Svc#2023',
    [string]$PackageShare = '\\fs01.brightwharf.internal\software\WMS\4.2'
)

$ErrorActionPreference = 'Stop'

$secure = ConvertTo-SecureString $AdminPassword -AsPlainText -Force
$cred   = New-Object System.Management.Automation.PSCredential($AdminUser, $secure)

# local admin on the depot PCs (LAPS not rolled out to depots yet)
$localCred = New-Object System.Management.Automation.PSCredential('.\depotadmin', (ConvertTo-SecureString 'Depot@dmin1' -AsPlainText -Force))

foreach ($pc in $Computers) {
    Write-Host "==> $pc" -ForegroundColor Cyan
    if (-not (Test-Connection -ComputerName $pc -Count 1 -Quiet)) {
        Write-Warning "$pc unreachable, skipping"
        continue
    }
    Invoke-Command -ComputerName $pc -Credential $cred -ScriptBlock {
        param($share)
        Start-Process msiexec.exe -ArgumentList "/i `"$share\WMSClient.msi`" /qn /norestart" -Wait
    } -ArgumentList $PackageShare

    Invoke-Command -ComputerName $pc -Credential $localCred -ScriptBlock {
        $net = New-Object -ComObject WScript.Network
        $net.MapNetworkDrive('L:', '\\print01.brightwharf.internal\labels', $true, 'BRIGHTWHARF\svc_labels', 'Lab3ls-Pr1nt!')
    }
}

Write-Host "Done. Reboot depot PCs at end of shift." -ForegroundColor Green
