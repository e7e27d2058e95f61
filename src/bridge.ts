/**
 * The pipeline below main.ts: sign in → observe → plan → apply → the report model. It takes plain values and a
 * few injected functions (log, mask, the GitHub OIDC token), so tests run it in-process against the emulator.
 */
import type { TokenCredential } from '@azure/identity'
import { AppRegistrations, graphClient } from './azure/app-registration.js'
import {
  assertionCredential,
  jwtClaims,
  memoisedAssertion,
  type OidcIdentity,
  secretCredential
} from './azure/credentials.js'
import { AADSTS, REPLICATION_LAG_CODES, entraFailureOf } from './azure/entra-errors.js'
import { readSecret, secretClient, storeSecret } from './azure/key-vault.js'
import { REPLICATION_RETRY, type RetryOptions, retryWhile } from './azure/retry.js'
import { RoleAssignments, armClient } from './azure/role-assignments.js'
import { defaultScope } from './cloud.js'
import type { TenantsConfig } from './config/types.js'
import type { Inputs } from './inputs.js'
import { applyProvider, applyTenants } from './apply/apply.js'
import { observeProvider, observeTenants } from './observe/observe.js'
import type { ObservedTenant } from './observe/types.js'
import { type PlanStep, planProvider, planTenants } from './plan/plan.js'
import { buildReport } from './report/build.js'
import type { Report } from './report/types.js'

export interface BridgeDeps {
  /** GitHub's OIDC token for an audience (core.getIDToken); it masks the token. */
  getIdToken: (audience: string) => Promise<string>
  info: (message: string) => void
  /** Registers a value to be masked in every log line (core.setSecret). */
  mask: (value: string) => void
  now?: () => Date
  /** Retries for the directory's replication lag (tests shorten them). */
  replicationRetry?: RetryOptions
}

export type BridgeInputs = Pick<Inputs, 'mode' | 'clientId' | 'tenantId' | 'cloud' | 'rotate' | 'concurrency'>

/** A failure of the whole run (not of one tenant), with what to do about it. */
export class BridgeError extends Error {
  override name = 'BridgeError'
}

const FEDERATION_MISMATCH = new Set<number>([
  AADSTS.noMatchingFederatedRecord,
  AADSTS.noMatchingFederatedSubject,
  AADSTS.federatedSubjectCaseMismatch
])

export async function runBridge(
  inputs: BridgeInputs,
  config: TenantsConfig,
  deps: BridgeDeps
): Promise<Report> {
  const now = deps.now ?? (() => new Date())
  const retry = deps.replicationRetry ?? REPLICATION_RETRY
  const { cloud } = inputs
  let presented: OidcIdentity | undefined
  const getAssertion = memoisedAssertion(() => deps.getIdToken(cloud.oidcAudience), {
    onFetched: identity => {
      presented = identity
      deps.info(`GitHub OIDC token: iss=${identity.iss} sub=${identity.sub} aud=${identity.aud}`)
    }
  })

  // Sign in to the provider tenant first: a federated-credential mismatch is the most common set-up error, and it
  // is clearer here, once, than as a failure of every later call.
  const provider = assertionCredential(cloud, inputs.tenantId, inputs.clientId, getAssertion)
  const automationObjectId = await signIn(provider, inputs, () => presented, deps)

  const apps = new AppRegistrations(graphClient(cloud, provider), retry)
  const credentialConfig = config.app.credential
  const vault =
    credentialConfig.kind === 'secret' ? secretClient(cloud, credentialConfig.keyVault, provider) : undefined
  const { observed, secretValue } = await observeProvider(config, {
    apps,
    readSecret: vault ? name => readSecret(vault, name, deps.mask) : undefined
  })

  const providerSteps = planProvider(config, observed, {
    rotate: inputs.rotate,
    now: now(),
    oidcAudience: cloud.oidcAudience
  })
  let steps: PlanStep[] = providerSteps
  let app =
    observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined
  let secret = secretValue
  let storedSecret: { version: string; expiresOn: Date } | undefined
  let freshCredential = false

  if (inputs.mode === 'apply') {
    const applied = await applyProvider(providerSteps, app, {
      apps,
      uniqueName: config.app.uniqueName,
      mask: deps.mask,
      now,
      proveSecret: (appId, value) =>
        proveSecret(
          secretCredential(cloud, inputs.tenantId, appId, value),
          cloud.armAudience,
          retry,
          deps.mask
        ),
      storeSecret: (value, meta) => {
        if (!vault || credentialConfig.kind !== 'secret') throw new Error('no Key Vault is configured')
        return storeSecret(vault, credentialConfig.secretName, value, meta)
      }
    })
    steps = applied.steps
    app = applied.app
    if (applied.secret) {
      secret = applied.secret.value
      storedSecret = { version: applied.secret.version, expiresOn: applied.secret.expiresOn }
    }
    freshCredential = applied.changed
  }

  const appCredential = (tenantId: string): TokenCredential | undefined => {
    if (!app) return undefined
    if (credentialConfig.kind === 'federated')
      return assertionCredential(cloud, tenantId, app.appId, getAssertion)
    return secret === undefined ? undefined : secretCredential(cloud, tenantId, app.appId, secret)
  }
  const credentials = new Map<string, TokenCredential | undefined>()
  const credentialFor = (tenantId: string): TokenCredential | undefined => {
    if (!credentials.has(tenantId)) credentials.set(tenantId, appCredential(tenantId))
    return credentials.get(tenantId)
  }
  const roleAssignments = (credential: TokenCredential): RoleAssignments =>
    new RoleAssignments(scope => armClient(cloud, credential, scope), retry)

  const tenants: Map<string, ObservedTenant> = await observeTenants(
    config,
    app ? 'exists' : observed.app.status === 'missing' ? 'missing' : 'unknown',
    {
      credentialFor,
      noCredentialReason: noCredentialReason(config, observed.secret.status),
      roleAssignments: credential => roleAssignments(credential),
      armAudience: cloud.armAudience,
      concurrency: inputs.concurrency,
      freshCredential: freshCredential ? retry : undefined,
      mask: deps.mask
    }
  )

  let tenantSteps = planTenants(config, tenants)
  if (inputs.mode === 'apply') {
    const applied = await applyTenants(tenantSteps, {
      roleAssignments: tenantId => {
        const credential = credentialFor(tenantId)
        return credential ? roleAssignments(credential) : undefined
      }
    })
    tenantSteps = applied.steps
  }

  return buildReport({
    mode: inputs.mode,
    rotate: inputs.rotate,
    cloud,
    config,
    now: now(),
    provider: observed,
    app,
    ownerFixCommand:
      observed.app.status === 'not-owned'
        ? ownerFixCommand(config.app.uniqueName, automationObjectId)
        : undefined,
    tenants,
    steps: [...steps, ...tenantSteps],
    storedSecret
  })
}

