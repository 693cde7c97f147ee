#Requires -Modules Az.Storage
# Uploads the monthly solvency reports (QRT) to the reporting storage account
# and creates a partner download link.
param(
    [string] $ReportDir = 'D:\Reports\QRT\out',
    [string] $Container = 'partner-exports'
)

$storageConn = "DefaultEndpointsProtocol=https;AccountName=aurelisreportsprd;AccountKey=axrS5rpn9VstqC/l4tIfOrtyOA6TPttK130Zgj4oJB6CB+k5ABvZ9pLUZXk1divaJ1IFbQo1eebazJnVzLBJnA==;EndpointSuffix=core.windows.net"
$ctx = New-AzStorageContext -ConnectionString $storageConn

Get-ChildItem $ReportDir -Filter *.xbrl | ForEach-Object {
    Set-AzStorageBlobContent -File $_.FullName -Container $Container -Blob "qrt/$($_.Name)" -Context $ctx -Force | Out-Null
    Write-Output "uploaded $($_.Name)"
}

# Link for the actuarial consultants (valid until end of 2025, read/list only)
$sasUrl = "https://aurelisreportsprd.blob.core.windows.net/partner-exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2025-12-31T22:59:59Z&st=2024-01-08T07:00:00Z&spr=https&sig=XUpEZTpqHSZDxgC5%2Fos94mGjTEPv0pqA8xe04iEbwf8%3D"
Write-Output "Download link: $sasUrl"

# Template for new links:
#   https://aurelisreportsprd.blob.core.windows.net/partner-exports?sv=2022-11-02&ss=b&srt=co&sp=rl&se=<expiry>&sig=<signature>
