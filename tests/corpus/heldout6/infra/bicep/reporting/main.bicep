targetScope = 'resourceGroup'

@description('Deployment location')
param location string = resourceGroup().location

@description('Short environment name')
@allowed([ 'dev', 'prod' ])
param env string = 'prod'

@description('SQL admin login for the reporting database')
param sqlAdminLogin string = 'rptadmin'

@secure()
@description('SQL admin password (override from pipeline!)')
param sqlAdminPassword string = 'THD_wlYmxI_brvyOBH@n@b'

param appServicePlanSku string = 'P1v3'

var suffix = uniqueString(resourceGroup().id)
var storageName = 'strpt${env}${take(suffix, 8)}'

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
  }
}

resource sql 'Microsoft.Sql/servers@2022-05-01-preview' = {
  name: 'sql-reporting-${env}-${suffix}'
  location: location
  properties: {
    administratorLogin: sqlAdminLogin
    administratorLoginPassword: sqlAdminPassword
    minimalTlsVersion: '1.2'
  }
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: 'asp-reporting-${env}'
  location: location
  sku: { name: appServicePlanSku }
  kind: 'linux'
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2022-09-01' = {
  name: 'app-reporting-${env}-${suffix}'
  location: location
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|8.0'
      appSettings: [
        { name: 'AzureAd__Instance', value: 'https://login.microsoftonline.com/' }
        { name: 'AzureAd__TenantId', value: 'd3f99880-79a7-4884-8335-ed45c6456722' }
        { name: 'AzureAd__ClientId', value: '2681b5c6-2d08-409c-828b-0f2017896411' }
        { name: 'AzureAd__ClientSecret', value: 'yIP3Q~TcJpcohj3ydrc6gWh~EP15EW7wtPCj_lF8' }
        { name: 'Storage__ConnectionString', value: 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}' }
        { name: 'ConnectionStrings__Reporting', value: 'Server=tcp:${sql.properties.fullyQualifiedDomainName},1433;Database=reporting;User ID=${sqlAdminLogin};Password=${sqlAdminPassword};Encrypt=true' }
      ]
    }
  }
}

output appHostname string = app.properties.defaultHostName
output storageAccount string = storage.name
