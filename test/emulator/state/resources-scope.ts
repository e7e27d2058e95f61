/**
 * ARM scopes: `/subscriptions/{id}`, `…/resourceGroups/{name}`, `…/providers/{namespace}/{type}/{name}[/…]`
 * (https://learn.microsoft.com/rest/api/authorization/role-assignments; MicrosoftDocs/azure-docs `role-assignments-list-rest.md` scope table).
 * ARM compares resource ids case-insensitively, so every comparison here goes through `scopeKey`.
 */

export type ParsedScope =
  | { kind: 'root' }
  /** `/providers/Microsoft.Management/managementGroups/{groupId}` (role-assignments-list-rest.md scope table) */
  | { kind: 'managementGroup'; groupId: string }
  | { kind: 'subscription'; subscriptionId: string }
  | { kind: 'resourceGroup'; subscriptionId: string; resourceGroup: string }
  | {
      kind: 'resource'
      subscriptionId: string
      resourceGroup: string
      /** `Namespace/type` of the top-level resource, e.g. `Microsoft.KeyVault/vaults` */
      resourceType: string
      resourceName: string
    }

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A scope as ARM writes it: one leading `/`, no trailing `/`, `/` alone for the root. */
export function normalizeScope(scope: string): string {
  const segments = scope.split('/').filter(s => s !== '')
  return '/' + segments.join('/')
}

export function scopeKey(scope: string): string {
  return normalizeScope(scope).toLowerCase()
}

/** The scope prefix of a management group. */
export function managementGroupScope(groupId: string): string {
  return `/providers/Microsoft.Management/managementGroups/${groupId}`
}

/** Parses a management-group or subscription-based scope; undefined for anything else. */
export function parseScope(scope: string): ParsedScope | undefined {
  const seg = scope.split('/').filter(s => s !== '')
  if (seg.length === 0) return { kind: 'root' }
  if (
    seg.length === 4 &&
    seg[0]?.toLowerCase() === 'providers' &&
    seg[1]?.toLowerCase() === 'microsoft.management' &&
    seg[2]?.toLowerCase() === 'managementgroups'
  ) {
    return { kind: 'managementGroup', groupId: seg[3] as string }
  }
  if (seg[0]?.toLowerCase() !== 'subscriptions' || seg.length < 2) return undefined
  const subscriptionId = seg[1] as string
  if (seg.length === 2) return { kind: 'subscription', subscriptionId }
  if (seg[2]?.toLowerCase() !== 'resourcegroups' || seg.length < 4) return undefined
  const resourceGroup = seg[3] as string
  if (seg.length === 4) return { kind: 'resourceGroup', subscriptionId, resourceGroup }
  // providers/{namespace}/{type}/{name} followed by child type/name pairs
  if (seg[4]?.toLowerCase() !== 'providers' || seg.length < 8 || (seg.length - 8) % 2 !== 0) return undefined
  return {
    kind: 'resource',
    subscriptionId,
    resourceGroup,
    resourceType: `${seg[5]}/${seg[6]}`,
    resourceName: seg[7] as string
  }
}

export function subscriptionOf(scope: string): string | undefined {
  const parsed = parseScope(scope)
  return parsed && parsed.kind !== 'root' && parsed.kind !== 'managementGroup'
    ? parsed.subscriptionId.toLowerCase()
    : undefined
}
