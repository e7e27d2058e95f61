/**
 * Azure built-in role definitions the emulator knows, copied from Microsoft's generated built-in role reference
 * (MicrosoftDocs/azure-docs `articles/role-based-access-control/built-in-roles/*.md`, each role's JSON block):
 * the same GUID in every tenant, `assignableScopes: ["/"]`, and the exact actions / notActions / dataActions /
 * notDataActions, because the emulator's RBAC decisions are computed from them.
 */

export interface RolePermission {
  actions: string[]
  notActions: string[]
  dataActions: string[]
  notDataActions: string[]
}

export interface RoleDefinition {
  /** The role definition's GUID (its `name`). */
  guid: string
  roleName: string
  description: string
  type: 'BuiltInRole'
  assignableScopes: string[]
  permissions: RolePermission[]
}

/** Path segment between a scope and a role definition GUID (reference/arm-kv-peers.md A.4). */
export const ROLE_DEFINITIONS_SEGMENT = '/providers/Microsoft.Authorization/roleDefinitions/'

function builtIn(
  guid: string,
  roleName: string,
  description: string,
  permission: Partial<RolePermission>
): RoleDefinition {
  return {
    guid,
    roleName,
    description,
    type: 'BuiltInRole',
    assignableScopes: ['/'],
    permissions: [{ actions: [], notActions: [], dataActions: [], notDataActions: [], ...permission }]
  }
}

/** built-in-roles/privileged.md § Owner */
export const OWNER = builtIn(
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  'Owner',
  'Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.',
  { actions: ['*'] }
)

/** built-in-roles/privileged.md § Contributor */
export const CONTRIBUTOR = builtIn(
  'b24988ac-6180-42a0-ab88-20f7382dd24c',
  'Contributor',
  'Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC, manage assignments in Azure Blueprints, or share image galleries.',
  {
    actions: ['*'],
    notActions: [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
      'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action'
    ]
  }
)

/** built-in-roles/general.md § Reader */
export const READER = builtIn(
  'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'Reader',
  'View all resources, but does not allow you to make any changes.',
  { actions: ['*/read'] }
)

