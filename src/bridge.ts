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
import {
  disableSecretVersion,
  listSecretVersions,
  readSecret,
  secretClient,
  storeSecret
} from './azure/key-vault.js'
import { REPLICATION_RETRY, type RetryOptions, retryWhile } from './azure/retry.js'
import { RoleAssignments, armClient } from './azure/role-assignments.js'
import { defaultScope } from './cloud.js'
import type { TenantsConfig } from './config/types.js'
import type { Inputs } from './inputs.js'
import { type AppRef, applyProvider, applyTenants } from './apply/apply.js'
import { observeCredentials } from './observe/credentials.js'
import { observeProvider, observeTenants } from './observe/observe.js'
import type { ObservedProvider, ObservedTenant } from './observe/types.js'
import { type CredentialJudgement, judgeCredentials } from './plan/credentials.js'
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
  const run: RunContext = {
    inputs,
    config,
    deps,
    now: deps.now ?? (() => new Date()),
    retry: deps.replicationRetry ?? REPLICATION_RETRY,
    getAssertion: async () => '',
    presentedSubject: () => undefined
  }
  let presented: OidcIdentity | undefined
  run.getAssertion = memoisedAssertion(() => deps.getIdToken(inputs.cloud.oidcAudience), {
    onFetched: identity => {
      presented = identity
      deps.info(`GitHub OIDC token: iss=${identity.iss} sub=${identity.sub} aud=${identity.aud}`)
    }
  })

  // Sign in to the provider tenant first: a federated-credential mismatch is the most common set-up error, and it
  // is clearer here, once, than as a failure of every later call.
  const provider = assertionCredential(inputs.cloud, inputs.tenantId, inputs.clientId, run.getAssertion)
  const automationObjectId = await signIn(provider, inputs, () => presented, deps)

  run.presentedSubject = () => presented?.sub
  const providerPhase = await runProviderPhase(run, provider)
  const tenantPhase = await runTenantPhase(run, providerPhase)
  const observedApp = providerPhase.observed.app
  return buildReport({
    mode: inputs.mode,
    rotate: inputs.rotate,
    cloud: inputs.cloud,
    config,
    now: run.now(),
    provider: providerPhase.observed,
    app: providerPhase.app,
    ownerFixCommand:
      observedApp.status === 'not-owned'
        ? ownerFixCommand(config.app.uniqueName, automationObjectId)
        : undefined,
    tenants: tenantPhase.observed,
    steps: [...providerPhase.steps, ...tenantPhase.steps],
    storedSecret: providerPhase.storedSecret,
    credentials: providerPhase.credentials
  })
}

interface RunContext {
  inputs: BridgeInputs
  config: TenantsConfig
  deps: BridgeDeps
  now: () => Date
  retry: RetryOptions
  /** The GitHub OIDC token, fresh enough to present. */
  getAssertion: () => Promise<string>
  /** The subject of the GitHub OIDC token this run presented. */
  presentedSubject: () => string | undefined
}

interface ProviderPhase {
  observed: ObservedProvider
  steps: PlanStep[]
  /** The app's ids, once it exists. */
  app?: AppRef
  /** The secret the app signs in with (kind: secret), already masked. */
  secret?: string
  storedSecret?: { version: string; expiresOn: Date }
  /** This run wrote the app's credential: customer tenants may not see it yet. */
  freshCredential: boolean
  /** The credential lifecycle's judgement, of the state after apply when apply ran. */
  credentials: CredentialJudgement
}

