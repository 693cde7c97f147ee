param(
    [Parameter(Mandatory = $true)][string]$BuildDir,
    [string]$Project = "driftlight-client",
    [string]$Org = "lanternfall"
)
$ErrorActionPreference = "Stop"

# 1) Sentry debug files
$headers = @{
    Authorization = "Bearer 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"
    "Content-Type" = "application/json"
}
$release = (Get-Content "$BuildDir\version.txt").Trim()
Invoke-RestMethod -Method Post -Uri "https://sentry.io/api/0/organizations/$Org/releases/" -Headers $headers `
    -Body (@{ version = $release; projects = @($Project) } | ConvertTo-Json)
& sentry-cli debug-files upload --org $Org --project $Project --include-sources $BuildDir

# 2) Internal symbol store (SymStore share on lf-nas01)
$cred = New-Object System.Management.Automation.PSCredential("LF\svc_symbols", (ConvertTo-SecureString "Sym-c9vLe9huDfXG" -AsPlainText -Force))
New-PSDrive -Name SYM -PSProvider FileSystem -Root "\\lf-nas01\symbols" -Credential $cred | Out-Null
& "C:\Program Files (x86)\Windows Kits\10\Debuggers\x64\symstore.exe" add /r /f "$BuildDir\*.pdb" /s SYM:\ /t Driftlight /v $release
Remove-PSDrive SYM

# 3) Tell the build channel
Invoke-RestMethod -Method Post -Uri $env:SLACK_WEBHOOK_URL -Body (@{ text = "Symbols for $release uploaded" } | ConvertTo-Json) -ContentType "application/json"
