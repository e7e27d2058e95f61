/**
 * Reads what Azure holds, through the ports only. Nothing here writes, and nothing here judges: the observed
 * state is the services' answers, for the planner to decide on. A failure reading one tenant is that tenant's
 * finding and never stops the others.
 */
import { mapLimit } from '../concurrency.js'
import type { RoleAssignmentConfig, TenantConfig, TenantsConfig } from '../model/config.js'
import {
  type AppLookup,
  type AppPresence,
  type ConsentObservation,
  type ObservedApp,
  type ObservedAssignment,
  type ObservedProvider,
  type ObservedSecret,
  type ObservedTenant,
  type PrincipalAssignment,
  type ProbeResult,
  failureOf
} from '../model/observed.js'
import type { AppsPort, SecretsPort, TenantPort, TenantPorts } from '../model/ports.js'
import { RBAC_ADMINISTRATOR_ROLE_ID } from '../model/roles.js'

/** The provider side, and the secret's value when there is one (masked by the port; it is not observed state). */
export interface ProviderRead {
  observed: ObservedProvider
  secretValue?: string
}

/**
 * What the customer phase needs of the provider — whether the app exists, its ids, the secret it signs in with —
 * known before the app's federated credentials and service principal are read.
 */
export interface AppReach {
  presence: AppPresence
  app?: { id: string; appId: string }
  secretValue?: string
  storedSecret: ObservedSecret['status']
}

/** Reads the provider side: `reach` settles as soon as the app's ids and the secret are in, `read` once all is. */
export function readProviderSide(
  config: TenantsConfig,
  ports: { apps: AppsPort; secrets?: SecretsPort }
): { reach: Promise<AppReach>; read: Promise<ProviderRead> } {
  const lookup = lookUpApp(config, ports.apps)
  const secret = observeSecret(config, ports.secrets)
  const reach = Promise.all([lookup, secret]).then(([app, stored]): AppReach => {
    const presence = app.status === 'found' ? 'exists' : app.status === 'missing' ? 'missing' : 'unknown'
    return {
      presence,
      ...(app.status === 'found' ? { app: { id: app.app.id, appId: app.app.appId } } : {}),
      ...(stored.value === undefined ? {} : { secretValue: stored.value }),
      storedSecret: stored.observed.status
    }
  })
  const read = Promise.all([lookup.then(app => withDetails(app, ports.apps)), secret]).then(
    ([app, stored]): ProviderRead => ({
      observed: { app, secret: stored.observed },
      secretValue: stored.value
    })
  )
  return { reach, read }
}

/** The provider side, all of it. */
export function observeProvider(
  config: TenantsConfig,
  ports: { apps: AppsPort; secrets?: SecretsPort }
): Promise<ProviderRead> {
  return readProviderSide(config, ports).read
}

async function lookUpApp(
  config: TenantsConfig,
  apps: AppsPort
): Promise<AppLookup | Extract<ObservedApp, { status: 'error' }>> {
  try {
    return await apps.find(config.app.uniqueName)
  } catch (error) {
    return { status: 'error', detail: (error as Error).message, failure: failureOf(error) }
  }
}

/** A found app with its federated credentials and service principal; the lookup as it is otherwise. */
async function withDetails(
  lookup: AppLookup | Extract<ObservedApp, { status: 'error' }>,
  apps: AppsPort
): Promise<ObservedApp> {
  if (lookup.status !== 'found') return lookup
  try {
    const { federatedCredentials, servicePrincipal } = await apps.details(lookup.app)
    return {
      status: 'found',
      app: { ...lookup.app, federatedCredentials },
      ...(servicePrincipal ? { servicePrincipal } : {})
    }
  } catch (error) {
    return { status: 'error', detail: (error as Error).message, failure: failureOf(error) }
  }
}

async function observeSecret(
  config: TenantsConfig,
  secrets: SecretsPort | undefined
): Promise<{ observed: ObservedSecret; value?: string }> {
  if (config.app.credential.kind !== 'secret' || !secrets) return { observed: { status: 'not-configured' } }
  try {
    const lookup = await secrets.read()
    if (lookup.status === 'missing') return { observed: { status: 'missing' } }
    const { value, version, expiresOn, keyId } = lookup.secret
    return { observed: { status: 'found', version, expiresOn, keyId }, value }
  } catch (error) {
    return { observed: { status: 'error', detail: (error as Error).message, failure: failureOf(error) } }
  }
}

/** Consent (and the role assignments of consented tenants) in every customer tenant, concurrency-bounded. */
export async function observeTenants(
  tenants: readonly TenantConfig[],
  app: AppPresence,
  ports: TenantPorts,
  concurrency: number
): Promise<Map<string, ObservedTenant>> {
  const observed = await mapLimit(tenants, concurrency, tenant => observeTenant(tenant, app, ports))
  return new Map(observed.map(tenant => [tenant.tenantId, tenant]))
}

async function observeTenant(
  tenant: TenantConfig,
  app: AppPresence,
  ports: TenantPorts
): Promise<ObservedTenant> {
  const notAsked = (because: 'app-missing' | 'app-unknown' | 'no-credential', detail: string) => ({
    tenantId: tenant.tenantId,
    consent: { kind: 'not-asked' as const, because, detail },
    assignments: skipped(tenant)
  })
  if (app === 'unknown') {
    return notAsked(
      'app-unknown',
      'The app could not be read in the provider tenant, so consent was not checked.'
    )
  }
  if (app === 'missing') {
    return notAsked(
      'app-missing',
      'The app does not exist yet: apply creates it, then the consent link can be sent.'
    )
  }
  const port = ports.tenant(tenant.tenantId)
  if (!port) return notAsked('no-credential', ports.noCredentialReason)
  let consent: ConsentObservation
  try {
    consent = await port.probeConsent()
  } catch (error) {
    consent = { kind: 'failed', detail: (error as Error).message }
  }
  const principalId = consent.kind === 'token' ? consent.principalId : undefined
  if (!principalId) return { tenantId: tenant.tenantId, consent, assignments: skipped(tenant) }
  // Every read of the tenant at once: the required assignments and the principal's others do not wait on each
  // other (which of the others are extras is decided once both are in).
  const [assignments, others] = await Promise.all([
    Promise.all(tenant.roleAssignments.map(wanted => observeAssignment(port, wanted, principalId))),
    principalAssignments(port, tenant, principalId)
  ])
  return { tenantId: tenant.tenantId, consent, assignments, ...unmanagedOf(others, assignments) }
}

