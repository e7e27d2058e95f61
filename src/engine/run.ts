/**
 * The engine: observe → plan → apply → verdicts, for the provider (app, credentials, secret) and then the customer
 * tenants, through ports only. It knows neither GitHub Actions nor the Azure SDKs, so the action, a test with fakes,
 * a command-line front-end or one shard of a matrix job can all run it.
 */
import type { AppRef } from '../apply/apply.js'
import { applyProvider, applyTenants } from '../apply/apply.js'
import type { TenantsConfig } from '../model/config.js'
import type { AppPresence, ObservedProvider, ObservedTenant } from '../model/observed.js'
import type { AppAccess, EnginePorts } from '../model/ports.js'
import type { Report, ReportPart } from '../model/report.js'
import type { Cloud, Mode, Phase, Rotate } from '../model/run.js'
import type { PlanStep } from '../model/steps.js'
import { observeCredentials } from '../observe/credentials.js'
import {
  type AppReach,
  type ProviderRead,
  observeProbes,
  observeProvider,
  observeTenants,
  readProviderSide
} from '../observe/observe.js'
import { type CredentialJudgement, judgeCredentials } from '../plan/credentials.js'
import { ownerFixCommand } from '../plan/commands.js'
import { planProvider, planTenants } from '../plan/plan.js'
import { identityVerdict } from '../plan/privilege.js'
import { verdicts } from '../plan/verdicts.js'

export interface EngineRequest {
  mode: Mode
  rotate: Rotate
  /** Endpoints and audiences: consent links and federated credentials' default audience depend on them. */
  cloud: Cloud
  /** Customer tenants processed at once. */
  concurrency: number
  now: () => Date
  /**
   * `all` (the default): the provider, then every tenant in `config.tenants`. `provider`: the provider phase
   * only. `tenants`: the provider is read (the app, the secret it signs in with) and never written, then the
   * tenants in `config.tenants` — the caller passes one shard's slice.
   */
  phase?: Exclude<Phase, 'merge'>
  /** For phase `tenants`: which shard this is, recorded in the report for the merge. */
  shard?: { index: number; count: number }
}

/**
 * One run over the tenants file — or over a slice of its tenants (a shard): the customer phase only ever reaches
 * the tenants in `config.tenants`.
 */
export async function runEngine(
  request: EngineRequest,
  config: TenantsConfig,
  ports: EnginePorts
): Promise<Report> {
  // The sign-in and the provider's first read start together: the read's requests wait on the same token (one
  // request, shared), and Key Vault's unauthenticated challenge needs none. A failed sign-in is still the run's
  // one error — it is awaited before anything is judged, and the reads fail with it.
  const signingIn = ports.signIn()
  signingIn.catch(() => undefined)
  const { reach, read: firstRead } = readProviderSide(config, ports.provider)
  const phase = request.phase ?? 'all'
  // The provider job reaches no customer tenant: its report is the app, its credentials and its secret.
  const scope = phase === 'provider' ? { ...config, tenants: [] } : config
  // A run that cannot write the provider (plan, or a tenant shard) reaches the customer tenants as soon as it is
  // signed in and has the app's ids and the secret, while the rest of the provider is read and the credentials are
  // checked; apply may create the app or rotate the secret first, so there they wait for it.
  const early =
    phase === 'tenants' || request.mode !== 'apply'
      ? Promise.all([reach, signingIn]).then(([app]) =>
          runTenantPhase(
            request,
            scope,
            accessOf(app, phase === 'tenants' && request.mode === 'apply'),
            ports
          )
        )
      : undefined
  early?.catch(() => undefined)
  const { automationObjectId, graphRoles, presentedSubject } = await signingIn
  const provider =
    phase === 'tenants'
      ? await readProvider(request, config, ports, presentedSubject, firstRead)
      : await runProviderPhase(request, config, ports, presentedSubject, firstRead)
  const tenants = await (early ?? runTenantPhase(request, scope, accessAfter(provider), ports))
  const observedApp = provider.observed.app
  const report = verdicts({
    mode: request.mode,
    rotate: request.rotate,
    cloud: request.cloud,
    config: scope,
    now: request.now(),
    provider: provider.observed,
    app: provider.app,
    ownerFixCommand:
      observedApp.status === 'not-owned'
        ? ownerFixCommand(config.app.uniqueName, automationObjectId)
        : undefined,
    tenants: tenants.observed,
    steps: [...provider.steps, ...tenants.steps],
    storedSecret: provider.storedSecret,
    credentials: provider.credentials,
    identity: identityVerdict(request.mode, automationObjectId, graphRoles)
  })
  const part = reportPart(request)
  return part ? { ...report, part } : report
}

/** How the app reaches the customer tenants, from the provider as first read (nothing written by this run). */
function accessOf(reach: AppReach, freshCredential: boolean): TenantAccess {
  return {
    ...(reach.app ? { app: reach.app } : {}),
    ...(reach.secretValue === undefined ? {} : { secret: reach.secretValue }),
    storedSecret: reach.storedSecret,
    freshCredential,
    presence: reach.presence
  }
}

