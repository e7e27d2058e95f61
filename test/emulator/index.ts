/**
 * `startEmulator()`: the Azure emulator in this process — Entra ID, GitHub OIDC, admin consent, Microsoft
 * Graph, ARM Microsoft.Authorization and Key Vault on 127.0.0.1 over HTTPS — seeded from a scenario.
 * See test/emulator/README.md.
 */
import { randomBytes } from 'node:crypto'
import { EmulatorClient } from './client.js'
import { Clock } from './clock.js'
import type { ResourceService } from './contracts.js'
import { Faults } from './faults.js'
import type { CoreRequest } from './http.js'
import { json } from './http.js'
import { JwtSigner } from './jwt.js'
import { RequestLog } from './requestlog.js'
import { Listener } from './server.js'
import type { Route } from './server.js'
import { createArmService } from './services/arm.js'
import type { ArmAuthContext } from './services/arm-common.js'
import { createSubscriptionsService } from './services/arm-subscriptions.js'
import { ConsentService } from './services/consent.js'
import { ControlService } from './services/control.js'
import type { IssuedTokenClaims } from './services/entra.js'
import { EntraService } from './services/entra.js'
import { GraphService } from './services/graph.js'
import { createKeyVaultService } from './services/keyvault.js'
import { GithubOidcService, OIDC_PREFIX } from './services/oidc.js'
import type { Lags } from './state/directory.js'
import { DirectoryState } from './state/directory.js'
import { ResourceState } from './state/resources.js'
import type { GithubRun } from './state/scenario.js'
import { loadScenario, readScenario, resolvePrincipalRef } from './state/scenario.js'
import { tlsMaterial } from './tls.js'

/** Token audiences of the public cloud the emulator stands in for (src/cloud.ts, AzureCloud). */
export const AUDIENCES = {
  arm: 'https://management.azure.com',
  graph: 'https://graph.microsoft.com',
  keyVault: 'https://vault.azure.net',
  oidc: 'api://AzureADTokenExchange'
} as const

export interface EmulatorOptions {
  /** a scenario file (YAML or JSON) or the scenario object itself; default: an empty directory */
  scenario?: string | object
  /** port of the main listener; 0 (default) picks a free one */
  port?: number
  /** latency added to every request, in ms */
  latencyMs?: number
  /** seed of the fault layer's PRNG (default 1) */
  seed?: number
  /** replication lags, overriding the scenario's */
  lags?: Partial<Lags>
}

export interface EmulatorEndpoints {
  authorityHost: string
  graphEndpoint: string
  armEndpoint: string
  keyVaultUrls: Record<string, string>
  oidcRequestUrl: string
  oidcRequestToken: string
  caFile: string
  controlUrl: string
  /** the JSON the action's `cloud-endpoints` input takes with `cloud: custom` */
  cloudEndpoints: string
  armAudience: string
  graphAudience: string
  keyVaultAudience: string
  oidcAudience: string
  /** the scenario's automation identity (`client-id`, `tenant-id` inputs), when it names one */
  automation: { tenantId: string; clientId: string } | null
}

export interface Emulator {
  endpoints: EmulatorEndpoints
  control: EmulatorClient
  /** the CA certificate (PEM) to trust, for clients that take one (`tlsOptions: { ca }`) */
  ca: string
  /** in-process access for tests: the directory, the clock, GitHub tokens */
  directory: DirectoryState
  clock: Clock
  /** a GitHub OIDC token as `getIDToken(audience)` would return it, with optional claim overrides */
  mintGithubToken(audience?: string, overrides?: Record<string, unknown>): string
  verifyAccessToken(token: string): IssuedTokenClaims | undefined
  stop(): Promise<void>
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const tls = tlsMaterial()
  const clock = new Clock()
  const directory = new DirectoryState(clock)
  const scenario = loadScenario(
    options.scenario === undefined ? {} : readScenario(options.scenario),
    directory
  )
  directory.lags = { ...scenario.lags, ...options.lags }
  let github: GithubRun = scenario.github
  const githubSigner = new JwtSigner()
  const entraSigner = new JwtSigner()
  const oidcRequestToken = randomBytes(24).toString('base64url')
  const oidc = new GithubOidcService(clock, githubSigner, oidcRequestToken, () => github)
  const entra = new EntraService(directory, clock, entraSigner, token => githubSigner.verify(token)?.claims)
  const consent = new ConsentService(directory)
  const graph = new GraphService(directory, clock, scenario.graphPageSize, token =>
    entra.inspectAccessToken(token)
  )
  const faults = new Faults(options.seed ?? 1, options.latencyMs ?? 0)
  const log = new RequestLog()

