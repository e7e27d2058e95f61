/**
 * The control API under `/_control` (no authentication: the emulator listens on 127.0.0.1 only). Tests and the
 * demo use it to change the world behind the action's back — a customer disabling or removing the app, an
 * admin consenting, a role assignment deleted — and to steer faults, lags, the clock and the request log.
 * Documented in test/emulator/README.md; typed client in test/emulator/client.ts.
 */
import type { Clock } from '../clock.js'
import type { EmuResponse } from '../contracts.js'
import type { Faults, FaultRule } from '../faults.js'
import type { CoreRequest } from '../http.js'
import { json, noContent, readJsonBody } from '../http.js'
import type { RequestLog } from '../requestlog.js'
import type { DirectoryState, ServicePrincipal } from '../state/directory.js'
import type { GithubRun } from '../state/scenario.js'
import { loadGithub, loadLags } from '../state/scenario.js'
import type { ConsentService } from './consent.js'

export const CONTROL_PREFIX = '/_control'

/** What the control API needs of the resource side (ResourceState). */
export interface ResourceControl {
  snapshot(): unknown
  deleteRoleAssignment(id: string): boolean
  addRoleAssignment(a: {
    scope: string
    roleDefinitionId: string
    principalId: string
    principalType?: string
  }): unknown
}

export interface ControlDeps {
  directory: DirectoryState
  clock: Clock
  faults: Faults
  log: RequestLog
  consent: ConsentService
  resources: ResourceControl | undefined
  github: { get(): GithubRun; set(run: GithubRun): void }
}

class ControlError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

type Handler = (body: Record<string, unknown>) => EmuResponse

export class ControlService {
  readonly name = 'control'
  private readonly deps: ControlDeps
  private readonly routes: Record<string, Handler>

  constructor(deps: ControlDeps) {
    this.deps = deps
    this.routes = {
      'GET /state': () => json(200, this.state()),
      'POST /service-principals/disable': b => json(200, this.setEnabled(b, false)),
      'POST /service-principals/enable': b => json(200, this.setEnabled(b, true)),
      'POST /service-principals/delete': b => this.deletePrincipal(b),
      'POST /service-principals/revoke-sessions': b => this.revokeSessions(b),
      'POST /consent': b => this.consent(b),
      'POST /consent-decision': b => this.consentDecision(b),
      'POST /role-assignments': b => json(201, this.requireResources().addRoleAssignment(b as never)),
      'POST /role-assignments/delete': b => this.deleteRoleAssignment(b),
      'GET /faults': () => json(200, this.deps.faults.list()),
      'PUT /faults': b => this.setFaults(b),
      'POST /faults': b => this.addFault(b),
      'DELETE /faults': () => (this.deps.faults.clear(), noContent()),
      'GET /lags': () => json(200, this.deps.directory.lags),
      'PUT /lags': b => (
        (this.deps.directory.lags = loadLags(b, 'lags', this.deps.directory.lags)),
        json(200, this.deps.directory.lags)
      ),
      'POST /clock': b => this.advanceClock(b),
      'GET /github': () => json(200, this.deps.github.get()),
      'PATCH /github': b => (
        this.deps.github.set(loadGithub(b, this.deps.github.get())),
        json(200, this.deps.github.get())
      ),
      'GET /requests': () => json(200, this.deps.log.list()),
      'GET /requests/counts': () => json(200, this.deps.log.counts()),
      'DELETE /requests': () => (this.deps.log.reset(), noContent())
    }
  }

  handles(req: CoreRequest): boolean {
    return req.path === CONTROL_PREFIX || req.path.startsWith(`${CONTROL_PREFIX}/`)
  }

  handle(req: CoreRequest): EmuResponse {
    const handler = this.routes[`${req.method} ${req.path.slice(CONTROL_PREFIX.length)}`]
    if (!handler) return json(404, { error: `no control operation ${req.method} ${req.path}` })
    try {
      const body = readJsonBody(req) ?? {}
      if (typeof body !== 'object' || body === null || Array.isArray(body))
        throw new ControlError(400, 'expected a JSON object')
      return handler(body as Record<string, unknown>)
    } catch (err) {
      const status = err instanceof ControlError ? err.status : 400
      return json(status, { error: err instanceof Error ? err.message : String(err) })
    }
  }

