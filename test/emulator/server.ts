/**
 * The emulator's HTTPS front: listeners on 127.0.0.1 (one main listener, one per key vault), request parsing,
 * fault injection, the request log and response writing. What a request means is decided by the router.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { EmuResponse } from './contracts.js'
import type { FaultDecision, Faults } from './faults.js'
import { principalNotFound } from './services/arm.js'
import type { CoreRequest, RouteName } from './http.js'
import type { RequestLog } from './requestlog.js'
import type { Clock } from './clock.js'
import type { Hold } from './hold.js'
import type { TlsMaterial } from './tls.js'

export interface Route {
  name: RouteName
  handle(req: CoreRequest): EmuResponse | Promise<EmuResponse>
}

export type Router = (req: CoreRequest) => Route

export interface ServerDeps {
  tls: TlsMaterial
  router: Router
  faults: Faults
  log: RequestLog
  clock: Clock
  hold?: Hold
}

export class Listener {
  readonly server: Server
  readonly vault: string | undefined
  private readonly deps: ServerDeps

  constructor(deps: ServerDeps, vault?: string) {
    this.deps = deps
    this.vault = vault
    this.server = createServer({ key: deps.tls.keyPem, cert: deps.tls.certPem }, (req, res) => {
      this.onRequest(req, res).catch(err => {
        if (!res.headersSent)
          writeResponse(
            res,
            { status: 500, body: { error: { code: 'EmulatorError', message: String(err) } } },
            {}
          )
        else res.destroy()
      })
    })
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', () => resolve())
    })
    return this.origin()
  }

  origin(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private async onRequest(raw: IncomingMessage, res: ServerResponse): Promise<void> {
    const req = await this.parse(raw)
    const route = this.deps.router(req)
    const decision: FaultDecision =
      route.name === 'control' ? { latencyMs: 0 } : this.deps.faults.decide(route.name, req.method, req.path)
    if (decision.latencyMs > 0) await delay(decision.latencyMs)
    const ids = idHeaders(req)
    if (decision.fault === 'reset') {
      this.logRequest(req, route.name, 0, 'reset')
      raw.socket.destroy()
      return
    }
    if (decision.fault === 'reset-after') {
      const processed = await route.handle(req)
      this.logRequest(req, route.name, processed.status, 'reset-after')
      raw.socket.destroy()
      return
    }
    const response =
      decision.fault === 'principal-not-found'
        ? principalNotFound(req)
        : decision.fault
          ? faultResponse(route.name, decision.fault, decision.retryAfterSeconds ?? 1, req, this.deps.clock)
          : await route.handle(req)
    if (route.name !== 'control') {
      this.logRequest(
        req,
        route.name,
        response.status,
        decision.fault === undefined ? undefined : String(decision.fault)
      )
      const held = { method: req.method, path: req.path, route: route.name }
      if (this.deps.hold?.take(held, () => raw.socket.destroy())) return
    }
    writeResponse(res, response, ids)
  }

  private logRequest(req: CoreRequest, route: RouteName, status: number, fault: string | undefined): void {
    this.deps.log.record({
      time: this.deps.clock.iso(),
      method: req.method,
      path: req.path,
      query: req.query.toString(),
      route,
      status,
      ...(fault === undefined ? {} : { fault })
    })
  }

  private async parse(raw: IncomingMessage): Promise<CoreRequest> {
    const chunks: Buffer[] = []
    for await (const chunk of raw) chunks.push(chunk as Buffer)
    const url = raw.url ?? '/'
    const q = url.indexOf('?')
    const rawPath = q === -1 ? url : url.slice(0, q)
    const clientRequestId = raw.headers['client-request-id']
    return {
      method: (raw.method ?? 'GET').toUpperCase(),
      path: decodePath(rawPath),
      query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
      headers: raw.headers,
      body: Buffer.concat(chunks),
      origin: this.origin(),
      ...(this.vault === undefined ? {} : { vault: this.vault }),
      requestId: randomUUID(),
      clientRequestId: typeof clientRequestId === 'string' ? clientRequestId : undefined
    }
  }
}

/**
 * The path as the contract promises it: never parsed as a URL with a host (the ARM SDK sends `//subscriptions/…`
 * for scopes starting with `/`, https://github.com/Azure/azure-sdk-for-js), leading slashes collapsed, percent-decoded.
 */
export function decodePath(rawPath: string): string {
  const collapsed = rawPath.replace(/^\/{2,}/, '/')
  try {
    return decodeURIComponent(collapsed)
  } catch {
    return collapsed
  }
}

/** Every Azure front end names the request; Graph and MSAL also echo the caller's `client-request-id`. */
function idHeaders(req: CoreRequest): Record<string, string> {
  const headers: Record<string, string> = { 'x-ms-request-id': req.requestId, 'request-id': req.requestId }
  if (req.clientRequestId) headers['client-request-id'] = req.clientRequestId
  return headers
}

function writeResponse(res: ServerResponse, response: EmuResponse, ids: Record<string, string>): void {
  const headers: Record<string, string> = { ...ids, ...response.headers }
  let payload: Buffer | undefined
  if (Buffer.isBuffer(response.body)) payload = response.body
  else if (typeof response.body === 'string') payload = Buffer.from(response.body, 'utf8')
  else if (response.body !== undefined) {
    payload = Buffer.from(JSON.stringify(response.body), 'utf8')
    headers['content-type'] ??= 'application/json; charset=utf-8'
  }
  headers['content-length'] = String(payload?.length ?? 0)
  res.writeHead(response.status, headers)
  res.end(payload)
}

/** An injected error in the service's own error shape, so clients classify it as they would the real thing. */
function faultResponse(
  route: RouteName,
  status: 429 | 500 | 503,
  retryAfter: number,
  req: CoreRequest,
  clock: Clock
): EmuResponse {
  const headers: Record<string, string> = status === 500 ? {} : { 'retry-after': String(retryAfter) }
  const text = {
    429: 'The request has been throttled',
    500: 'An unexpected error occurred.',
    503: 'The service is temporarily unavailable.'
  }[status]
  switch (route) {
    case 'graph': {
      // https://learn.microsoft.com/graph/api/resources/application: throttled Graph requests answer `activityLimitReached`
      const code = { 429: 'activityLimitReached', 500: 'generalException', 503: 'serviceNotAvailable' }[
        status
      ]
      return {
        status,
        headers,
        body: { error: { code, message: text, innerError: graphInnerError(req, clock) } }
      }
    }
    case 'arm': {
      const code = { 429: 'TooManyRequests', 500: 'InternalServerError', 503: 'ServiceUnavailable' }[status]
      return { status, headers, body: { error: { code, message: text } } }
    }
    case 'keyvault': {
      const code = { 429: 'Throttled', 500: 'InternalServerError', 503: 'ServiceUnavailable' }[status]
      return { status, headers, body: { error: { code, message: text } } }
    }
    case 'token':
    case 'entra':
    case 'consent':
      return {
        status,
        headers,
        body: {
          error: status === 500 ? 'server_error' : 'temporarily_unavailable',
          error_description: text,
          error_codes: [],
          trace_id: req.requestId
        }
      }
    default:
      return { status, headers, body: { message: text } }
  }
}

/** Graph's `innerError` (https://learn.microsoft.com/graph/api/resources/application): date without fraction or zone, request ids. */
export function graphInnerError(req: CoreRequest, clock: Clock): Record<string, string> {
  return {
    date: new Date(clock.now()).toISOString().replace(/\.\d+Z$/, ''),
    'request-id': req.requestId,
    'client-request-id': req.clientRequestId ?? req.requestId
  }
}

function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
