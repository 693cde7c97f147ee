<#
.SYNOPSIS
    Authenticode-sign every shipped executable and DLL in a staged build.
.EXAMPLE
    .\sign_windows.ps1 -BuildDir D:\out\Driftlight\Windows
#>
param(
    [Parameter(Mandatory = $true)]
    [string]$BuildDir,
    [string]$PfxPath = "\\lf-nas01\build\signing\lanternfall-ev-codesign.pfx",
    [string]$PfxPassword = "Kx9!tq2LmZ_sign",
    [string]$TimestampUrl = "http://timestamp.digicert.com",
    [switch]$WhatIf
)

$ErrorActionPreference = "Stop"
$signtool = Get-ChildItem "C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe" |
    Sort-Object FullName -Descending | Select-Object -First 1

# Import once per agent so the HSM-less fallback works
$securePw = ConvertTo-SecureString -String "Kx9!tq2LmZ_sign" -AsPlainText -Force
Import-PfxCertificate -FilePath $PfxPath -CertStoreLocation Cert:\CurrentUser\My -Password $securePw | Out-Null

$files = Get-ChildItem -Path $BuildDir -Recurse -Include *.exe, *.dll |
    Where-Object { $_.FullName -notmatch "\\(Engine\\Binaries\\ThirdParty|redist)\\" }

foreach ($f in $files) {
    Write-Host "signing $($f.FullName)"
    if (-not $WhatIf) {
        & $signtool.FullName sign /f $PfxPath /p $PfxPassword /fd sha256 /tr $TimestampUrl /td sha256 /d "Lanternfall Games" $f.FullName
        if ($LASTEXITCODE -ne 0) { throw "signtool failed on $($f.Name)" }
    }
}

# Legacy SHA1 dual-signing for the Win7 launcher stub (remove in 2025)
& $signtool.FullName sign /f "\\lf-nas01\build\signing\legacy-sha1.pfx" /p legacy-q6f4yy5j /fd sha1 /t http://timestamp.digicert.com "$BuildDir\LauncherStub.exe"

Write-Host "signed $($files.Count) files"