  private state(): unknown {
    return {
      now: this.deps.clock.iso(),
      directory: this.deps.directory.snapshot(),
      resources: this.deps.resources?.snapshot() ?? null,
      faults: this.deps.faults.list(),
      github: this.deps.github.get()
    }
  }

  /** A service principal named by `tenantId` and either its object `id` or the app's `appId`. */
  private principal(body: Record<string, unknown>): ServicePrincipal {
    const tenantId = stringField(body, 'tenantId')
    const tenant = this.deps.directory.tenant(tenantId)
    if (!tenant) throw new ControlError(404, `no tenant ${tenantId}`)
    const sp =
      typeof body.id === 'string'
        ? tenant.servicePrincipals.get(body.id.toLowerCase())
        : this.deps.directory.servicePrincipalByAppId(tenant.id, stringField(body, 'appId'))
    if (!sp) throw new ControlError(404, `no such service principal in tenant ${tenantId}`)
    return sp
  }

  private setEnabled(body: Record<string, unknown>, enabled: boolean): ServicePrincipal {
    const sp = this.principal(body)
    sp.accountEnabled = enabled
    return sp
  }

  private revokeSessions(body: Record<string, unknown>): EmuResponse {
    const sp = this.principal(body)
    const at = this.deps.directory.revokeSessions(sp.tenantId, sp.id)
    return json(200, { revokedAt: new Date(at).toISOString() })
  }

  private deletePrincipal(body: Record<string, unknown>): EmuResponse {
    const sp = this.principal(body)
    this.deps.directory.deleteServicePrincipal(sp.tenantId, sp.id)
    return noContent()
  }

  private consent(body: Record<string, unknown>): EmuResponse {
    const tenant = this.deps.directory.tenant(stringField(body, 'tenantId'))
    if (!tenant) throw new ControlError(404, `no tenant ${String(body.tenantId)}`)
    const app = this.deps.directory.applicationByAppId(stringField(body, 'appId'))
    if (!app) throw new ControlError(404, `no application with appId ${String(body.appId)}`)
    const existed = this.deps.directory.servicePrincipalByAppId(tenant.id, app.appId) !== undefined
    return json(existed ? 200 : 201, this.deps.consent.consent(tenant, app))
  }

  private consentDecision(body: Record<string, unknown>): EmuResponse {
    const tenant = this.deps.directory.tenant(stringField(body, 'tenantId'))
    if (!tenant) throw new ControlError(404, `no tenant ${String(body.tenantId)}`)
    if (body.decision !== 'accept' && body.decision !== 'decline')
      throw new ControlError(400, 'decision: expected accept or decline')
    tenant.consentDecision = body.decision
    return noContent()
  }

  private deleteRoleAssignment(body: Record<string, unknown>): EmuResponse {
    const deleted = this.requireResources().deleteRoleAssignment(stringField(body, 'id'))
    return deleted ? noContent() : json(404, { error: `no role assignment ${String(body.id)}` })
  }

  private setFaults(body: Record<string, unknown>): EmuResponse {
    if (!Array.isArray(body.rules)) throw new ControlError(400, 'rules: expected a list of fault rules')
    const seed = body.seed === undefined ? undefined : Number(body.seed)
    this.deps.faults.set(body.rules as FaultRule[], seed)
    return json(200, this.deps.faults.list())
  }

  private addFault(body: Record<string, unknown>): EmuResponse {
    this.deps.faults.add(body as unknown as FaultRule)
    return json(200, this.deps.faults.list())
  }

  private advanceClock(body: Record<string, unknown>): EmuResponse {
    this.deps.clock.advance(Number(body.advanceMs))
    return json(200, { now: this.deps.clock.iso() })
  }

  private requireResources(): ResourceControl {
    if (!this.deps.resources)
      throw new ControlError(501, 'the resource services (ARM, Key Vault) are not loaded')
    return this.deps.resources
  }
}

function stringField(body: Record<string, unknown>, key: string): string {
  const value = body[key]
  if (typeof value !== 'string' || value === '')
    throw new ControlError(400, `${key}: expected a non-empty string`)
  return value
}
