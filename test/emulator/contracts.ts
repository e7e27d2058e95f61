/**
 * The seams between the emulator's core (server, Entra ID, GitHub OIDC, Graph, faults, control API, CLI)
 * and its resource services (ARM Microsoft.Authorization, Key Vault). Each side owns its own files; this file
 * is the only thing they share. Change it only in agreement with both sides.
 */
import type { IncomingHttpHeaders } from 'node:http'

/** A request as the core hands it to a service, already read in full. */
export interface EmuRequest {
  method: string
  /**
   * The decoded path without the query. The core collapses a leading `//` (the ARM SDK sends `//subscriptions/…`
   * for scopes that start with `/`) to `/`, and never parses the path as a URL with a host.
   */
  path: string
  /** Query parameters with percent-decoded keys and values (Key Vault sends `api%2Dversion`). */
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: Buffer
  /** `https://127.0.0.1:<port>` (or the vault's own origin): for absolute `nextLink` / `id` values. */
  origin: string
  /**
   * Set when the request came in on a key vault's own listener: every vault is served on its own port of
   * 127.0.0.1 (`https://127.0.0.1:<port>/` is its vault URL), because the Key Vault SDK derives the vault and
   * the version from a secret id's first path segments and so cannot live under a path prefix.
   */
  vault?: string
}

/** A response; an object `body` is sent as JSON with `content-type: application/json; charset=utf-8`. */
export interface EmuResponse {
  status: number
  headers?: Record<string, string>
  body?: unknown
}

/** Claims of an access token the emulator's Entra ID issued; the core verifies signature and expiry. */
export interface AccessTokenClaims {
  iss: string
  /** The resource the token is for: e.g. `https://management.azure.com`, `https://vault.azure.net`. */
  aud: string
  /** The tenant that issued the token. */
  tid: string
  /** The service principal's object id in `tid`. */
  oid: string
  appid: string
  azp?: string
  sub: string
  iat: number
  nbf: number
  exp: number
  idtyp: 'app'
  ver: '1.0' | '2.0'
}

/** A service principal as a resource service sees it. */
export interface DirectoryPrincipal {
  id: string
  appId: string
  displayName: string
  accountEnabled: boolean
}

/** What the resource services may ask of the directory (owned by the core). */
export interface Directory {
  hasTenant(tenantId: string): boolean
  /**
   * The service principal with this object id in the tenant: `'replicating'` while the emulated replication lag
   * hides a new principal from ARM (PrincipalNotFound), `undefined` when there is none.
   */
  principal(tenantId: string, objectId: string): DirectoryPrincipal | 'replicating' | undefined
  /** The emulator clock (ms since the epoch); advanced through the control API. */
  now(): number
}

/**
 * A resource service: the core routes to the first service whose `handles` answers true, after it has applied
 * faults/latency and resolved the caller from a `Authorization: Bearer` header (undefined when absent or
 * invalid: the service decides between 401 and anything else).
 */
export interface ResourceService {
  name: string
  handles(req: EmuRequest): boolean
  handle(req: EmuRequest, caller: AccessTokenClaims | undefined): EmuResponse | Promise<EmuResponse>
}
