/**
 * The verdicts: from the tenants file, what was observed and the plan (with outcomes after apply), the one report
 * model — every status, the drift, the totals. This is the only place that decides them; every renderer (summary,
 * comment, annotations, outputs, JSON) reads the result and nothing else.
 */
import type { TenantConfig, TenantsConfig } from '../model/config.js'
import type { ObservedProvider, ObservedTenant } from '../model/observed.js'
import type { Cloud, Mode, Rotate } from '../model/run.js'
import { type PlanStep, stepKey } from '../model/steps.js'
import { accessVerdict, tenantAccessVerdict, unmanagedUnreadVerdict } from './access.js'
import { roleAssignmentCommand } from './commands.js'
import { buildHandoff } from './handoff.js'
import { consentVerdict } from './consent.js'
import { consentLinks } from './consent-links.js'
import type { CredentialJudgement } from './credentials.js'
import { desiredFederatedCredentials, federatedCredentialChanges } from './plan.js'
import {
  type AppReport,
  type ConsentStatus,
  type FederatedCredentialReport,
  type IdentityReport,
  REPORT_VERSION,
  type Report,
  type RoleAssignmentReport,
  type RoleAssignmentStatus,
  type SecretReport,
  type StepReport,
  type TenantReport
} from '../model/report.js'

export interface ReportInput {
  mode: Mode
  rotate: Rotate
  cloud: Cloud
  config: TenantsConfig
  now: Date
  /** As observed before apply. */
  provider: ObservedProvider
  /** The app's ids after apply (a created app has them only then). */
  app?: { id: string; appId: string }
  /** A fix command for an app the automation identity does not own. */
  ownerFixCommand?: string
  tenants: ReadonlyMap<string, ObservedTenant>
  /** The whole plan, in order, with outcomes in apply mode. */
  steps: PlanStep[]
  /** The secret apply stored, if any. */
  storedSecret?: { version: string; expiresOn: Date }
  /** The credential lifecycle's judgement (of the state after apply, when apply ran). */
  credentials: CredentialJudgement
  /** The automation identity's permissions, judged. */
  identity?: IdentityReport
}

const PROBLEM_STATUSES: ReadonlySet<ConsentStatus> = new Set([
  'disabled',
  'tenant-not-found',
  'blocked',
  'provider-error',
  'error'
])

export function verdicts(input: ReportInput): Report {
  const steps = input.steps.map(stepReport)
  const app = appReport(input)
  const tenants = input.config.tenants.map(tenant => tenantReport(input, tenant, app.appId))
  const changed = steps.some(step => step.write && step.outcome === 'done')
  const secret = secretReport(input)
  // A stored secret that does not authenticate has fallen away from a reached state: drift, like a lost consent.
  const drift = secret.status === 'invalid' || tenants.some(tenant => tenant.drift.length > 0)
  return {
    version: REPORT_VERSION,
    mode: input.mode,
    generatedAt: input.now.toISOString(),
    cloud: input.cloud.name,
    tenantsFile: input.config.file,
    ...(input.identity ? { identity: input.identity } : {}),
    app,
    tenants,
    secret,
    credentials: input.credentials.credentials,
    ...(input.credentials.federatedSubjects
      ? { federatedSubjects: input.credentials.federatedSubjects }
      : {}),
    notices: input.credentials.notices,
    steps,
    totals: {
      tenants: tenants.length,
      consented: tenants.filter(t => t.consent.status === 'consented').length,
      needsConsent: tenants.filter(t => t.consent.status === 'needs-consent').length,
      problems: tenants.filter(t => PROBLEM_STATUSES.has(t.consent.status)).length
    },
    drift,
    changed
  }
}

/** The step as reported: what apply needs to carry it out stays out of the JSON. */
function stepReport(step: PlanStep): StepReport {
  return {
    kind: step.kind,
    target: step.target,
    reason: step.reason,
    write: step.write,
    ...(step.tenantId ? { tenantId: step.tenantId } : {}),
    ...(step.outcome ? { outcome: step.outcome } : {}),
    ...(step.detail ? { detail: step.detail } : {})
  }
}

const PROVIDER_APP_STEPS = new Set([
  'create-app',
  'update-app',
  'create-federated-credential',
  'update-federated-credential',
  'create-service-principal'
])

