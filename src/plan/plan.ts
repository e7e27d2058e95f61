/**
 * The planner: tenants file + what Azure holds → the steps that make them agree, each with its reason and whether
 * it writes. Pure (no I/O, no clock: `now` is given), so the product's judgement is tested without a network.
 */
import type { FederatedCredentialConfig, TenantConfig, TenantsConfig } from '../model/config.js'
import {
  type FederatedCredential,
  MULTI_TENANT_AUDIENCE,
  type ObservedProvider,
  type ObservedTenant
} from '../model/observed.js'
import type { Rotate } from '../model/run.js'
import { type DesiredFederatedCredential, type PlanStep, stepKey } from '../model/steps.js'
import { accessVerdict, tenantAccessVerdict, wantsAssignStep } from './access.js'
import { consentVerdict } from './consent.js'
import { type CredentialJudgement, judgeCredentials } from './credentials.js'

export interface ProviderPlanOptions {
  rotate: Rotate
  now: Date
  /** The audience federated credentials take when the tenants file gives none (the cloud's). */
  oidcAudience: string
  /** The credential lifecycle's judgement (credentials.ts); judged here from `observed` when not given. */
  credentials?: CredentialJudgement
}

const appTarget = (config: TenantsConfig): string => `application ${config.app.uniqueName}`

export function desiredFederatedCredentials(
  config: TenantsConfig,
  oidcAudience: string
): DesiredFederatedCredential[] {
  return config.app.federatedCredentials.map((fic: FederatedCredentialConfig) => ({
    name: fic.name,
    issuer: fic.issuer,
    subject: fic.subject,
    audiences: fic.audiences ?? [oidcAudience],
    ...(fic.description === undefined ? {} : { description: fic.description })
  }))
}

/** How an existing federated credential differs from the desired one, in words; empty when it matches. */
export function federatedCredentialChanges(
  have: FederatedCredential,
  want: DesiredFederatedCredential
): string[] {
  const changes: string[] = []
  if (have.issuer !== want.issuer) changes.push(`issuer ${have.issuer} → ${want.issuer}`)
  // Entra matches the subject case-sensitively, so a case difference is a real difference.
  if (have.subject !== want.subject) changes.push(`subject ${have.subject} → ${want.subject}`)
  if (have.audiences.join(' ') !== want.audiences.join(' ')) {
    changes.push(`audiences ${have.audiences.join(',')} → ${want.audiences.join(',')}`)
  }
  return changes
}

/** The app, its federated credentials, its service principal and its secret in the provider tenant. */
export function planProvider(
  config: TenantsConfig,
  observed: ObservedProvider,
  options: ProviderPlanOptions
): PlanStep[] {
  const app = observed.app
  const target = appTarget(config)
  if (app.status === 'error') return []
  if (app.status === 'not-owned') {
    return [
      {
        kind: 'add-owner',
        key: stepKey.owner(),
        target,
        reason:
          'The app exists but the automation identity is not among its owners; Application.ReadWrite.OwnedBy reaches only apps it owns.',
        write: false
      }
    ]
  }
  const credentials = options.credentials ?? judgeCredentials(config, observed, options)
  // Orphans first: they are stored nowhere, so removing them never depends on anything else the plan does.
  const steps: PlanStep[] = [...credentials.first]
  const wantFics = desiredFederatedCredentials(config, options.oidcAudience)
  if (app.status === 'missing') {
    steps.push({
      kind: 'create-app',
      key: stepKey.app(),
      target,
      reason: `No application with uniqueName ${config.app.uniqueName} exists in the provider tenant.`,
      write: true,
      shape: {
        displayName: config.app.displayName,
        signInAudience: MULTI_TENANT_AUDIENCE,
        redirectUris: [config.app.redirectUri]
      }
    })
    for (const credential of wantFics) steps.push(createFic(credential))
    steps.push(
      createServicePrincipal(config, 'The new app needs a service principal in the provider tenant.')
    )
  } else {
    const have = app.app
    const changes: string[] = []
    if (have.displayName !== config.app.displayName)
      changes.push(`display name "${have.displayName}" → "${config.app.displayName}"`)
    if (have.signInAudience !== MULTI_TENANT_AUDIENCE)
      changes.push(`sign-in audience ${have.signInAudience} → ${MULTI_TENANT_AUDIENCE}`)
    if (!have.redirectUris.includes(config.app.redirectUri))
      changes.push(`add redirect URI ${config.app.redirectUri}`)
    if (changes.length > 0) {
      steps.push({
        kind: 'update-app',
        key: stepKey.app(),
        target,
        reason: `The app differs from the tenants file: ${changes.join('; ')}.`,
        write: true,
        // Redirect URIs not in the file are kept: someone may rely on them.
        shape: {
          displayName: config.app.displayName,
          signInAudience: MULTI_TENANT_AUDIENCE,
          redirectUris: [...new Set([...have.redirectUris, config.app.redirectUri])]
        }
      })
    }
    for (const want of wantFics) {
      const existing = have.federatedCredentials.find(fic => fic.name === want.name)
      if (!existing) {
        steps.push(createFic(want))
        continue
      }
      const ficChanges = federatedCredentialChanges(existing, want)
      if (ficChanges.length > 0) {
        steps.push({
          kind: 'update-federated-credential',
          key: stepKey.federatedCredential(want.name),
          target: `federated credential ${want.name}`,
          reason: `It differs from the tenants file: ${ficChanges.join('; ')}.`,
          write: true,
          id: existing.id,
          credential: want
        })
      }
    }
    if (!app.servicePrincipal) {
      steps.push(createServicePrincipal(config, 'The app has no service principal in the provider tenant.'))
    }
  }
  steps.push(...credentials.last)
  return steps
}