/** built-in-roles/privileged.md § User Access Administrator */
export const USER_ACCESS_ADMINISTRATOR = builtIn(
  '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'User Access Administrator',
  'Lets you manage user access to Azure resources.',
  { actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'] }
)

/** built-in-roles/privileged.md § Role Based Access Control Administrator */
export const RBAC_ADMINISTRATOR = builtIn(
  'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'Role Based Access Control Administrator',
  'Manage access to Azure resources by assigning roles using Azure RBAC. This role does not allow you to manage access using other ways, such as Azure Policy.',
  {
    actions: [
      'Microsoft.Authorization/roleAssignments/write',
      'Microsoft.Authorization/roleAssignments/delete',
      '*/read',
      'Microsoft.Support/*'
    ]
  }
)

/** Control-plane actions shared by the Key Vault data roles (built-in-roles/security.md). */
const KEY_VAULT_DATA_ROLE_ACTIONS = [
  'Microsoft.Authorization/*/read',
  'Microsoft.Insights/alertRules/*',
  'Microsoft.Resources/deployments/*',
  'Microsoft.Resources/subscriptions/resourceGroups/read',
  'Microsoft.Support/*',
  'Microsoft.KeyVault/checkNameAvailability/read',
  'Microsoft.KeyVault/deletedVaults/read',
  'Microsoft.KeyVault/locations/*/read',
  'Microsoft.KeyVault/vaults/*/read',
  'Microsoft.KeyVault/operations/read'
]

/** built-in-roles/security.md § Key Vault Secrets Officer */
export const KEY_VAULT_SECRETS_OFFICER = builtIn(
  'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  'Key Vault Secrets Officer',
  "Perform any action on the secrets of a key vault, except manage permissions. Only works for key vaults that use the 'Azure role-based access control' permission model.",
  { actions: KEY_VAULT_DATA_ROLE_ACTIONS, dataActions: ['Microsoft.KeyVault/vaults/secrets/*'] }
)

/** built-in-roles/security.md § Key Vault Secrets User */
export const KEY_VAULT_SECRETS_USER = builtIn(
  '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Secrets User',
  "Read secret contents. Only works for key vaults that use the 'Azure role-based access control' permission model.",
  {
    dataActions: [
      'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
    ]
  }
)

/** built-in-roles/security.md § Key Vault Crypto Service Encryption User */
export const KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = builtIn(
  'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  'Key Vault Crypto Service Encryption User',
  "Read metadata of keys and perform wrap/unwrap operations. Only works for key vaults that use the 'Azure role-based access control' permission model.",
  {
    actions: [
      'Microsoft.EventGrid/eventSubscriptions/write',
      'Microsoft.EventGrid/eventSubscriptions/read',
      'Microsoft.EventGrid/eventSubscriptions/delete'
    ],
    dataActions: [
      'Microsoft.KeyVault/vaults/keys/read',
      'Microsoft.KeyVault/vaults/keys/wrap/action',
      'Microsoft.KeyVault/vaults/keys/unwrap/action'
    ]
  }
)

/**
 * built-in-roles/storage.md § Storage Blob Data Reader (the same JSON is quoted in role-definitions.md,
 * "Storage Blob Data Reader role as displayed in Azure CLI").
 */
export const STORAGE_BLOB_DATA_READER = builtIn(
  '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  'Storage Blob Data Reader',
  'Allows for read access to Azure Storage blob containers and data',
  {
    actions: [
      'Microsoft.Storage/storageAccounts/blobServices/containers/read',
      'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'
    ],
    dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']
  }
)

export const BUILT_IN_ROLES: readonly RoleDefinition[] = [
  OWNER,
  CONTRIBUTOR,
  READER,
  USER_ACCESS_ADMINISTRATOR,
  RBAC_ADMINISTRATOR,
  KEY_VAULT_SECRETS_OFFICER,
  KEY_VAULT_SECRETS_USER,
  KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
  STORAGE_BLOB_DATA_READER
]

const GUID_AT_END = /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

export function roleByGuid(guid: string): RoleDefinition | undefined {
  const lower = guid.toLowerCase()
  return BUILT_IN_ROLES.find(r => r.guid === lower)
}

/** Role names compare case-insensitively, as the `roleName eq '…'` filter does. */
export function roleByName(name: string): RoleDefinition | undefined {
  const lower = name.toLowerCase()
  return BUILT_IN_ROLES.find(r => r.roleName.toLowerCase() === lower)
}

/**
 * A role definition id in any of its documented forms: bare GUID, `/providers/Microsoft.Authorization/
 * roleDefinitions/{guid}` or `/{scope}/providers/Microsoft.Authorization/roleDefinitions/{guid}`.
 */
export function roleGuidOf(roleDefinitionId: string): string | undefined {
  const trimmed = roleDefinitionId.replace(/\/+$/, '')
  if (!GUID_AT_END.test(trimmed)) return undefined
  const isBare = !trimmed.includes('/')
  if (!isBare && !trimmed.toLowerCase().includes(ROLE_DEFINITIONS_SEGMENT.toLowerCase())) return undefined
  return GUID_AT_END.exec(trimmed)?.[1]?.toLowerCase()
}

/** A role named by GUID, role definition id or (for scenario files) display name. */
export function resolveRole(ref: string): RoleDefinition | undefined {
  const guid = roleGuidOf(ref)
  return guid !== undefined ? roleByGuid(guid) : roleByName(ref)
}

/**
 * Azure RBAC wildcard matching: `*` stands for any run of characters, whether it leads (Reader's "any
 * provider's read") or trails (User Access Administrator's Microsoft.Authorization namespace), and operation
 * names compare case-insensitively (Contributor's notActions spell the authorization writes with a capital
 * W, yet they exclude `Microsoft.Authorization/roleAssignments/write`).
 */
export function operationMatches(pattern: string, operation: string): boolean {
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'i').test(operation)
}

export type Plane = 'control' | 'data'

/**
 * Whether a role grants an operation: some permission block lists it in (data)actions and the same block does
 * not exclude it in not(Data)Actions. NotActions subtract from that block only; they are not deny rules
 * (learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions).
 */
export function roleGrants(role: RoleDefinition, operation: string, plane: Plane): boolean {
  return role.permissions.some(p => {
    const allowed = plane === 'control' ? p.actions : p.dataActions
    const excluded = plane === 'control' ? p.notActions : p.notDataActions
    return (
      allowed.some(a => operationMatches(a, operation)) && !excluded.some(n => operationMatches(n, operation))
    )
  })
}
