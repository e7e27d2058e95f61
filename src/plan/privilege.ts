/**
 * Least privilege, checked at every sign-in: the automation identity's Microsoft Graph application permissions (the
 * `roles` of its Graph token) against what the run needs. Apply needs Application.ReadWrite.OwnedBy — it creates
 * the app and then owns it; a plan reads the app, which OwnedBy or Application.Read.All allows. Anything
 * tenant-wide that writes is more than either needs.
 * Source: https://learn.microsoft.com/graph/permissions-reference
 */
import type { IdentityReport } from '../model/report.js'
import type { Mode } from '../model/run.js'

/** Any one of these lets the run do its work, the first being the least. */
const ENOUGH: Readonly<Record<Mode, readonly string[]>> = {
  plan: ['Application.Read.All', 'Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All'],
  apply: ['Application.ReadWrite.OwnedBy', 'Application.ReadWrite.All']
}

/** Tenant-wide write permissions: none is needed, each reaches far beyond the one app. */
const MORE_THAN_NEEDED: readonly string[] = [
  'Application.ReadWrite.All',
  'Directory.ReadWrite.All',
  'AppRoleAssignment.ReadWrite.All',
  'RoleManagement.ReadWrite.Directory',
  'ServicePrincipalEndpoint.ReadWrite.All',
  'Policy.ReadWrite.ApplicationConfiguration'
]

export function identityVerdict(
  mode: Mode,
  objectId: string | undefined,
  roles: readonly string[]
): IdentityReport {
  const enough = ENOUGH[mode]
  return {
    objectId: objectId ?? null,
    roles: [...roles].sort(),
    excess: roles.filter(role => MORE_THAN_NEEDED.includes(role)).sort(),
    missing: roles.some(role => enough.includes(role)) ? [] : [enough[0] as string]
  }
}