function appReport(input: ReportInput): AppReport {
  const observed = input.provider.app
  const base = {
    uniqueName: input.config.app.uniqueName,
    displayName: input.config.app.displayName,
    line: input.config.app.position.line
  }
  const appSteps = input.steps.filter(step => PROVIDER_APP_STEPS.has(step.kind))
  const failed = appSteps.find(step => step.outcome === 'failed')
  const ids =
    input.app ??
    (observed.status === 'found' ? { id: observed.app.id, appId: observed.app.appId } : undefined)
  const common = {
    ...base,
    appId: ids?.appId ?? null,
    objectId: ids?.id ?? null,
    federatedCredentials: ficReports(input)
  }
  if (observed.status === 'not-owned') {
    return {
      ...common,
      status: 'not-owned',
      detail: observed.detail,
      ...(input.ownerFixCommand ? { fixCommand: input.ownerFixCommand } : {})
    }
  }
  if (observed.status === 'error')
    return { ...common, status: 'error', detail: observed.detail, failure: observed.failure }
  if (failed) return { ...common, status: 'error', detail: failed.detail ?? `${failed.kind} failed` }
  const applied = appSteps.length > 0 && appSteps.every(step => step.outcome === 'done')
  if (observed.status === 'missing') return { ...common, status: applied ? 'created' : 'missing' }
  if (appSteps.length === 0) return { ...common, status: 'current' }
  return { ...common, status: applied ? 'updated' : 'changes-pending' }
}

function ficReports(input: ReportInput): FederatedCredentialReport[] {
  const observed = input.provider.app
  const have = observed.status === 'found' ? observed.app.federatedCredentials : []
  const want = desiredFederatedCredentials(input.config, input.cloud.oidcAudience)
  const outcomeOf = (kind: string, name: string): string | undefined =>
    input.steps.find(step => step.kind === kind && step.key === stepKey.federatedCredential(name))?.outcome
  const reports: FederatedCredentialReport[] = want.map(fic => {
    const existing = have.find(h => h.name === fic.name)
    if (!existing) {
      return {
        name: fic.name,
        subject: fic.subject,
        status: outcomeOf('create-federated-credential', fic.name) === 'done' ? 'created' : 'missing'
      }
    }
    if (federatedCredentialChanges(existing, fic).length === 0)
      return { name: fic.name, subject: fic.subject, status: 'present' }
    return {
      name: fic.name,
      subject: fic.subject,
      status: outcomeOf('update-federated-credential', fic.name) === 'done' ? 'updated' : 'changed'
    }
  })
  for (const extra of have.filter(h => !want.some(w => w.name === h.name))) {
    reports.push({ name: extra.name, subject: extra.subject, status: 'unmanaged' })
  }
  return reports
}

function tenantReport(input: ReportInput, tenant: TenantConfig, appId: string | null): TenantReport {
  const observed = input.tenants.get(tenant.tenantId)
  const consent = observed
    ? consentVerdict(observed.consent)
    : { status: 'error' as const, detail: 'not observed' }
  const links =
    consent.status === 'needs-consent' && appId
      ? consentLinks({
          authorityHost: input.cloud.authorityHost,
          tenantId: tenant.tenantId,
          appId,
          redirectUri: input.config.app.redirectUri,
          armAudience: input.cloud.armAudience
        })
      : undefined
  const principalId = consent.principalId ?? null
  return {
    name: tenant.name,
    tenantId: tenant.tenantId,
    line: tenant.position.line,
    consent: {
      status: consent.status,
      code: consent.code ?? null,
      ...(consent.traceId ? { traceId: consent.traceId } : {}),
      ...(consent.detail ? { detail: consent.detail } : {}),
      link: links?.link ?? null,
      linkV2: links?.linkV2 ?? null
    },
    principalId,
    ...tenantAccess(input, tenant, consent.status, appId, principalId)
  }
}

/** The tenant's access: a status per required assignment (with apply's outcomes), drift, probes, the hand-off. */
function tenantAccess(
  input: ReportInput,
  tenant: TenantConfig,
  consent: ConsentStatus,
  appId: string | null,
  principalId: string | null
): Pick<
  TenantReport,
  'roleAssignments' | 'onboarding' | 'drift' | 'probes' | 'unmanaged' | 'unmanagedUnread' | 'handoff'
