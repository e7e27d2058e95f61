/**
 * The composition root: the engine's ports, implemented with the official Azure SDKs — Microsoft Graph for the
 * app, Key Vault for its secret, Entra's token endpoint and ARM for the customer tenants. The only module that
 * builds SDK clients and credentials.
 */
import type { TokenCredential } from '@azure/core-auth'
import { AppRegistrations, graphClient } from '../azure/app-registration.js'
import { probeConsent } from '../azure/consent-probe.js'
import {
  OIDC_RETRY,
  assertionCredential,
  isTransientOidcFailure,
  jwtClaims,
  memoisedAssertion,
  type OidcIdentity,
  secretCredential,
  tokenEndpoint
} from '../azure/credentials.js'
import type { TokenEndpoint } from '../azure/token-client.js'
import { AADSTS, REPLICATION_LAG_CODES, entraFailureOf } from '../azure/entra-errors.js'
import {
  disableSecretVersion,
  listSecretVersions,
  readSecret,
  secretClient,
  storeSecret
} from '../azure/key-vault.js'
import { type ClientOptions, RetryBudget, clientOptions } from '../azure/pipeline.js'
import { type RetryOptions, retryWhile } from '../azure/retry.js'
import { probeArm, probeKeyVaultSecret } from '../azure/probes.js'
import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import { RoleAssignments, subscriptionIdOf } from '../azure/role-assignments.js'
import { ArmClients, NO_SUBSCRIPTION } from '../azure/arm-clients.js'
import { defaultScope } from '../cloud.js'
import type { TenantsConfig } from '../model/config.js'
import type { SecretProof } from '../model/observed.js'
import type { AppAccess, EnginePorts, SecretsPort, TenantPort, TenantPorts } from '../model/ports.js'
import { builtInRole } from '../model/roles.js'
import type { Cloud } from '../model/run.js'

export interface AzureSettings {
  cloud: Cloud
  /** The automation identity in the provider tenant. */
  clientId: string
  tenantId: string
  /** GitHub's OIDC token for an audience (core.getIDToken). */
  getIdToken: (audience: string) => Promise<string>
  info: (message: string) => void
  /** Registers a value to be masked in every log line (core.setSecret). */
  mask: (value: string) => void
  /** Retries for the directory's replication lag. */
  retry: RetryOptions
  /** How long, in all, a run may keep retrying transient failures (throttling, 5xx, resets, timeouts). */
  retryBudgetSeconds: number
  /** Retries of GitHub's OIDC token request (tests shorten them). */
  oidcRetry?: RetryOptions
}

/** A failure of the whole run (not of one tenant), with what to do about it. */
export class BridgeError extends Error {
  override name = 'BridgeError'
}

const FEDERATION_MISMATCH = new Set<number>([
  AADSTS.noMatchingFederatedRecord,
  AADSTS.federatedIssuerMismatch,
  AADSTS.federatedAudienceMismatch,
  AADSTS.noMatchingFederatedSubject,
  AADSTS.federatedSubjectCaseMismatch
])

