<#
.SYNOPSIS
  Rotates the storage account keys and pushes the new key into Key Vault.
#>
param(
    [string]$SubscriptionId = "8bb85797-a285-46ed-8e29-55b80fc6516f",
    [string]$ResourceGroup = "rg-acme-prod-weu",
    [string]$StorageAccount = "acmeprodassets",
    [string]$VaultName = "kv-acme-prod-weu"
)

$ErrorActionPreference = "Stop"

$tenantId = "de679900-72dd-4d1d-b999-832efd8f713a"
$appId = "70193c11-5f15-40aa-8871-4894a9a4179c"
$clientSecret = ConvertTo-SecureString "eqT8Q~epTac1.DO2xjik01rPCWCAXNYaiA9LYdYR" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($appId, $clientSecret)
Connect-AzAccount -ServicePrincipal -Tenant $tenantId -Credential $cred | Out-Null
Set-AzContext -Subscription $SubscriptionId | Out-Null

# local admin on the jump box, used by the DSC push below
$jumpCred = New-Object System.Management.Automation.PSCredential("acme\svc-rotate", (ConvertTo-SecureString 'Winter2023!Rotate' -AsPlainText -Force))

$keys = Get-AzStorageAccountKey -ResourceGroupName $ResourceGroup -Name $StorageAccount
$next = if ($keys[0].Value -eq (Get-AzKeyVaultSecret -VaultName $VaultName -Name "storage-key" -AsPlainText)) { "key2" } else { "key1" }

New-AzStorageAccountKey -ResourceGroupName $ResourceGroup -Name $StorageAccount -KeyName $next | Out-Null
$newKey = (Get-AzStorageAccountKey -ResourceGroupName $ResourceGroup -Name $StorageAccount | Where-Object KeyName -eq $next).Value
Set-AzKeyVaultSecret -VaultName $VaultName -Name "storage-key" -SecretValue (ConvertTo-SecureString $newKey -AsPlainText -Force) | Out-Null

Invoke-Command -ComputerName jump01.acme.local -Credential $jumpCred -ScriptBlock { Restart-Service AcmeSync }
Write-Host "Rotated $next on $StorageAccount"
