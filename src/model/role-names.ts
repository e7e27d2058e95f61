/**
 * Azure built-in role names and GUIDs: what the tenants file's validation needs to resolve `role: Reader`, and no
 * more (`data/built-in-role-ids.json`, generated with the full catalogue by `scripts/update-built-in-roles.ts`).
 * A built-in role has the same GUID in every tenant. The roles' permissions, which only the engine reads, are in
 * `roles.ts`, so a run that stops at a mistake in the tenants file never loads them.
 * Source: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles (each role's JSON).
 */
import roleIds from '../../data/built-in-role-ids.json' with { type: 'json' }

/**
 * Built-in role names → GUIDs (the whole catalogue), sorted by name. Read-only by type, not frozen: freezing an
 * object of ~900 keys costs V8 some 20 ms, a fifth of the cold path's budget.
 */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = roleIds as Record<string, string>

let byName: ReadonlyMap<string, string> | undefined
let byId: ReadonlyMap<string, string> | undefined

/** "Role Based Access Control Administrator": assigns roles, optionally limited by an ABAC condition. */
export const RBAC_ADMINISTRATOR_ROLE_ID = 'f58310d9-a9f6-439a-9e8d-f62e7b41a168'

/** The built-in role's GUID for a name, matched case-insensitively as the portal and CLI do. */
export function builtInRoleId(name: string): string | undefined {
  // Trimmed on both sides: the catalogue has a name with a trailing space ("Azure Arc VMware Administrator role ").
  byName ??= new Map(Object.entries(BUILT_IN_ROLES).map(([role, id]) => [role.trim().toLowerCase(), id]))
  return byName.get(name.trim().toLowerCase())
}

/** The built-in role's name for a GUID, for reports. */
export function builtInRoleName(roleDefinitionId: string): string | undefined {
  byId ??= new Map(Object.entries(BUILT_IN_ROLES).map(([role, id]) => [id, role]))
  return byId.get(roleDefinitionId.toLowerCase())
}