/**
 * One required assignment: the role assignments at the scope; where they cannot be read, or where the role is
 * absent, the app's own effective permissions there (they tell whether it holds the role, and whether it may
 * assign it itself).
 */
async function observeAssignment(
  port: TenantPort,
  wanted: RoleAssignmentConfig,
  principalId: string
): Promise<ObservedAssignment> {
  const role = await port.roleDefinition(
    wanted.scope,
    wanted.roleDefinitionId ? { id: wanted.roleDefinitionId } : { name: wanted.role.trim() }
  )
  // A GUID the tenant will not show may still be assigned: check the assignment by GUID alone.
  if ('problem' in role && !wanted.roleDefinitionId) {
    return {
      scope: wanted.scope,
      roleDefinitionId: '',
      lookup: { status: 'unverifiable', detail: role.problem },
      roleProblem: role.problem
    }
  }
  const id = 'problem' in role ? wanted.roleDefinitionId : role.id
  const lookup = await port.checkRoleAssignment(wanted.scope, id, principalId)
  const observed: ObservedAssignment = {
    scope: wanted.scope,
    roleDefinitionId: id,
    lookup,
    ...('problem' in role ? {} : { rolePermissions: role.permissions })
  }
  if (lookup.status === 'present') return observed
  return { ...observed, effective: await port.effectivePermissions(wanted.scope) }
}

/**
 * The principal's assignments at each subscription (or management group) of the file's scopes, or why they could
 * not be read.
 */
async function principalAssignments(
  port: TenantPort,
  tenant: TenantConfig,
  principalId: string
): Promise<{ found: PrincipalAssignment[] } | { unread: Error }> {
  const roots = [...new Set(tenant.roleAssignments.map(a => rootOf(a.scope)))]
  try {
    return { found: (await Promise.all(roots.map(root => port.assignmentsOf(root, principalId)))).flat() }
  } catch (error) {
    return { unread: error as Error }
  }
}

/**
 * The principal's assignments the file does not list. The Role Based Access Control Administrator delegation of
 * the hand-off is how apply manages grants, not extra access. When they could not be read, why (the planner
 * decides what that means).
 */
function unmanagedOf(
  others: { found: PrincipalAssignment[] } | { unread: Error },
  assignments: readonly ObservedAssignment[]
): Pick<ObservedTenant, 'unmanaged' | 'unmanagedUnread'> {
  if ('unread' in others) {
    return { unmanagedUnread: { detail: others.unread.message, failure: failureOf(others.unread) } }
  }
  // An assignment a required one is held through (at a parent scope, a management group or the root) is the file's
  // grant, not an extra: pruning it would take the required access away.
  const wanted = new Set(
    assignments.flatMap(a => [
      `${scopeKey(a.scope)}|${a.roleDefinitionId}`,
      ...(a.lookup.status === 'present' ? [`${scopeKey(a.lookup.via)}|${a.roleDefinitionId}`] : [])
    ])
  )
  const seen = new Map<string, PrincipalAssignment>()
  for (const found of others.found) {
    if (found.roleDefinitionId === RBAC_ADMINISTRATOR_ROLE_ID) continue
    if (!wanted.has(`${scopeKey(found.scope)}|${found.roleDefinitionId}`))
      seen.set(found.id.toLowerCase(), found)
  }
  return { unmanaged: [...seen.values()] }
}

const scopeKey = (scope: string): string => scope.replace(/\/+$/, '').toLowerCase() || '/'

/** The subscription or management group a scope lives in. */
function rootOf(scope: string): string {
  return (
    /^(\/subscriptions\/[^/]+|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)/i.exec(
      scope
    )?.[1] ?? scope
  )
}

/**
 * The data-plane probes of every consented tenant, run last (after apply, in apply mode) so that they prove the
 * access as it stands at the end of the run. Adds `probes` to each observed tenant.
 */
export async function observeProbes(
  tenants: readonly TenantConfig[],
  observed: Map<string, ObservedTenant>,
  ports: TenantPorts,
  concurrency: number
): Promise<void> {
  await mapLimit(tenants, concurrency, async tenant => {
    const seen = observed.get(tenant.tenantId)
    const port = ports.tenant(tenant.tenantId)
    if (!seen || seen.consent.kind !== 'token' || !port || !tenant.probes?.length) return
    const results: ProbeResult[] = []
    for (const probe of tenant.probes) {
      const outcome = await port.probe(probe)
      results.push({
        kind: probe.kind,
        target: probe.kind === 'arm' ? probe.arm : `${probe.keyVault} › ${probe.secret}`,
        status: outcome.status,
        ...(outcome.status === 'verified' ? {} : { code: outcome.code }),
        detail: outcome.detail,
        line: probe.position.line
      })
    }
    seen.probes = results
  })
}

function skipped(tenant: TenantConfig): ObservedAssignment[] {
  return tenant.roleAssignments.map(a => ({
    scope: a.scope,
    roleDefinitionId: a.roleDefinitionId,
    lookup: { status: 'skipped' }
  }))
}