> {
  const observed = input.tenants.get(tenant.tenantId)
  const roleAssignments = tenant.roleAssignments.map((wanted, i): RoleAssignmentReport => {
    const seen = observed?.assignments[i]
    const roleDefinitionId = seen?.roleDefinitionId || wanted.roleDefinitionId
    const key = stepKey.roleAssignment(tenant.tenantId, wanted.scope, roleDefinitionId || wanted.role)
    const step = input.steps.find(s => s.key === key && s.kind === 'assign-role')
    const verdict = accessVerdict(seen, step)
    const outstanding = GRANTS_OUTSTANDING.has(verdict.status)
    return {
      scope: wanted.scope,
      role: wanted.role,
      roleDefinitionId,
      line: wanted.position.line,
      status: verdict.status,
      ...(verdict.detail ? { detail: verdict.detail } : {}),
      ...(outstanding && principalId && roleDefinitionId
        ? { fixCommand: roleAssignmentCommand(principalId, roleDefinitionId, wanted.scope) }
        : {})
    }
  })
  const pruned = new Set(
    input.steps
      .filter(s => s.kind === 'remove-assignment' && s.outcome === 'done')
      .map(s => (s.kind === 'remove-assignment' ? s.assignmentId.toLowerCase() : ''))
  )
  const unmanaged = (observed?.unmanaged ?? []).filter(u => !pruned.has(u.id.toLowerCase()))
  const unmanagedUnread = unmanagedUnreadVerdict(tenant, observed)
  const verdict = tenantAccessVerdict(
    tenant,
    observed ? consent : undefined,
    { unmanaged, probes: observed?.probes },
    roleAssignments.map(a => a.status)
  )
  const grant = (a: RoleAssignmentReport) => ({
    scope: a.scope,
    role: a.role,
    roleDefinitionId: a.roleDefinitionId
  })
  return {
    roleAssignments,
    onboarding: tenant.onboarding === true,
    drift: verdict.drift,
    probes: (observed?.probes ?? []).map(p => ({ ...p })),
    unmanaged: unmanaged.map(u => ({ id: u.id, scope: u.scope, roleDefinitionId: u.roleDefinitionId })),
    ...(unmanagedUnread ? { unmanagedUnread } : {}),
    handoff: buildHandoff({
      tenantId: tenant.tenantId,
      appId,
      principalId,
      grants: roleAssignments.filter(a => GRANTS_OUTSTANDING.has(a.status)).map(grant),
      allRoles: roleAssignments.map(grant)
    })
  }
}

/** Statuses whose grant the customer's admin may have to give: the hand-off covers them. */
const GRANTS_OUTSTANDING: ReadonlySet<RoleAssignmentStatus> = new Set<RoleAssignmentStatus>([
  'missing',
  'awaiting-customer',
  'unverifiable',
  'error',
  'skipped'
])

/** The credential judgement's verdict on the secret, with apply's outcome on top: rotated, or failed. */
function secretReport(input: ReportInput): SecretReport {
  const credential = input.config.app.credential
  const line = credential.position.line
  if (credential.kind !== 'secret') return { status: 'not-configured', line, version: null, expiresOn: null }
  const verdict = input.credentials.secret
  const where = {
    line,
    keyVault: credential.keyVault,
    secretName: credential.secretName,
    rotate: input.rotate,
    overlapDays: credential.overlapDays,
    ...(verdict.currentManaged === undefined ? {} : { replacesManaged: verdict.currentManaged })
  }
  if (input.storedSecret) {
    return {
      ...where,
      status: 'rotated',
      version: input.storedSecret.version,
      expiresOn: input.storedSecret.expiresOn.toISOString()
    }
  }
  const current = {
    version: verdict.version,
    expiresOn: verdict.expiresOn,
    ...(verdict.rotatesFrom ? { rotatesFrom: verdict.rotatesFrom } : {})
  }
  const step = input.steps.find(s => s.key === stepKey.secret())
  if (step?.outcome === 'failed')
    return { ...where, ...current, status: 'failed', ...(step.detail ? { detail: step.detail } : {}) }
  return {
    ...where,
    ...current,
    status: verdict.status,
    ...(verdict.reason ? { detail: verdict.reason } : {})
  }
}