function reportPart(request: EngineRequest): ReportPart | undefined {
  if (request.phase === 'provider') return { phase: 'provider' }
  if (request.phase !== 'tenants') return undefined
  const shard = request.shard ?? { index: 1, count: 1 }
  return { phase: 'tenants', shard: shard.index, of: shard.count }
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

/**
 * The provider with every Key Vault version and the proof of the stored secret, and the credentials judged. `read`
 * is the first read when it is already under way; otherwise the provider is read again.
 */
async function observeWithCredentials(
  request: EngineRequest,
  config: TenantsConfig,
  ports: EnginePorts,
  presentedSubject: string | undefined,
  rotate: Rotate,
  leftBehind: readonly string[] = [],
  read: Promise<ProviderRead> = observeProvider(config, ports.provider)
) {
  const first = await read
  const observed = await observeCredentials(first.observed, first.secretValue, ports.provider)
  const judged = judgeCredentials(config, observed, {
    rotate,
    now: request.now(),
    ...(presentedSubject ? { presentedSubject } : {}),
    leftBehind
  })
  return { observed, secretValue: first.secretValue, judged }
}

/** The app, its credentials and its secret in the provider tenant: observe, plan, and in apply mode, apply. */
async function runProviderPhase(
  request: EngineRequest,
  config: TenantsConfig,
  ports: EnginePorts,
  presentedSubject: string | undefined,
  firstRead: Promise<ProviderRead>
): Promise<ProviderPhase> {
  const observeAll = (rotate: Rotate, leftBehind: readonly string[] = []) =>
    observeWithCredentials(request, config, ports, presentedSubject, rotate, leftBehind)
  const { observed, secretValue, judged } = await observeWithCredentials(
    request,
    config,
    ports,
    presentedSubject,
    request.rotate,
    [],
    firstRead
  )
  const steps = planProvider(config, observed, {
    rotate: request.rotate,
    now: request.now(),
    oidcAudience: request.cloud.oidcAudience,
    credentials: judged
  })
  const app =
    observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined
  if (request.mode !== 'apply')
    return { observed, steps, app, secret: secretValue, freshCredential: false, credentials: judged }

  const applied = await applyProvider(steps, app, {
    ...ports.provider,
    uniqueName: config.app.uniqueName,
    now: request.now
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
    // Judged as the state stands: no further rotation is planned on top of the one this run made.
    credentials: await credentialsAfterApply(applied.steps, judged, () =>
      observeAll('never', applied.leftBehind)
    )
  }
}

const CREDENTIAL_STEPS: ReadonlySet<string> = new Set([
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
    const after = (await observeAgain()).judged
    // The secret's verdict is the one apply acted on (its outcome is laid over it); the list is as it is now.
    return { ...after, secret: before.secret, notices: [...new Set([...before.notices, ...after.notices])] }
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

/**
 * A tenant shard's view of the provider: the app and the secret it signs in with, read only. Its steps are the
 * provider job's, so none is planned here — a shard can never write the app, its credentials or its secret.
 */
async function readProvider(
  request: EngineRequest,
  config: TenantsConfig,
  ports: EnginePorts,
  presentedSubject: string | undefined,
  firstRead: Promise<ProviderRead>
): Promise<ProviderPhase> {
  // Read only: nothing is rotated here, whatever the rotate input says; the provider job decides that.
  const { observed, secretValue, judged } = await observeWithCredentials(
    request,
    config,
    ports,
    presentedSubject,
    'never',
    [],
    firstRead
  )
  const app =
    observed.app.status === 'found' ? { id: observed.app.app.id, appId: observed.app.app.appId } : undefined
  // In apply, the provider job may have rotated the secret moments ago and a shard cannot tell: it retries the
  // rejections a just-written credential shows while it replicates, as the job that wrote it would.
  return {
    observed,
    steps: [],
    app,
    secret: secretValue,
    freshCredential: request.mode === 'apply',
    credentials: judged
  }
}

/** What the customer phase needs of the provider: how the app signs in there, and whether it exists at all. */
interface TenantAccess extends AppAccess {
  presence: AppPresence
}

/** The provider phase's result as the customer phase sees it (after apply, when apply ran). */
function accessAfter(provider: ProviderPhase): TenantAccess {
  const status = provider.observed.app.status
  return {
    ...(provider.app ? { app: provider.app } : {}),
    ...(provider.secret === undefined ? {} : { secret: provider.secret }),
    storedSecret: provider.observed.secret.status,
    freshCredential: provider.freshCredential,
    presence: provider.app ? 'exists' : status === 'missing' ? 'missing' : 'unknown'
  }
}

/** Consent and role assignments in the customer tenants, signed in as the app there. */
async function runTenantPhase(
  request: EngineRequest,
  config: TenantsConfig,
  access: TenantAccess,
  ports: EnginePorts
): Promise<{ observed: Map<string, ObservedTenant>; steps: PlanStep[] }> {
  const { presence, ...appAccess } = access
  const tenantPorts = ports.tenants(appAccess)
  const observed = await observeTenants(config.tenants, presence, tenantPorts, request.concurrency)
  const steps = planTenants(config, observed)
  const applied = request.mode === 'apply' ? await applyTenants(steps, tenantPorts) : steps
  // Last, so that the probes prove the access this run leaves behind.
  await observeProbes(config.tenants, observed, tenantPorts, request.concurrency)
  return { observed, steps: applied }
}
