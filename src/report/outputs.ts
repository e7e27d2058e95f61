/**
 * The action's outputs (design: "Action contract") and the `fail-on` verdict. Output values are strings, as
 * GitHub Actions passes them; the secret's Key Vault version id is an output, its value never is.
 */
import type { FailOn } from '../model/run.js'
import { clip } from './markdown.js'
import type { ConsentStatus, Report, TenantReport } from '../model/report.js'

/**
 * Consent statuses that are errors rather than drift: the provider's own credential, a tenant id that does not
 * exist in this cloud (a mistake in the tenants file) and unexpected failures. `disabled` and `blocked` are
 * customer decisions, so they are drift.
 */
export const ERROR_CONSENT_STATUSES: ReadonlySet<ConsentStatus> = new Set<ConsentStatus>([
  'provider-error',
  'tenant-not-found',
  'error'
])

/** How many tenant names a one-line failure message lists before saying "and N more". */
const NAMES_IN_FAILURE = 5
/** Tenant names are cut to this length in the one-line message. */
const NAME_CHARS = 80

export function outputsFor(report: Report, reportFile: string): Record<string, string> {
  return {
    'app-id': report.app.appId ?? '',
    'needs-consent': JSON.stringify(tenantsWith(report, 'needs-consent').map(tenant => tenant.tenantId)),
    drift: String(report.drift),
    changed: String(report.changed),
    'secret-version': report.secret.version ?? '',
    'report-file': reportFile
  }
}

/** Why `fail-on` fails the job, in one line; undefined when it does not. Reasons are checked in a fixed order. */
export function failureFor(report: Report, failOn: ReadonlySet<FailOn>): string | undefined {
  const reasons: string[] = []
  const errors = failOn.has('error') ? errorsIn(report) : []
  if (errors.length > 0) reasons.push(`fail-on error: ${errors.join(', ')}`)
  const waiting = tenantsWith(report, 'needs-consent')
  if (failOn.has('needs-consent') && waiting.length > 0) {
    reasons.push(
      `fail-on needs-consent: ${count(waiting.length, 'tenant needs', 'tenants need')} admin consent (${names(waiting)})`
    )
  }
  if (failOn.has('drift') && report.drift) reasons.push(`fail-on drift: ${driftIn(report)}`)
  return reasons.length > 0 ? reasons.join('; ') : undefined
}

function errorsIn(report: Report): string[] {
  const errors: string[] = []
  if (report.app.status === 'error' || report.app.status === 'not-owned') {
    errors.push(
      `the app registration is ${report.app.status === 'error' ? 'in error' : 'not owned by the automation identity'}`
    )
  }
  const failedTenants = report.tenants.filter(tenant => ERROR_CONSENT_STATUSES.has(tenant.consent.status))
  if (failedTenants.length > 0) {
    errors.push(`${count(failedTenants.length, 'tenant', 'tenants')} failed (${names(failedTenants)})`)
  }
  if (report.secret.status === 'failed') errors.push('the secret rotation failed')
  const roleErrors = report.tenants
    .flatMap(tenant => tenant.roleAssignments)
    .filter(a => a.status === 'error')
  if (roleErrors.length > 0)
    errors.push(`${count(roleErrors.length, 'role assignment', 'role assignments')} in error`)
  const unread = report.tenants.filter(tenant => tenant.unmanagedUnread)
  if (unread.length > 0)
    errors.push(
      `${count(unread.length, 'tenant', 'tenants')}: unmanaged role assignments not read (${names(unread)})`
    )
  const probeErrors = report.tenants.flatMap(tenant => tenant.probes).filter(p => p.status === 'error')
  if (probeErrors.length > 0) errors.push(`${count(probeErrors.length, 'probe', 'probes')} failed`)
  const failedSteps = report.steps.filter(step => step.outcome === 'failed')
  if (failedSteps.length > 0) errors.push(`${count(failedSteps.length, 'step', 'steps')} failed`)
  return errors
}

function driftIn(report: Report): string {
  const drifted = report.tenants.filter(tenant => tenant.drift.length > 0)
  const secret = report.secret.status === 'invalid' ? ['the stored secret does not authenticate'] : []
  if (drifted.length === 0 && secret.length === 0) return 'Azure differs from the tenants file'
  const shown = drifted
    .slice(0, NAMES_IN_FAILURE)
    .map(tenant => `${clip(tenant.name, NAME_CHARS)} (${tenant.drift.join(', ')})`)
  const more = drifted.length - shown.length
  const tenants =
    drifted.length === 0
      ? []
      : [
          `${count(drifted.length, 'tenant', 'tenants')} drifted: ${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}`
        ]
  return [...secret, ...tenants].join('; ')
}

function tenantsWith(report: Report, status: ConsentStatus): TenantReport[] {
  return report.tenants.filter(tenant => tenant.consent.status === status)
}

function names(tenants: readonly TenantReport[]): string {
  const shown = tenants.slice(0, NAMES_IN_FAILURE).map(tenant => clip(tenant.name, NAME_CHARS))
  const more = tenants.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}