function createFic(credential: DesiredFederatedCredential): PlanStep {
  return {
    kind: 'create-federated-credential',
    key: stepKey.federatedCredential(credential.name),
    target: `federated credential ${credential.name}`,
    reason: `The tenants file lists it (subject ${credential.subject}) and the app does not have it.`,
    write: true,
    credential
  }
}

function createServicePrincipal(config: TenantsConfig, reason: string): PlanStep {
  return {
    kind: 'create-service-principal',
    key: stepKey.servicePrincipal(),
    target: `service principal of ${config.app.uniqueName}`,
    reason,
    write: true
  }
}

/** Whether and why the secret needs a new version (the judgement of credentials.ts). */
export function secretVerdict(
  config: TenantsConfig,
  observed: ObservedProvider,
  options: Pick<ProviderPlanOptions, 'rotate' | 'now'>
): { status: CredentialJudgement['secret']['status']; reason?: string } {
  const { status, reason } = judgeCredentials(config, observed, options).secret
  return reason === undefined ? { status } : { status, reason }
}

/** Consent requests and role assignments in the customer tenants. */
export function planTenants(
  config: TenantsConfig,
  observed: ReadonlyMap<string, ObservedTenant>
): PlanStep[] {
  const steps: PlanStep[] = []
  for (const tenant of config.tenants) {
    const seen = observed.get(tenant.tenantId)
    if (!seen) continue
    const consent = consentVerdict(seen.consent)
    if (consent.status === 'needs-consent') {
      steps.push({
        kind: 'request-consent',
        key: stepKey.consent(tenant.tenantId),
        target: tenantTarget(tenant),
        reason: 'The app has no service principal there: an admin of that tenant must open the consent link.',
        write: false,
        tenantId: tenant.tenantId
      })
      continue
    }
    const principalId = consent.principalId
    if (consent.status !== 'consented' || !principalId) continue
    steps.push(...accessSteps(tenant, seen, principalId))
  }
  return steps
}

/** Grants apply creates, grants the customer's admin must give, extra assignments to prune, onboarding done. */
function accessSteps(tenant: TenantConfig, seen: ObservedTenant, principalId: string): PlanStep[] {
  const steps: PlanStep[] = []
  const statuses = tenant.roleAssignments.map((configured, i) => {
    const assignment = seen.assignments[i]
    const verdict = accessVerdict(assignment)
    const roleDefinitionId = assignment?.roleDefinitionId || configured.roleDefinitionId
    const at = {
      key: stepKey.roleAssignment(tenant.tenantId, configured.scope, roleDefinitionId || configured.role),
      target: `${configured.role} at ${configured.scope} in ${tenantTarget(tenant)}`,
      tenantId: tenant.tenantId,
      scope: configured.scope,
      roleDefinitionId
    }
    if (wantsAssignStep(verdict) && roleDefinitionId) {
      steps.push({
        kind: 'assign-role',
        ...at,
        reason:
          verdict.status === 'missing'
            ? "The app's service principal does not hold this role at this scope or above."
            : 'It could not be verified; the write is idempotent (a deterministic name), so apply creates it or finds it there.',
        write: true,
        principalId
      })
    } else if (verdict.status === 'awaiting-customer') {
      steps.push({
        kind: 'request-grant',
        ...at,
        reason: "The app may not assign roles here: the customer's admin grants it from the hand-off.",
        write: false
      })
    }
    return verdict.status
  })
  if (tenant.prune) {
    for (const extra of seen.unmanaged ?? []) {
      steps.push({
        kind: 'remove-assignment',
        key: stepKey.unmanagedAssignment(tenant.tenantId, extra.id),
        target: `${extra.roleDefinitionId} at ${extra.scope} in ${tenantTarget(tenant)}`,
        reason: 'prune: true, and the tenants file does not list this role assignment of the app.',
        write: true,
        tenantId: tenant.tenantId,
        assignmentId: extra.id,
        scope: extra.scope
      })
    }
  }
  if (tenantAccessVerdict(tenant, 'consented', seen, statuses).onboardingComplete) {
    steps.push({
      kind: 'finish-onboarding',
      key: stepKey.onboarding(tenant.tenantId),
      target: tenantTarget(tenant),
      reason:
        'Consent, every role assignment and every probe are verified: remove `onboarding: true` from this tenant in the tenants file, so that losing any of them counts as drift.',
      write: false,
      tenantId: tenant.tenantId
    })
  }
  return steps
}

export function tenantTarget(tenant: Pick<TenantConfig, 'name' | 'tenantId'>): string {
  return `${tenant.name} (${tenant.tenantId})`
}
