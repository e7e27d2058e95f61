/**
 * The judgement of a customer tenant's role access: from what was observed (role assignments, the app's own
 * effective permissions, the role's definition) to one status per required assignment, and from those to drift.
 * Pure: no I/O. Drift is a tenant falling away from a state it had reached; a tenant that has not consented yet
 * (`onboarding: true` in the tenants file) is onboarding, not drift.
 */
import type { TenantConfig } from '../model/config.js'
import type { ObservedAssignment, ObservedTenant } from '../model/observed.js'
import type { ConsentStatus, RoleAssignmentStatus, StepOutcome } from '../model/report.js'
import type { RolePermission } from '../model/roles.js'

/** The operation whose grant lets the app create role assignments itself. */
export const ROLE_ASSIGNMENT_WRITE = 'Microsoft.Authorization/roleAssignments/write'

export interface AccessVerdict {
  status: RoleAssignmentStatus
  detail?: string
}

/** The outcome of an apply step for one assignment, when apply ran one. */
export interface StepResult {
  outcome?: StepOutcome
  detail?: string
}

/**
 * Azure RBAC wildcards: `*` stands for any run of characters, names compare case-insensitively
 * (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#actions).
 */
export function operationMatches(pattern: string, operation: string): boolean {
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${source}$`, 'i').test(operation)
}

/** Whether two wildcard patterns can name a common operation (either matches the other read literally). */
function overlaps(a: string, b: string): boolean {
  return operationMatches(a, b) || operationMatches(b, a)
}

type Plane = 'control' | 'data'

/**
 * Whether the effective permissions grant everything `wanted` (a role's action pattern) names, minus what the
 * role itself excludes: some block allows a superset of it, and each exclusion of that block that touches it is
 * one the role makes too. NotActions subtract within their block only
 * (https://learn.microsoft.com/azure/role-based-access-control/role-definitions#notactions).
 */
function covers(
  effective: readonly RolePermission[],
  wanted: string,
  roleExclusions: readonly string[],
  plane: Plane
): boolean {
  const excluded = new Set(roleExclusions.map(e => e.toLowerCase()))
  return effective.some(block => {
    const allowed = plane === 'control' ? block.actions : block.dataActions
    const denied = plane === 'control' ? block.notActions : block.notDataActions
    return (
      allowed.some(a => operationMatches(a, wanted)) &&
      denied.every(n => excluded.has(n.toLowerCase()) || !overlaps(n, wanted))
    )
  })
}

/** Whether effective permissions include every action and data action of the role. */
export function holdsRole(effective: readonly RolePermission[], role: readonly RolePermission[]): boolean {
  return role.every(
    block =>
      block.actions.every(a => covers(effective, a, block.notActions, 'control')) &&
      block.dataActions.every(a => covers(effective, a, block.notDataActions, 'data'))
  )
}

/** Whether effective permissions let the app write role assignments (ABAC conditions are judged by ARM). */
export function mayAssignRoles(effective: readonly RolePermission[]): boolean {
  return covers(effective, ROLE_ASSIGNMENT_WRITE, [], 'control')
}

const sameScope = (a: string, b: string): boolean =>
  a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase()

/**
 * The status of one required assignment. `step` is apply's outcome for its assign step (absent in plan mode or when
 * there was none).
 */
export function accessVerdict(observed: ObservedAssignment | undefined, step?: StepResult): AccessVerdict {
  const lookup = observed?.lookup
  if (!observed || !lookup || lookup.status === 'skipped') return { status: 'skipped' }
  // A role the tenant does not define (a custom role named by name) is a mistake to fix, not drift to wait out.
  if (observed.roleProblem) return { status: 'error', detail: observed.roleProblem }
  if (lookup.status === 'present') {
    return sameScope(lookup.via, observed.scope)
      ? { status: 'present' }
      : { status: 'inherited', detail: `Held through an assignment at ${lookup.via}.` }
  }
  const absent = absence(observed)
  if (absent === 'held') {
    return {
      status: 'present',
      detail:
        "Verified from the app's effective permissions here (it may not read role assignments): held at this scope or above."
    }
  }
  if (step?.outcome === 'done') return { status: 'applied', ...(step.detail ? { detail: step.detail } : {}) }
  // No answer is not a verdict: a transient failure is an error of the run, not drift of the tenant.
  if (lookup.status === 'failed') {
    return { status: 'error', detail: `${lookup.detail}${step?.detail ? ` Apply: ${step.detail}` : ''}` }
  }
  if (absent === 'unknown') {
    const why = lookup.status === 'unverifiable' ? lookup.detail : undefined
    const permissions = observed.effective?.status === 'unavailable' ? observed.effective.detail : undefined
    const detail = [why, permissions].filter((p): p is string => p !== undefined).join('; ')
    return {
      status: 'unverifiable',
      detail: `Neither the role assignments nor the app's effective permissions could be read: ${detail}.${
        step?.detail ? ` Apply: ${step.detail}` : ''
      }`
    }
  }
  if (step?.outcome === 'manual') return { status: 'awaiting-customer', detail: step.detail ?? '' }
  if (step?.outcome === 'failed') return { status: 'missing', detail: step.detail ?? 'apply failed' }
  if (observed.effective?.status === 'read' && !mayAssignRoles(observed.effective.permissions)) {
    return {
      status: 'awaiting-customer',
      detail:
        "The app may not create role assignments here (its effective permissions lack Microsoft.Authorization/roleAssignments/write): the customer's admin grants it."
    }
  }
  return { status: 'missing' }
}

/**
 * `absent`: verified absent; `held`: effective permissions prove it; `unknown`: neither could be read. A listing that
 * answered is trusted over effective permissions: another role may cover the same actions today, but the file asks
 * for this assignment.
 */
function absence(observed: ObservedAssignment): 'absent' | 'held' | 'unknown' {
  if (observed.lookup.status === 'missing') return 'absent'
  const effective = observed.effective
  if (effective?.status === 'read' && observed.rolePermissions) {
    return holdsRole(effective.permissions, observed.rolePermissions) ? 'held' : 'absent'
  }
  return 'unknown'
}

/** Statuses that mean a required role is not in place (a consented tenant with one has drifted). */
export const ROLE_GAPS: ReadonlySet<RoleAssignmentStatus> = new Set<RoleAssignmentStatus>([
  'missing',
  'awaiting-customer',
  'unverifiable'
])

/** Whether apply should try to create it: verified absent, or not known (the PUT is idempotent by name). */
export function wantsAssignStep(verdict: AccessVerdict): boolean {
  return verdict.status === 'missing' || verdict.status === 'unverifiable' || verdict.status === 'error'
}

export interface TenantAccessVerdict {
  /** Why this tenant has drifted; empty when it has not. */
  drift: string[]
  /** Not consented (yet, when onboarding; any more, otherwise). */
  needsConsent: boolean
  /** Onboarding is complete: the plan proposes removing `onboarding: true` from the tenants file. */
  onboardingComplete: boolean
}

/**
 * Whether the app's unmanaged role assignments not being readable counts, and why: always when ARM did not answer
 * (transient: an error of the run), and when `prune: true` asked for them to be removed (ARM's refusal then means
 * prune cannot do its work). Otherwise the check is best-effort: an app held to least privilege often may not list
 * the assignments of a whole subscription, and that is no fault of the tenant.
 */
export function unmanagedUnreadVerdict(
  tenant: Pick<TenantConfig, 'prune'>,
  observed: Pick<ObservedTenant, 'unmanagedUnread'> | undefined
): string | undefined {
  const unread = observed?.unmanagedUnread
  if (!unread) return undefined
  if (unread.failure === 'transient' || tenant.prune === true)
    return `The app's role assignments not listed in the tenants file could not be read: ${unread.detail}`
  return undefined
}

