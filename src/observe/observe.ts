/**
 * Reads what Azure holds, through the service modules only. Nothing here writes. A failure reading one tenant is
 * that tenant's finding and never stops the others.
 */
import type { TokenCredential } from '@azure/identity'
import type { AppRegistrations } from '../azure/app-registration.js'
import { type ConsentObservation, probeConsent } from '../azure/consent-probe.js'
import type { SecretLookup } from '../azure/key-vault.js'
import type { RetryOptions } from '../azure/retry.js'
import type { ProbeOutcome } from '../azure/probes.js'
import type { RoleAssignments } from '../azure/role-assignments.js'
import { RBAC_ADMINISTRATOR_ROLE_ID, type RolePermission, builtInRole } from '../azure/roles.js'
import { mapLimit } from '../concurrency.js'
import type { ProbeConfig, RoleAssignmentConfig, TenantConfig, TenantsConfig } from '../config/types.js'
import type {
  ObservedApp,
  ObservedAssignment,
  ObservedProvider,
  ObservedSecret,
  ObservedTenant,
  ProbeResult
} from './types.js'

export interface ProviderReaders {
  apps: AppRegistrations
  /** Reads the app's secret (kind: secret); masks the value before returning it. */
  readSecret?: (name: string) => Promise<SecretLookup>
}

/** The provider side, and the secret's value when there is one (the caller has masked it; it is not observed state). */
export async function observeProvider(
  config: TenantsConfig,
  readers: ProviderReaders
): Promise<{ observed: ObservedProvider; secretValue?: string }> {
  const [app, secret] = await Promise.all([
    observeApp(config, readers.apps),
    observeSecret(config, readers.readSecret)
  ])
  return { observed: { app, secret: secret.observed }, secretValue: secret.value }
}

async function observeApp(config: TenantsConfig, apps: AppRegistrations): Promise<ObservedApp> {
  try {
    const lookup = await apps.find(config.app.uniqueName)
    if (lookup.status !== 'found') return lookup
    return {
      status: 'found',
      app: lookup.app,
      servicePrincipal: await apps.servicePrincipal(lookup.app.appId)
    }
  } catch (error) {
    return { status: 'error', detail: (error as Error).message }
  }
}

async function observeSecret(
  config: TenantsConfig,
  readSecret: ProviderReaders['readSecret']
): Promise<{ observed: ObservedSecret; value?: string }> {
  const credential = config.app.credential
  if (credential.kind !== 'secret' || !readSecret) return { observed: { status: 'not-configured' } }
  try {
    const lookup = await readSecret(credential.secretName)
    if (lookup.status === 'missing') return { observed: { status: 'missing' } }
    const { value, version, expiresOn, keyId } = lookup.secret
    return { observed: { status: 'found', version, expiresOn, keyId }, value }
  } catch (error) {
    return { observed: { status: 'error', detail: (error as Error).message } }
  }
}

export interface TenantReaders {
  /** The multi-tenant app's credential in a customer tenant; undefined when the app has no usable credential. */
  credentialFor: (tenantId: string) => TokenCredential | undefined
  /** Why there is no credential, for the report. */
  noCredentialReason: string
  roleAssignments: (credential: TokenCredential, scope: string) => RoleAssignments
  /** Runs one data-plane probe as the app in the tenant. */
  probe?: (credential: TokenCredential, probe: ProbeConfig) => Promise<ProbeOutcome>
  armAudience: string
  concurrency: number
  /** Set when this run just wrote the app's credential: retry the replication lag. */
  freshCredential?: RetryOptions
  mask?: (token: string) => void
}

/** Whether the multi-tenant app exists: `unknown` when it could not be read (then no tenant can be judged). */
export type AppPresence = 'exists' | 'missing' | 'unknown'

/** Consent (and the role assignments of consented tenants) in every customer tenant, concurrency-bounded. */
export async function observeTenants(
  config: TenantsConfig,
  app: AppPresence,
  readers: TenantReaders
): Promise<Map<string, ObservedTenant>> {
  const observed = await mapLimit(config.tenants, readers.concurrency, tenant =>
    observeTenant(tenant, app, readers)
  )
  return new Map(observed.map(tenant => [tenant.tenantId, tenant]))
}

async function observeTenant(
  tenant: TenantConfig,
  app: AppPresence,
  readers: TenantReaders
): Promise<ObservedTenant> {
  const skipped = (): ObservedTenant['assignments'] =>
    tenant.roleAssignments.map(a => ({
      scope: a.scope,
      roleDefinitionId: a.roleDefinitionId,
      lookup: { status: 'skipped' }
    }))
  if (app === 'unknown') {
    return {
      tenantId: tenant.tenantId,
      consent: {
        status: 'error',
        detail: 'The app could not be read in the provider tenant, so consent was not checked.'
      },
      assignments: skipped()
    }
  }
  if (app === 'missing') {
    return {
      tenantId: tenant.tenantId,
      consent: {
        status: 'needs-consent',
        detail: 'The app does not exist yet: apply creates it, then the consent link can be sent.'
      },
      assignments: skipped()
    }
  }
  const credential = readers.credentialFor(tenant.tenantId)
  if (!credential) {
    return {
      tenantId: tenant.tenantId,
      consent: { status: 'provider-error', detail: readers.noCredentialReason },
      assignments: skipped()
    }
  }
  let consent: ConsentObservation
  try {
    consent = await probeConsent(credential, {
      armAudience: readers.armAudience,
      freshCredential: readers.freshCredential,
      mask: readers.mask
    })
  } catch (error) {
    consent = { status: 'error', detail: (error as Error).message }
  }
  const principalId = consent.principalId
  if (consent.status !== 'consented' || !principalId)
    return { tenantId: tenant.tenantId, consent, assignments: skipped() }
  const reader = readers.roleAssignments(credential, tenant.roleAssignments[0]?.scope ?? '/')
  const assignments: ObservedAssignment[] = []
  for (const wanted of tenant.roleAssignments) {
    assignments.push(
      await observeAssignment(readers.roleAssignments(credential, wanted.scope), wanted, principalId)
    )
  }
  const unmanaged = tenant.prune
    ? await unmanagedAssignments(reader, tenant, assignments, principalId)
    : undefined
  return { tenantId: tenant.tenantId, consent, assignments, ...(unmanaged ? { unmanaged } : {}) }
}

