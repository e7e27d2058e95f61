/**
 * Azure built-in role definitions: name, GUID and permissions of every built-in role, which the engine compares
 * with a tenant's effective permissions. A built-in role has the same GUID and the same permissions in every
 * tenant, so the action judges them without asking the tenant. Custom roles are not in it: they are named by GUID,
 * or by name and resolved in the customer tenant.
 *
 * The permissions are carried compactly (`data/built-in-role-permissions.json`: GUID and permission patterns
 * only, brotli-compressed; generated from `data/azure-built-in-roles.json` by `scripts/update-built-in-roles.ts`)
 * and decoded once, on first use. Names and GUIDs alone are in `role-names.ts`, for the tenants file's validation.
 * Source: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles (each role's JSON).
 */
import { brotliDecompressSync } from 'node:zlib'
import permissionsFile from '../../data/built-in-role-permissions.json' with { type: 'json' }
import { builtInRoleName } from './role-names.js'

export { BUILT_IN_ROLES, RBAC_ADMINISTRATOR_ROLE_ID, builtInRoleId, builtInRoleName } from './role-names.js'

/** One permission block of a role definition (RoleDefinitionProperties.permissions[], ARM 2022-04-01). */
export interface RolePermission {
  actions: string[]
  notActions: string[]
  dataActions: string[]
  notDataActions: string[]
}

export interface RoleDefinitionData {
  /** The role definition's GUID, lower case. */
  id: string
  roleName: string
  permissions: RolePermission[]
}

/** The permissions file's payload: [GUID, [[actions, notActions, dataActions, notDataActions], …]] per role. */
export type CompactRolePermissions = [string, [string[], string[], string[], string[]][]][]

/** The payload of a permissions file's `permissions` text (base64 of brotli-compressed JSON). */
export function decodeRolePermissions(encoded: string): CompactRolePermissions {
  return JSON.parse(
    brotliDecompressSync(Buffer.from(encoded, 'base64')).toString('utf8')
  ) as CompactRolePermissions
}

let byId: ReadonlyMap<string, RoleDefinitionData> | undefined

/** Every built-in role by GUID, decoded on first use. */
function catalogue(): ReadonlyMap<string, RoleDefinitionData> {
  byId ??= new Map(
    decodeRolePermissions(permissionsFile.permissions).map(([id, blocks]) => {
      const role: RoleDefinitionData = {
        id,
        roleName: builtInRoleName(id) ?? id,
        permissions: blocks.map(([actions, notActions, dataActions, notDataActions]) => ({
          actions,
          notActions,
          dataActions,
          notDataActions
        }))
      }
      return [id, role]
    })
  )
  return byId
}

/** The built-in role definition for a GUID; undefined for custom roles. */
export function builtInRole(roleDefinitionId: string): RoleDefinitionData | undefined {
  return catalogue().get(roleDefinitionId.toLowerCase())
}
