/**
 * The verdicts: from the tenants file, what was observed and the plan (with outcomes after apply), the one report
 * model — every status, the drift, the totals. This is the only place that decides them; every renderer (summary,
 * comment, annotations, outputs, JSON) reads the result and nothing else.
 */
import type { TenantConfig, TenantsConfig } from '../model/config.js'
import type { ObservedProvider, ObservedTenant } from '../model/observed.js'
import type { Cloud, Mode, Rotate } from '../model/run.js'
import { type PlanStep, stepKey } from '../model/steps.js'
import { roleAssignmentCommand } from './commands.js'
import { consentVerdict } from './consent.js'
import { consentLinks } from './consent-links.js'
import { desiredFederatedCredentials, federatedCredentialChanges, secretVerdict } from './plan.js'
import {
  type AppReport,
  type ConsentStatus,
  type FederatedCredentialReport,
  type IdentityReport,
  REPORT_VERSION,
  type Report,
  type RoleAssignmentReport,
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
  const drift = tenants.some(
    tenant =>
      tenant.consent.status !== 'consented' ||
      tenant.roleAssignments.some(a => a.status === 'missing' || a.status === 'not-permitted')
  )
  return {
    version: REPORT_VERSION,
    mode: input.mode,
    generatedAt: input.now.toISOString(),
    cloud: input.cloud.name,
    tenantsFile: input.config.file,
    ...(input.identity ? { identity: input.identity } : {}),
    app,
    tenants,
    secret: secretReport(input),
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
    roleAssignments: tenant.roleAssignments.map(wanted => {
      const seen = observed?.assignments.find(
        a => a.scope === wanted.scope && a.roleDefinitionId === wanted.roleDefinitionId
      )
      const key = stepKey.roleAssignment(tenant.tenantId, wanted.scope, wanted.roleDefinitionId)
      const step = input.steps.find(s => s.key === key)
      const report: RoleAssignmentReport = {
        scope: wanted.scope,
        role: wanted.role,
        roleDefinitionId: wanted.roleDefinitionId,
        line: wanted.position.line,
        status: 'skipped'
      }
      const lookup = seen?.lookup
      if (!lookup || lookup.status === 'skipped') return report
      const fixCommand = principalId
        ? { fixCommand: roleAssignmentCommand(principalId, wanted.roleDefinitionId, wanted.scope) }
        : {}
      if (lookup.status === 'unverifiable') {
        return { ...report, status: 'unverifiable', detail: lookup.detail, ...fixCommand }
      }
      if (lookup.status === 'present') return { ...report, status: 'present' }
      if (step?.outcome === 'done')
        return { ...report, status: 'applied', ...(step.detail ? { detail: step.detail } : {}) }
      const status = step?.outcome === 'manual' ? 'not-permitted' : 'missing'
      return {
        ...report,
        status,
        ...(step?.detail ? { detail: step.detail } : {}),
        ...fixCommand
      }
    })
  }
}

function secretReport(input: ReportInput): SecretReport {
  const credential = input.config.app.credential
  const line = credential.position.line
  if (credential.kind !== 'secret') return { status: 'not-configured', line, version: null, expiresOn: null }
  const where = { line, keyVault: credential.keyVault, secretName: credential.secretName }
  const step = input.steps.find(s => s.kind === 'create-secret' || s.kind === 'rotate-secret')
  if (input.storedSecret) {
    return {
      ...where,
      status: 'rotated',
      version: input.storedSecret.version,
      expiresOn: input.storedSecret.expiresOn.toISOString()
    }
  }
  const observed = input.provider.secret
  const found = observed.status === 'found' ? observed : undefined
  const current = { version: found?.version ?? null, expiresOn: found?.expiresOn?.toISOString() ?? null }
  if (step?.outcome === 'failed')
    return { ...where, ...current, status: 'failed', ...(step.detail ? { detail: step.detail } : {}) }
  if (observed.status === 'error') return { ...where, ...current, status: 'failed', detail: observed.detail }
  const verdict = secretVerdict(input.config, input.provider, { rotate: input.rotate, now: input.now })
  return {
    ...where,
    ...current,
    status: verdict.status === 'not-configured' ? 'current' : verdict.status,
    ...(verdict.reason ? { detail: verdict.reason } : {})
  }
}