/** Consent statuses that mean the customer took away what had been reached. */
const FELL_AWAY: ReadonlySet<ConsentStatus> = new Set<ConsentStatus>(['disabled', 'blocked'])

export function tenantAccessVerdict(
  tenant: Pick<TenantConfig, 'onboarding'>,
  consent: ConsentStatus | undefined,
  observed: Pick<ObservedTenant, 'unmanaged' | 'probes'> | undefined,
  statuses: readonly RoleAssignmentStatus[]
): TenantAccessVerdict {
  const drift: string[] = []
  const needsConsent = consent === 'needs-consent'
  if (needsConsent && !tenant.onboarding) drift.push('not consented, and not onboarding: consent was revoked')
  if (consent !== undefined && FELL_AWAY.has(consent)) drift.push(`the app is ${consent} in the tenant`)
  if (consent === 'consented') {
    const gaps = statuses.filter(s => ROLE_GAPS.has(s)).length
    if (gaps > 0) drift.push(`${gaps} required role assignment${gaps === 1 ? '' : 's'} not in place`)
    const extra = observed?.unmanaged?.length ?? 0
    if (extra > 0) drift.push(`${extra} unmanaged role assignment${extra === 1 ? '' : 's'} of the app`)
    const denied = (observed?.probes ?? []).filter(p => p.status === 'denied').length
    if (denied > 0) drift.push(`${denied} probe${denied === 1 ? '' : 's'} denied`)
  }
  const probesOk = (observed?.probes ?? []).every(p => p.status === 'verified')
  const onboardingComplete =
    tenant.onboarding === true &&
    consent === 'consented' &&
    drift.length === 0 &&
    probesOk &&
    statuses.every(s => s === 'present' || s === 'inherited' || s === 'applied')
  return { drift, needsConsent, onboardingComplete }
}