/** Signs in as the automation identity; returns its object id (the token's `oid`) for fix commands. */
async function signIn(
  credential: TokenCredential,
  inputs: BridgeInputs,
  presented: () => OidcIdentity | undefined,
  deps: BridgeDeps
): Promise<string | undefined> {
  try {
    const token = await credential.getToken(defaultScope(inputs.cloud.graphAudience))
    if (!token) throw new Error('no token')
    deps.mask(token.token)
    const oid = jwtClaims(token.token).oid
    return typeof oid === 'string' ? oid : undefined
  } catch (error) {
    throw new BridgeError(signInFailure(error, inputs, presented()))
  }
}

function signInFailure(error: unknown, inputs: BridgeInputs, presented: OidcIdentity | undefined): string {
  const failure = entraFailureOf(error)
  const code = failure.code === undefined ? '' : ` (AADSTS${failure.code})`
  if (failure.code !== undefined && FEDERATION_MISMATCH.has(failure.code) && presented) {
    return (
      `Sign-in to the provider tenant ${inputs.tenantId} failed${code}: no federated credential on client-id ${inputs.clientId} ` +
      `matches this workflow's token (issuer ${presented.iss}, subject ${presented.sub}, audience ${presented.aud}). ` +
      'Add a federated credential with exactly this subject — it is case-sensitive — to the automation identity.'
    )
  }
  return `Sign-in to the provider tenant ${inputs.tenantId} as client-id ${inputs.clientId} failed${code}: ${failure.message}`
}

function noCredentialReason(config: TenantsConfig, secretStatus: string): string {
  if (config.app.credential.kind !== 'secret') return 'The app has no credential to sign in with.'
  return secretStatus === 'missing'
    ? `Key Vault has no secret ${config.app.credential.secretName} yet: apply creates one; consent is checked with it.`
    : `The app's secret could not be read from Key Vault ${config.app.credential.keyVault}.`
}

/**
 * The one-time command for an admin of the provider tenant: Application.ReadWrite.OwnedBy cannot add owners
 * (https://learn.microsoft.com/graph/api/application-post-owners), so a person must.
 */
export function ownerFixCommand(uniqueName: string, automationObjectId: string | undefined): string {
  const owner = automationObjectId ?? '<object id of the automation identity>'
  return `az ad app owner add --id "$(az ad app list --filter "uniqueName eq '${uniqueName}'" --query '[0].appId' -o tsv)" --owner-object-id ${owner}`
}

/** A new secret replicates for seconds before it authenticates; until then Entra says it is invalid. */
async function proveSecret(
  credential: TokenCredential,
  armAudience: string,
  retry: RetryOptions,
  mask: (value: string) => void
): Promise<void> {
  await retryWhile(
    async () => {
      const token = await credential.getToken(defaultScope(armAudience))
      if (!token) throw new Error('no token')
      mask(token.token)
    },
    error => {
      const code = entraFailureOf(error).code
      return code !== undefined && REPLICATION_LAG_CODES.has(code)
    },
    retry
  )
}