export function azurePorts(settings: AzureSettings, config: TenantsConfig): EnginePorts {
  const { cloud } = settings
  const options = clientOptions(new RetryBudget(settings.retryBudgetSeconds))
  let presented: OidcIdentity | undefined
  const fetchIdToken = () =>
    retryWhile(
      () => settings.getIdToken(cloud.oidcAudience),
      isTransientOidcFailure,
      settings.oidcRetry ?? OIDC_RETRY
    )
  const getAssertion = memoisedAssertion(fetchIdToken, {
    onFetched: identity => {
      presented = identity
      settings.info(`GitHub OIDC token: iss=${identity.iss} sub=${identity.sub} aud=${identity.aud}`)
    }
  })
  const entra = tokenEndpoint(cloud, options, settings.mask)
  const provider = assertionCredential(entra, settings.tenantId, settings.clientId, getAssertion)
  const credential = config.app.credential
  const vault =
    credential.kind === 'secret' ? secretClient(cloud, credential.keyVault, provider, options) : undefined
  const secrets: SecretsPort | undefined =
    vault && credential.kind === 'secret'
      ? {
          read: () => readSecret(vault, credential.secretName, settings.mask),
          store: (value, meta) => storeSecret(vault, credential.secretName, value, meta),
          versions: () => listSecretVersions(vault, credential.secretName),
          disable: version => disableSecretVersion(vault, credential.secretName, version)
        }
      : undefined

  return {
    // Sign in to the provider tenant first: a federated-credential mismatch is the most common set-up error, and
    // it is clearer here, once, than as a failure of every later call.
    signIn: async () => ({
      ...(await signIn(provider, settings, () => presented)),
      ...(presented ? { presentedSubject: presented.sub } : {})
    }),
    provider: {
      apps: new AppRegistrations(graphClient(cloud, provider, options), settings.retry),
      ...(secrets ? { secrets } : {}),
      proveSecret: (appId, value) =>
        proveSecret(secretCredential(entra, settings.tenantId, appId, value), settings),
      checkStoredSecret: (appId, value) =>
        checkStoredSecret(secretCredential(entra, settings.tenantId, appId, value), settings),
      mask: settings.mask
    },
    tenants: access => tenantPorts(settings, options, entra, config, access, getAssertion)
  }
}

/** The app in each customer tenant, signed in with its own credential: the secret, or the GitHub assertion. */
function tenantPorts(
  settings: AzureSettings,
  options: ClientOptions,
  entra: TokenEndpoint,
  config: TenantsConfig,
  access: AppAccess,
  getAssertion: () => Promise<string>
): TenantPorts {
  const { cloud } = settings
  const { app, secret } = access
  const arm = new ArmClients(cloud, options)
  const signInAsApp = (tenantId: string): TokenCredential | undefined => {
    if (!app) return undefined
    if (config.app.credential.kind === 'federated') {
      return assertionCredential(entra, tenantId, app.appId, getAssertion)
    }
    return secret === undefined ? undefined : secretCredential(entra, tenantId, app.appId, secret)
  }
  // One port per tenant: its credential keeps the consent probe's token for the role-assignment reads after it.
  const ports = new Map<string, TenantPort | undefined>()
  const portFor = (tenantId: string): TenantPort | undefined => {
    const credential = signInAsApp(tenantId)
    if (!credential) return undefined
    // Made on first use, one per subscription (Permissions – List is subscription-bound in the SDK): a tenant
    // that has not consented never needs one.
    const bySubscription = new Map<string, AuthorizationManagementClient>()
    const clientFor = (scope: string): AuthorizationManagementClient => {
      const subscription = subscriptionIdOf(scope) ?? NO_SUBSCRIPTION
      let client = bySubscription.get(subscription)
      if (!client) {
        client = arm.client(credential, subscription)
        bySubscription.set(subscription, client)
      }
      return client
    }
    const assignments = new RoleAssignments(clientFor, settings.retry)
    return {
      probeConsent: () =>
        probeConsent(credential, {
          armAudience: cloud.armAudience,
          freshCredential: access.freshCredential ? settings.retry : undefined,
          mask: settings.mask
        }),
      checkRoleAssignment: (scope, roleDefinitionId, principalId) =>
        assignments.check(scope, roleDefinitionId, principalId),
      assignRole: (scope, roleDefinitionId, principalId) =>
        assignments.assign(scope, roleDefinitionId, principalId),
      effectivePermissions: scope => assignments.effectivePermissions(scope),
      roleDefinition: async (scope, role) => {
        // Built-in roles are the same everywhere: the catalogue answers without a request.
        const builtIn = 'id' in role ? builtInRole(role.id) : undefined
        return builtIn ?? assignments.roleDefinition(scope, role)
      },
      assignmentsOf: (scope, principalId) => assignments.listForPrincipal(scope, principalId),
      removeAssignment: (id, scope) => assignments.remove(id, scope),
      probe: probe =>
        probe.kind === 'arm'
          ? probeArm(clientFor(probe.arm), cloud, probe.arm)
          : probeKeyVaultSecret(secretClient(cloud, probe.keyVault, credential, options), probe.secret)
    }
  }
  return {
    tenant: tenantId => {
      if (!ports.has(tenantId)) ports.set(tenantId, portFor(tenantId))
      return ports.get(tenantId)
    },
    noCredentialReason: noCredentialReason(config, access.storedSecret)
  }
}

