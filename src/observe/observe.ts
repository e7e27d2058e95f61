/**
 * Reads what Azure holds, through the service modules only. Nothing here writes. A failure reading one tenant is
 * that tenant's finding and never stops the others.
 */
import type { TokenCredential } from '@azure/identity'
import type { AppRegistrations } from '../azure/app-registration.js'
import { type ConsentObservation, probeConsent } from '../azure/consent-probe.js'
import type { SecretLookup } from '../azure/key-vault.js'
import type { RetryOptions } from '../azure/retry.js'
import type { RoleAssignments } from '../azure/role-assignments.js'
import { mapLimit } from '../concurrency.js'
import type { TenantConfig, TenantsConfig } from '../config/types.js'
import type { ObservedApp, ObservedProvider, ObservedSecret, ObservedTenant } from './types.js'

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
  const assignments = []
  for (const wanted of tenant.roleAssignments) {
    const lookup = await readers
      .roleAssignments(credential, wanted.scope)
      .check(wanted.scope, wanted.roleDefinitionId, principalId)
    assignments.push({ scope: wanted.scope, roleDefinitionId: wanted.roleDefinitionId, lookup })
  }
  return { tenantId: tenant.tenantId, consent, assignments }
}
