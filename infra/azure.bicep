// Azure resources for Leading Compassionately, for a service that runs on two or more instances:
// - App Service (Linux, Node 24 LTS) on a plan that scales out (instanceCount, default 2), health-checked on /healthz;
// - Azure Database for PostgreSQL flexible server (16, Burstable B1ms, TLS required) holding every store, so no
//   instance keeps data of its own and nothing lives under the shared /home file system;
// - Key Vault (RBAC, soft delete, purge protection) holding the app's secrets, which App Service reads as Key Vault
//   references through the user-assigned managed identity;
// - that identity, also used by the bot (no secret), Azure Bot with the Teams channel, and Application Insights on a
//   Log Analytics workspace.
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

@description('App Service plan tier. It must support scale-out to several instances: Standard (S1) or Premium v3.')
@allowed(['S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3', 'P3v3'])
param appServiceSku string = 'P0v3'

@description('How many instances the service runs on. Two or more keep it up while one restarts or is replaced.')
@minValue(1)
@maxValue(10)
param instanceCount int = 2

@description('Most PostgreSQL connections each instance opens (DATABASE_POOL_SIZE). instanceCount times this must stay below the server\'s max_connections, which is small on Burstable tiers.')
@minValue(1)
@maxValue(100)
param databasePoolSize int = 10

@description('PostgreSQL administrator login; the service connects as this user (it runs its own migrations).')
param postgresAdminLogin string = 'lcadmin'

@secure()
@minLength(16)
@maxLength(128)
@description('PostgreSQL administrator password (from SECRET_POSTGRES_ADMIN_PASSWORD in env/.env.<env>.user).')
param postgresAdminPassword string

@description('Name of the application database on the PostgreSQL server.')
param postgresDatabaseName string = 'leadingcompassionately'

@secure()
@minLength(32)
@description('Key that signs "Add to calendar" links, the same on every instance: base64 of 32 random bytes (openssl rand -base64 32), from SECRET_CALENDAR_LINK_SECRET in env/.env.<env>.user.')
param calendarLinkSecret string

@secure()
@description('The tab app\'s Entra client secret, for creating Teams meetings on a facilitator\'s behalf (on-behalf-of, delegated OnlineMeetings.ReadWrite): SECRET_AAD_APP_CLIENT_SECRET, which aadApp/create writes. Empty leaves "Create the Teams meeting for me" off (facilitators paste a link).')
param tabClientSecret string = ''

var siteName = '${resourceBaseName}-app'
var keyVaultName = '${resourceBaseName}-kv'
var postgresServerName = toLower('${resourceBaseName}-pg')
// Built-in role "Key Vault Secrets User": read secret values (what Key Vault references need), nothing else.
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

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

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: postgresServerName
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresAdminPassword
    authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' }
    storage: { storageSizeGB: 32, autoGrow: 'Enabled' }
    backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
    // Public endpoint, closed by the firewall to everything but Azure services (the rule below).
    network: { publicNetworkAccess: 'Enabled' }
  }
}

// The server takes one change at a time, so the parameter, the firewall rule and the database go in turn.
resource postgresTls 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: postgres
  name: 'require_secure_transport'
  properties: { value: 'on', source: 'user-override' }
}

// 0.0.0.0–0.0.0.0 is Azure's "allow Azure services" rule: connections from Azure (App Service's outbound addresses
// among them) only; nothing from the internet. Any Azure customer's resources count as Azure services, so the
// password and TLS still matter; private access (VNet integration) would close that too.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: postgres
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
  dependsOn: [postgresTls]
}

resource postgresDatabase 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: postgres
  name: postgresDatabaseName
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
  dependsOn: [postgresAllowAzure]
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// DATABASE_URL for the service: TLS required and the server's certificate checked (sslmode=require, see README).
resource databaseUrlSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'database-url'
  properties: {
    contentType: 'text/plain'
    value: 'postgres://${uriComponent(postgresAdminLogin)}:${uriComponent(postgresAdminPassword)}@${postgres.properties.fullyQualifiedDomainName}:5432/${postgresDatabase.name}?sslmode=require'
  }
}

// The calendar-link signing key, one for all instances: the service reads it from CALENDAR_LINK_SECRET (base64 of at
// least 32 random bytes) and refuses to start in production with DATABASE_URL but without it.
resource calendarLinkSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'calendar-link-secret'
  properties: { contentType: 'text/plain', value: calendarLinkSecret }
}

// The tab app's client secret for meeting creation (on-behalf-of): the service reads it from TAB_CLIENT_SECRET, with
// TAB_CLIENT_ID taken from the bare client id in TAB_AUDIENCE. Only stored when given.
resource tabClientSecretValue 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(tabClientSecret)) {
  parent: vault
  name: 'tab-client-secret'
  properties: { contentType: 'text/plain', value: tabClientSecret }
}

resource vaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, identity.id, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
  }
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: { name: appServiceSku, capacity: instanceCount }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2022-09-01' = {
  name: siteName
  location: location
  kind: 'app,linux'
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  // The identity must be able to read the vault before the app settings below are resolved.
  dependsOn: [vaultSecretsUser]
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      alwaysOn: true
      // An instance that fails /healthz (503 while PostgreSQL is unreachable) is taken out of the load balancer.
      healthCheckPath: '/healthz'
      http20Enabled: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appCommandLine: 'node dist/bot/main.js'
      appSettings: concat([
        { name: 'NODE_ENV', value: 'production' }
        // The deploy package (npm run package:deploy) holds no node_modules: App Service installs the production
        // dependencies on deploy, for its own platform, and runs no build (dist/ is built before).
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'true' }
        { name: 'CUSTOM_BUILD_COMMAND', value: 'npm ci --omit=dev --no-audit --no-fund' }
        { name: 'PORT', value: '8080' }
        // Stores live in PostgreSQL (DATABASE_URL) and the calendar-link key comes from CALENDAR_LINK_SECRET, so
        // nothing shared goes in DATA_DIR: it is per-instance scratch on the instance's local disk, not /home (which
        // App Service shares between instances), and is lost when an instance restarts.
        { name: 'DATA_DIR', value: '/tmp/leading-compassionately' }
        { name: 'DATABASE_URL', value: '@Microsoft.KeyVault(SecretUri=${databaseUrlSecret.properties.secretUri})' }
        { name: 'DATABASE_POOL_SIZE', value: string(databasePoolSize) }
        { name: 'CALENDAR_LINK_SECRET', value: '@Microsoft.KeyVault(SecretUri=${calendarLinkSecretValue.properties.secretUri})' }
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
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
      ], empty(tabClientSecret) ? [] : [
        // Turns on "Create the Teams meeting for me" (the tenant must consent to OnlineMeetings.ReadWrite).
        { name: 'TAB_CLIENT_SECRET', value: '@Microsoft.KeyVault(SecretUri=${tabClientSecretValue!.properties.secretUri})' }
      ])
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
output KEY_VAULT_NAME string = vault.name
output POSTGRES_SERVER_FQDN string = postgres.properties.fullyQualifiedDomainName
