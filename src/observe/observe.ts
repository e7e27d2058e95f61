/**
 * Reads what Azure holds, through the ports only. Nothing here writes, and nothing here judges: the observed
 * state is the services' answers, for the planner to decide on. A failure reading one tenant is that tenant's
 * finding and never stops the others.
 */
import { mapLimit } from '../concurrency.js'
import type { TenantConfig, TenantsConfig } from '../model/config.js'
import {
  type AppPresence,
  type ConsentObservation,
  type ObservedApp,
  type ObservedAssignment,
  type ObservedProvider,
  type ObservedSecret,
  type ObservedTenant,
  failureOf
} from '../model/observed.js'
import type { AppsPort, SecretsPort, TenantPorts } from '../model/ports.js'

/** The provider side, and the secret's value when there is one (masked by the port; it is not observed state). */
export async function observeProvider(
  config: TenantsConfig,
  ports: { apps: AppsPort; secrets?: SecretsPort }
): Promise<{ observed: ObservedProvider; secretValue?: string }> {
  const [app, secret] = await Promise.all([
    observeApp(config, ports.apps),
    observeSecret(config, ports.secrets)
  ])
  return { observed: { app, secret: secret.observed }, secretValue: secret.value }
}

async function observeApp(config: TenantsConfig, apps: AppsPort): Promise<ObservedApp> {
  try {
    const lookup = await apps.find(config.app.uniqueName)
    if (lookup.status !== 'found') return lookup
    return {
      status: 'found',
      app: lookup.app,
      servicePrincipal: await apps.servicePrincipal(lookup.app.appId)
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
  const assignments: ObservedAssignment[] = []
  for (const wanted of tenant.roleAssignments) {
    const lookup = await port.checkRoleAssignment(wanted.scope, wanted.roleDefinitionId, principalId)
    assignments.push({ scope: wanted.scope, roleDefinitionId: wanted.roleDefinitionId, lookup })
  }
  return { tenantId: tenant.tenantId, consent, assignments }
}

function skipped(tenant: TenantConfig): ObservedAssignment[] {
  return tenant.roleAssignments.map(a => ({
    scope: a.scope,
    roleDefinitionId: a.roleDefinitionId,
    lookup: { status: 'skipped' }
  }))
}
