// Azure resources for Leading Compassionately: App Service (Node 24 LTS) running the service, a user-assigned
// managed identity used by the bot (no secret), Azure Bot with the Teams channel, Storage (Tables + Queues)
// for the Azure storage adapter, and Application Insights.
@maxLength(20)
@minLength(4)
@description('Prefix for resource names.')
param resourceBaseName string

@description('Entra tenant id of the organisation that runs the app.')
param tenantId string = subscription().tenantId

@description('Client id of the Entra app registration the tab uses for SSO.')
param aadAppClientId string

@description('Comma-separated Entra object ids of the programme leads (admins).')
param adminObjectIds string = ''

@description('Teams app id, for deep links from bot cards into the tab.')
param teamsAppId string

param location string = resourceGroup().location
param appServiceSku string = 'B1'

var siteName = '${resourceBaseName}-app'
var storageName = toLower(replace('${resourceBaseName}st', '-', ''))

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-ai'
  location: location
  kind: 'web'
  properties: { Application_Type: 'web', WorkspaceResourceId: logs.id }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: storageName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

// Storage Table Data Contributor and Storage Queue Data Contributor for the app's identity.
var roleIds = ['0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3', '974c5e8b-45b9-4653-ba55-5f855dd0fb88']
resource storageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in roleIds: {
    name: guid(storage.id, identity.id, roleId)
    scope: storage
    properties: {
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'node dist/bot/main.js'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        // The deploy package (npm run package:deploy) holds no node_modules: App Service installs the production
        // dependencies on deploy, for its own platform, and runs no build (dist/ is built before).
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
        { name: 'PORT', value: '8080' }
        { name: 'DATA_DIR', value: '/home/data' }
        { name: 'PUBLIC_URL', value: 'https://${siteName}.azurewebsites.net' }
        { name: 'TEAMS_APP_ID', value: teamsAppId }
        { name: 'BOT_ID', value: identity.properties.clientId }
        { name: 'BOT_TYPE', value: 'UserAssignedMSI' }
        { name: 'BOT_TENANT_ID', value: identity.properties.tenantId }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'TAB_TENANT_ID', value: tenantId }
        { name: 'TAB_AUDIENCE', value: 'api://${siteName}.azurewebsites.net/${aadAppClientId},${aadAppClientId}' }
        { name: 'ADMIN_OBJECT_IDS', value: adminObjectIds }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: insights.properties.ConnectionString }
        { name: 'AZURE_STORAGE_ACCOUNT', value: storage.name }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
      ]
    }
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${resourceBaseName}-bot'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: 'Leading Compassionately'
    endpoint: 'https://${site.properties.defaultHostName}/api/messages'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
    msaAppType: 'UserAssignedMSI'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = site.id
output BOT_ID string = identity.properties.clientId
output BOT_DOMAIN string = site.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output TAB_ENDPOINT string = 'https://${site.properties.defaultHostName}'
output TAB_DOMAIN string = site.properties.defaultHostName