/** Signs in as the automation identity; returns its object id (the token's `oid`) for fix commands. */
async function signIn(
  credential: TokenCredential,
  settings: AzureSettings,
  presented: () => OidcIdentity | undefined
): Promise<{ automationObjectId?: string; graphRoles: string[] }> {
  try {
    const token = await credential.getToken(defaultScope(settings.cloud.graphAudience))
    if (!token) throw new Error('no token')
    settings.mask(token.token)
    const claims = jwtClaims(token.token)
    const roles = Array.isArray(claims.roles) ? claims.roles.filter(r => typeof r === 'string') : []
    return { automationObjectId: typeof claims.oid === 'string' ? claims.oid : undefined, graphRoles: roles }
  } catch (error) {
    throw new BridgeError(signInFailure(error, settings, presented()))
  }
}

function signInFailure(error: unknown, settings: AzureSettings, presented: OidcIdentity | undefined): string {
  const failure = entraFailureOf(error)
  const code = failure.code === undefined ? '' : ` (AADSTS${failure.code})`
  if (failure.code !== undefined && FEDERATION_MISMATCH.has(failure.code) && presented) {
    return (
      `Sign-in to the provider tenant ${settings.tenantId} failed${code}: no federated credential on client-id ${settings.clientId} ` +
      `matches this workflow's token (issuer ${presented.iss}, subject ${presented.sub}, audience ${presented.aud}). ` +
      'Add a federated credential with exactly this subject — it is case-sensitive — to the automation identity.'
    )
  }
  return `Sign-in to the provider tenant ${settings.tenantId} as client-id ${settings.clientId} failed${code}: ${failure.message}`
}

function noCredentialReason(config: TenantsConfig, stored: AppAccess['storedSecret']): string {
  const credential = config.app.credential
  if (credential.kind !== 'secret') return 'The app has no credential to sign in with.'
  return stored === 'missing'
    ? `Key Vault has no secret ${credential.secretName} yet: apply creates one; consent is checked with it.`
    : `The app's secret could not be read from Key Vault ${credential.keyVault}.`
}

/** A new secret replicates for seconds before it authenticates; until then Entra says it is invalid. */
async function proveSecret(credential: TokenCredential, settings: AzureSettings): Promise<void> {
  await retryWhile(
    async () => {
      const token = await credential.getToken(defaultScope(settings.cloud.armAudience))
      if (!token) throw new Error('no token')
      settings.mask(token.token)
    },
    error => {
      const code = entraFailureOf(error).code
      return code !== undefined && REPLICATION_LAG_CODES.has(code)
    },
    settings.retry
  )
}

/** One token request with the stored secret, in the provider tenant: Entra's answer, judged by the planner. */
async function checkStoredSecret(credential: TokenCredential, settings: AzureSettings): Promise<SecretProof> {
  try {
    const token = await credential.getToken(defaultScope(settings.cloud.armAudience))
    if (!token) return { status: 'failed', detail: 'Entra returned no token.' }
    settings.mask(token.token)
    return { status: 'token' }
  } catch (error) {
    const failure = entraFailureOf(error)
    const message = failure.message.split(/\r?\n/)[0] ?? ''
    if (failure.code === undefined) return { status: 'failed', detail: message }
    const detail = message.startsWith('AADSTS') ? message : `AADSTS${failure.code}: ${message}`
    return { status: 'refused', code: failure.code, detail }
  }
}