/**
 * The data-plane probes of every consented tenant, run last (after apply, in apply mode) so that they prove the
 * access as it stands at the end of the run. Adds `probes` to each observed tenant.
 */
export async function observeProbes(
  config: TenantsConfig,
  observed: Map<string, ObservedTenant>,
  readers: Pick<TenantReaders, 'credentialFor' | 'probe' | 'concurrency'>
): Promise<void> {
  const run = readers.probe
  if (!run) return
  await mapLimit(config.tenants, readers.concurrency, async tenant => {
    const seen = observed.get(tenant.tenantId)
    const credential = readers.credentialFor(tenant.tenantId)
    if (!seen || seen.consent.status !== 'consented' || !credential || !tenant.probes?.length) return
    seen.probes = await runProbes(tenant.probes, credential, run)
  })
}

/**
 * One required assignment: the role assignments at the scope; where they cannot be read, or where the role is
 * absent, the app's own effective permissions there (they tell whether it holds the role, and whether it may
 * assign it itself).
 */
async function observeAssignment(
  reader: RoleAssignments,
  wanted: RoleAssignmentConfig,
  principalId: string
): Promise<ObservedAssignment> {
  const role = await resolveRole(reader, wanted)
  if ('problem' in role) {
    return {
      scope: wanted.scope,
      roleDefinitionId: wanted.roleDefinitionId,
      lookup: { status: 'unverifiable', detail: role.problem },
      roleProblem: role.problem
    }
  }
  const lookup = await reader.check(wanted.scope, role.id, principalId)
  const observed: ObservedAssignment = {
    scope: wanted.scope,
    roleDefinitionId: role.id,
    lookup,
    ...(role.permissions ? { rolePermissions: role.permissions } : {})
  }
  if (lookup.status === 'present') return observed
  return { ...observed, effective: await reader.effectivePermissions(wanted.scope) }
}

/** The role's GUID and permissions: the built-in catalogue first, the customer tenant for custom roles. */
async function resolveRole(
  reader: RoleAssignments,
  wanted: RoleAssignmentConfig
): Promise<{ id: string; permissions?: RolePermission[] } | { problem: string }> {
  const builtIn = wanted.roleDefinitionId ? builtInRole(wanted.roleDefinitionId) : undefined
  if (builtIn) return { id: builtIn.id, permissions: builtIn.permissions }
  const custom = await reader.roleDefinition(
    wanted.scope,
    wanted.roleDefinitionId ? { id: wanted.roleDefinitionId } : { name: wanted.role.trim() }
  )
  if ('problem' in custom) {
    // A GUID the tenant will not show may still be assignable: check the assignment by GUID alone.
    return wanted.roleDefinitionId ? { id: wanted.roleDefinitionId } : custom
  }
  return custom
}

/**
 * The principal's assignments the file does not list, read at each subscription (or group) of the file's scopes.
 * The Role Based Access Control Administrator delegation of the hand-off is how apply manages grants, not extra
 * access; undefined when they cannot be read.
 */
async function unmanagedAssignments(
  reader: RoleAssignments,
  tenant: TenantConfig,
  assignments: readonly ObservedAssignment[],
  principalId: string
): Promise<ObservedTenant['unmanaged']> {
  const roots = [...new Set(tenant.roleAssignments.map(a => rootOf(a.scope)))]
  const wanted = new Set(assignments.map(a => `${a.scope.toLowerCase()}|${a.roleDefinitionId}`))
  const seen = new Map<string, NonNullable<ObservedTenant['unmanaged']>[number]>()
  try {
    for (const root of roots) {
      for (const found of await reader.listForPrincipal(root, principalId)) {
        if (found.roleDefinitionId === RBAC_ADMINISTRATOR_ROLE_ID) continue
        if (!wanted.has(`${found.scope.replace(/\/+$/, '').toLowerCase()}|${found.roleDefinitionId}`))
          seen.set(found.id.toLowerCase(), found)
      }
    }
  } catch {
    return undefined
  }
  return [...seen.values()]
}

/** The subscription or management group a scope lives in. */
function rootOf(scope: string): string {
  return (
    /^(\/subscriptions\/[^/]+|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)/i.exec(
      scope
    )?.[1] ?? scope
  )
}

async function runProbes(
  probes: readonly ProbeConfig[],
  credential: TokenCredential,
  run: NonNullable<TenantReaders['probe']>
): Promise<ProbeResult[]> {
  const results: ProbeResult[] = []
  for (const probe of probes) {
    const outcome = await run(credential, probe)
    results.push({
      kind: probe.kind,
      target: probe.kind === 'arm' ? probe.arm : `${probe.keyVault} › ${probe.secret}`,
      status: outcome.status,
      ...(outcome.status === 'verified' ? {} : { code: outcome.code }),
      detail: outcome.detail,
      line: probe.position.line
    })
  }
  return results
}