  const resources = new ResourceState(directory)
  for (const { tenantId, section } of scenario.resources) {
    resources.loadTenant(tenantId, section, ref => resolvePrincipalRef(directory, tenantId, ref))
  }
  const control = new ControlService({
    directory,
    clock,
    faults,
    log,
    consent,
    resources,
    github: { get: () => github, set: run => (github = run) }
  })

  let resourceServices: ResourceService[] = []
  const callerOf = (req: CoreRequest): IssuedTokenClaims | undefined => {
    const match = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))
    return match?.[1] ? entra.verifyAccessToken(match[1]) : undefined
  }
  const router = (req: CoreRequest): Route => {
    if (req.vault === undefined) {
      if (control.handles(req)) return { name: 'control', handle: r => control.handle(r) }
      if (oidc.handles(req)) return { name: 'oidc', handle: r => oidc.handle(r) }
      if (graph.handles(req)) return { name: 'graph', handle: r => graph.handle(r, callerOf(r)) }
      const entraRoute = entra.route(req)
      if (entraRoute) return { name: entraRoute, handle: r => entra.handle(r) }
      if (consent.handles(req)) return { name: 'consent', handle: r => consent.handle(r) }
    }
    const service = resourceServices.find(s => s.handles(req))
    if (service) {
      const name =
        service.name === 'keyvault' || req.vault !== undefined
          ? 'keyvault'
          : service.name === 'arm'
            ? 'arm'
            : 'unknown'
      return { name, handle: r => service.handle(r, callerOf(r)) }
    }
    return {
      name: 'unknown',
      handle: () =>
        json(404, { error: { code: 'NotFound', message: `No route for ${req.method} ${req.path}` } })
    }
  }

  const deps = { tls, router, faults, log, clock }
  const main = new Listener(deps)
  const listeners: Listener[] = [main]
  const origin = await main.listen(options.port ?? 0)
  const keyVaultUrls: Record<string, string> = {}
  for (const name of resources.vaultNames()) {
    const vault = new Listener(deps, name)
    listeners.push(vault)
    keyVaultUrls[name] = `${await vault.listen(0)}/`
  }
  const armAuth: ArmAuthContext = {
    inspect: token => entra.inspectAccessToken(token),
    revokedAt: (tenantId, objectId) => directory.revokedAt(tenantId, objectId),
    now: () => clock.now()
  }
  // Key Vault first: it answers only requests that arrived on a vault's own listener
  resourceServices = [
    createKeyVaultService(directory, resources, origin),
    createArmService(directory, resources, armAuth),
    createSubscriptionsService(directory, resources, armAuth, {
      origin,
      graphAudience: AUDIENCES.graph,
      keyVaultAudience: AUDIENCES.keyVault
    })
  ]

  const endpoints: EmulatorEndpoints = {
    authorityHost: origin,
    graphEndpoint: origin,
    armEndpoint: origin,
    keyVaultUrls,
    // the runner's URL already carries a query; @actions/core appends `&audience=` (sdk-local-endpoints.md)
    oidcRequestUrl: `${origin}${OIDC_PREFIX}/token?api-version=2.0`,
    oidcRequestToken,
    caFile: tls.caFile,
    controlUrl: `${origin}/_control`,
    cloudEndpoints: JSON.stringify({
      authorityHost: origin,
      graphEndpoint: origin,
      armEndpoint: origin,
      keyVaultUrls,
      armAudience: AUDIENCES.arm,
      graphAudience: AUDIENCES.graph,
      keyVaultAudience: AUDIENCES.keyVault,
      oidcAudience: AUDIENCES.oidc
    }),
    armAudience: AUDIENCES.arm,
    graphAudience: AUDIENCES.graph,
    keyVaultAudience: AUDIENCES.keyVault,
    oidcAudience: AUDIENCES.oidc,
    automation: scenario.automation
  }
  return {
    endpoints,
    control: new EmulatorClient(endpoints.controlUrl, tls.caPem),
    ca: tls.caPem,
    directory,
    clock,
    mintGithubToken: (audience, overrides) => oidc.mint(audience, overrides),
    verifyAccessToken: token => entra.verifyAccessToken(token),
    stop: async () => {
      await Promise.all(listeners.map(l => l.close()))
    }
  }
}
