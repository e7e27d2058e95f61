/**
 * A typed client for the emulator's control API (`/_control`, see services/control.ts and the README), for
 * tests in this process or another: it needs only the control URL and the CA.
 */
import { request } from 'node:https'
import type { FaultRule } from './faults.js'
import type { RequestCounts, RequestLogEntry } from './requestlog.js'
import type { Lags } from './state/directory.js'
import type { GithubRun } from './state/scenario.js'

/** A service principal named by its tenant and either its object id or its app's appId. */
export type PrincipalRef = { tenantId: string; appId: string } | { tenantId: string; id: string }

export interface ServicePrincipalView {
  id: string
  appId: string
  displayName: string
  accountEnabled: boolean
  appOwnerOrganizationId: string
  tenantId: string
  createdDateTime: string
}

export class EmulatorControlError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.status = status
  }
}

export class EmulatorClient {
  readonly controlUrl: string
  private readonly ca: string

  constructor(controlUrl: string, ca: string) {
    this.controlUrl = controlUrl.replace(/\/$/, '')
    this.ca = ca
  }

  state(): Promise<Record<string, unknown>> {
    return this.call('GET', '/state')
  }

  disableServicePrincipal(ref: PrincipalRef): Promise<ServicePrincipalView> {
    return this.call('POST', '/service-principals/disable', ref)
  }

  enableServicePrincipal(ref: PrincipalRef): Promise<ServicePrincipalView> {
    return this.call('POST', '/service-principals/enable', ref)
  }

  /** Removes the app's service principal from a tenant: consent revoked. */
  deleteServicePrincipal(ref: PrincipalRef): Promise<void> {
    return this.call('POST', '/service-principals/delete', ref)
  }

  /**
   * A continuous-access-evaluation event for the principal: ARM and Graph answer tokens issued before now with
   * a claims challenge (`WWW-Authenticate: Bearer … error="insufficient_claims", claims="…"`).
   */
  revokeSessions(ref: PrincipalRef): Promise<{ revokedAt: string }> {
    return this.call('POST', '/service-principals/revoke-sessions', ref)
  }

  /** The tenant's admin consents (as `adminconsent` would): the service principal afterwards. */
  consent(tenantId: string, appId: string): Promise<ServicePrincipalView> {
    return this.call('POST', '/consent', { tenantId, appId })
  }

  /** What the tenant's admin answers on the admin-consent page from now on. */
  setConsentDecision(tenantId: string, decision: 'accept' | 'decline'): Promise<void> {
    return this.call('POST', '/consent-decision', { tenantId, decision })
  }

  addRoleAssignment(a: {
    scope: string
    roleDefinitionId: string
    principalId: string
    principalType?: string
  }): Promise<unknown> {
    return this.call('POST', '/role-assignments', a)
  }

  /** By full resource id or GUID name. */
  deleteRoleAssignment(id: string): Promise<void> {
    return this.call('POST', '/role-assignments/delete', { id })
  }

  /** Replaces all fault rules; a seed restarts the PRNG. */
  setFaults(rules: FaultRule[], seed?: number): Promise<unknown> {
    return this.call('PUT', '/faults', seed === undefined ? { rules } : { rules, seed })
  }

  addFault(rule: FaultRule): Promise<unknown> {
    return this.call('POST', '/faults', rule)
  }

  clearFaults(): Promise<void> {
    return this.call('DELETE', '/faults')
  }

  /** Merges the given lags into the current ones and returns the result. */
  setLags(lags: Partial<Lags>): Promise<Lags> {
    return this.call('PUT', '/lags', lags)
  }

  advanceClock(advanceMs: number): Promise<{ now: string }> {
    return this.call('POST', '/clock', { advanceMs })
  }

  /** Changes the GitHub run future OIDC tokens describe (e.g. `{ eventName: 'pull_request' }`). */
  setGithub(run: Partial<GithubRun>): Promise<GithubRun> {
    return this.call('PATCH', '/github', run)
  }

  requests(): Promise<RequestLogEntry[]> {
    return this.call('GET', '/requests')
  }

  requestCounts(): Promise<RequestCounts> {
    return this.call('GET', '/requests/counts')
  }

  resetRequests(): Promise<void> {
    return this.call('DELETE', '/requests')
  }

  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8')
    return new Promise<T>((resolve, reject) => {
      const req = request(
        `${this.controlUrl}${path}`,
        {
          method,
          ca: this.ca,
          headers: payload
            ? { 'content-type': 'application/json', 'content-length': String(payload.length) }
            : {}
        },
        res => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8')
            const parsed: unknown = text ? JSON.parse(text) : undefined
            const status = res.statusCode ?? 0
            if (status >= 400) {
              const message = (parsed as { error?: string } | undefined)?.error ?? `HTTP ${status}`
              reject(new EmulatorControlError(status, `${method} ${path}: ${message}`))
            } else resolve(parsed as T)
          })
        }
      )
      req.on('error', reject)
      req.end(payload)
    })
  }
}