/** The app, its credentials and its secret in the provider tenant: observe, plan, and in apply mode, apply. */
async function runProviderPhase(run: RunContext, provider: TokenCredential): Promise<ProviderPhase> {
  const { inputs, config, deps } = run
  const { cloud } = inputs
  const apps = new AppRegistrations(graphClient(cloud, provider), run.retry)
  const credential = config.app.credential
  const vault = credential.kind === 'secret' ? secretClient(cloud, credential.keyVault, provider) : undefined
  const observeAll = async (rotate: BridgeInputs['rotate'], leftBehind: readonly string[] = []) => {
    const first = await observeProvider(config, {
      apps,
      readSecret: vault ? name => readSecret(vault, name, deps.mask) : undefined
    })
    const value = first.secretValue
    const lifecycle = await observeCredentials(first.observed, {
      listVersions:
        vault && credential.kind === 'secret'
          ? () => listSecretVersions(vault, credential.secretName)
          : undefined,
      storedSecretCredential: appId =>
        value === undefined ? undefined : secretCredential(cloud, inputs.tenantId, appId, value),
      proofScope: defaultScope(cloud.armAudience),
      mask: deps.mask
    })
    const observed = { ...first.observed, ...lifecycle }
    const judged = judgeCredentials(config, observed, {
      rotate,
      now: run.now(),
      presentedSubject: run.presentedSubject(),
      leftBehind
    })
    return { observed, secretValue: value, judged }
  }
  const { observed, secretValue, judged } = await observeAll(inputs.rotate)
  const steps = planProvider(config, observed, {
    rotate: inputs.rotate,
    now: run.now(),
    oidcAudience: cloud.oidcAudience,
    credentials: judged
  })
  const app =
    observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined
  if (inputs.mode !== 'apply')
    return { observed, steps, app, secret: secretValue, freshCredential: false, credentials: judged }

  const applied = await applyProvider(steps, app, {
    apps,
    uniqueName: config.app.uniqueName,
    mask: deps.mask,
    now: run.now,
    proveSecret: (appId, value) =>
      proveSecret(
        secretCredential(cloud, inputs.tenantId, appId, value),
        cloud.armAudience,
        run.retry,
        deps.mask
      ),
    storeSecret: (value, meta) => {
      if (!vault || credential.kind !== 'secret') throw new Error('no Key Vault is configured')
      return storeSecret(vault, credential.secretName, value, meta)
    },
    disableSecretVersion: version => {
      if (!vault || credential.kind !== 'secret') throw new Error('no Key Vault is configured')
      return disableSecretVersion(vault, credential.secretName, version)
    }
  })
  return {
    observed,
    steps: applied.steps,
    app: applied.app,
    secret: applied.secret?.value ?? secretValue,
    ...(applied.secret
      ? { storedSecret: { version: applied.secret.version, expiresOn: applied.secret.expiresOn } }
      : {}),
    freshCredential: applied.changed,
    credentials: await credentialsAfterApply(applied.steps, judged, () =>
      // Judged as the state stands: no further rotation is planned on top of the one this run made.
      observeAll('never', applied.leftBehind)
    )
  }
}

const CREDENTIAL_STEPS = new Set([
  'create-secret',
  'rotate-secret',
  'remove-orphan',
  'retire-password',
  'disable-kv-version'
])

/**
 * The credentials as they are after apply: read again when apply tried to change them (a clean-up that failed
 * shows as the orphan it left). If that read fails, the judgement before apply stands, and says so.
 */
async function credentialsAfterApply(
  steps: readonly PlanStep[],
  before: CredentialJudgement,
  observeAgain: () => Promise<{ judged: CredentialJudgement }>
): Promise<CredentialJudgement> {
  if (!steps.some(step => CREDENTIAL_STEPS.has(step.kind) && step.outcome !== 'skipped')) return before
  try {
    return (await observeAgain()).judged
  } catch (error) {
    return {
      ...before,
      notices: [
        ...before.notices,
        `The credentials could not be read again after apply (${(error as Error).message}); the list shows them as they were before.`
      ]
    }
  }
}

/** Consent and role assignments in every customer tenant, signed in as the app there. */
async function runTenantPhase(
  run: RunContext,
  provider: ProviderPhase
): Promise<{ observed: Map<string, ObservedTenant>; steps: PlanStep[] }> {
  const { inputs, config, deps } = run
  const { cloud } = inputs
  const { app, secret } = provider
  // The app signs in to each customer tenant with its own credential: the secret, or the GitHub assertion.
  const signInAsApp = (tenantId: string): TokenCredential | undefined => {
    if (!app) return undefined
    if (config.app.credential.kind === 'federated') {
      return assertionCredential(cloud, tenantId, app.appId, run.getAssertion)
    }
    return secret === undefined ? undefined : secretCredential(cloud, tenantId, app.appId, secret)
  }
  // One credential per tenant, so that MSAL's token cache serves the role-assignment reads after the probe.
  const credentials = new Map<string, TokenCredential | undefined>()
  const credentialFor = (tenantId: string): TokenCredential | undefined => {
    if (!credentials.has(tenantId)) credentials.set(tenantId, signInAsApp(tenantId))
    return credentials.get(tenantId)
  }
  const roleAssignments = (credential: TokenCredential): RoleAssignments =>
    new RoleAssignments(scope => armClient(cloud, credential, scope), run.retry)

  const appPresence = app ? 'exists' : provider.observed.app.status === 'missing' ? 'missing' : 'unknown'
  const observed = await observeTenants(config, appPresence, {
    credentialFor,
    noCredentialReason: noCredentialReason(config, provider.observed.secret.status),
    roleAssignments,
    armAudience: cloud.armAudience,
    concurrency: inputs.concurrency,
    freshCredential: provider.freshCredential ? run.retry : undefined,
    mask: deps.mask
  })
  const steps = planTenants(config, observed)
  if (inputs.mode !== 'apply') return { observed, steps }
  const applied = await applyTenants(steps, {
    roleAssignments: tenantId => {
      const credential = credentialFor(tenantId)
      return credential ? roleAssignments(credential) : undefined
    }
  })
  return { observed, steps: applied.steps }
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
