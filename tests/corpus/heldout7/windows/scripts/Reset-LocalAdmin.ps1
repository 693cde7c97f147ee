# Reset-LocalAdmin.ps1
# Resets the local Administrator password on the kiosk PCs in the branch offices.
# (no LAPS there yet - PRJ-1877)  Run as AURELIS\adm_* from ws-adm-0107.
param(
    [string] $ComputerList = '\\fs01.corp.aurelis.local\it$\kiosk-pcs.txt'
)

# old value until 2023-10: net user Administrator Herbst2022!
$newPassword = 'Winter2023!'
$secure = ConvertTo-SecureString $newPassword -AsPlainText -Force

$results = foreach ($computer in Get-Content $ComputerList) {
    if (-not (Test-Connection -ComputerName $computer -Count 1 -Quiet)) {
        [pscustomobject]@{ Computer = $computer; Status = 'offline' }
        continue
    }
    try {
        Invoke-Command -ComputerName $computer -ScriptBlock {
            param($p)
            Set-LocalUser -Name 'Administrator' -Password $p -PasswordNeverExpires $true
        } -ArgumentList $secure -ErrorAction Stop
        [pscustomobject]@{ Computer = $computer; Status = 'ok' }
    } catch {
        [pscustomobject]@{ Computer = $computer; Status = $_.Exception.Message }
    }
}
$results | Export-Csv -Path "C:\Temp\kiosk-reset-$(Get-Date -Format yyyyMMdd).csv" -NoTypeInformation -Delimiter ';'

# interactive variant for single machines:
# $p = Read-Host -AsSecureString 'New password'
