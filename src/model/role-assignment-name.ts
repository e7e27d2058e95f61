/**
 * The deterministic name of a role assignment: the same (scope, principal, role) always gets the same GUID, so
 * re-applying is a no-op PUT and the hand-off's ARM template creates the very assignments apply would.
 */
import { createHash } from 'node:crypto'

/**
 * The namespace of ARM template `guid()` (UUIDv5 over the arguments joined with `-`), so that the action names an
 * assignment exactly as a Bicep `guid(scope, principalId, roleId)` would
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/scenarios-rbac#name).
 */
const ROLE_ASSIGNMENT_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830'

export function uuidv5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A stable name for (scope, principal, role): re-applying is a no-op PUT, never a duplicate. */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionId: string): string {
  return uuidv5(
    [scope, principalId, roleDefinitionId].map(part => part.toLowerCase()).join('-'),
    ROLE_ASSIGNMENT_NAMESPACE
  )
}
