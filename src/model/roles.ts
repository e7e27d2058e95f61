/**
 * Azure built-in role definitions the tenants file may name. A built-in role has the same GUID in every tenant;
 * names are display strings, so the action always works with the GUID and accepts any other role (custom roles
 * included) by its GUID.
 * Source: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles (each role's JSON `name`).
 */
export const BUILT_IN_ROLES: Readonly<Record<string, string>> = Object.freeze({
  Owner: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635',
  Contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c',
  Reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
  'User Access Administrator': '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9',
  'Role Based Access Control Administrator': 'f58310d9-a9f6-439a-9e8d-f62e7b41a168',
  'Key Vault Secrets Officer': 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6',
  'Key Vault Crypto Service Encryption User': 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
  'Storage Blob Data Reader': '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
})

/** The built-in role's GUID for a name, matched case-insensitively as the portal and CLI do. */
export function builtInRoleId(name: string): string | undefined {
  const wanted = name.trim().toLowerCase()
  const match = Object.entries(BUILT_IN_ROLES).find(([roleName]) => roleName.toLowerCase() === wanted)
  return match?.[1]
}
