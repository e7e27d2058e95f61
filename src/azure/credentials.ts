/**
 * Credentials: the automation identity in the provider tenant (GitHub OIDC → federated credential) and the
 * multi-tenant app in any tenant (its Key Vault secret, or the same GitHub OIDC token as a federated assertion).
 */
import type { Cloud } from '../cloud.js'
import { type ClientOptions, pipelineFor } from './pipeline.js'
import { ClientCredentials, type TokenEndpoint } from './token-client.js'
import type { RetryOptions } from './retry.js'

/** A GitHub OIDC token's claims that identify the workflow to Entra; logged so subject mismatches are visible. */
export interface OidcIdentity {
  iss: string
  sub: string
  aud: string
  exp: number
}

/** The claims of a JWT, read without verifying it: the action presents the token, it does not trust it. */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1]
  if (!payload) throw new Error('not a JWT')
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  if (typeof claims !== 'object' || claims === null) throw new Error('JWT payload is not an object')
  return claims as Record<string, unknown>
}

export function oidcIdentityOf(jwt: string): OidcIdentity {
  const claims = jwtClaims(jwt)
  const aud = Array.isArray(claims.aud) ? claims.aud.join(' ') : String(claims.aud ?? '')
  return { iss: String(claims.iss ?? ''), sub: String(claims.sub ?? ''), aud, exp: Number(claims.exp ?? 0) }
}

/**
 * GitHub OIDC tokens live about five minutes, and every token request presents one: one token is reused until shortly before its `exp`, then fetched afresh, so a long
 * run never presents an expired assertion (AADSTS700024). Concurrent callers share one fetch.
 */
export function memoisedAssertion(
  fetchToken: () => Promise<string>,
  options: { now?: () => number; refreshBeforeMs?: number; onFetched?: (identity: OidcIdentity) => void } = {}
): () => Promise<string> {
  const now = options.now ?? Date.now
  const refreshBeforeMs = options.refreshBeforeMs ?? 60_000
  let current: { token: string; expiresAtMs: number } | undefined
  let inFlight: Promise<string> | undefined
  return async () => {
    if (current && now() < current.expiresAtMs - refreshBeforeMs) return current.token
    inFlight ??= fetchToken()
      .then(token => {
        const identity = oidcIdentityOf(token)
        current = { token, expiresAtMs: identity.exp * 1000 }
        options.onFetched?.(identity)
        return token
      })
      .finally(() => {
        inFlight = undefined
      })
    return inFlight
  }
}

/**
 * Whether GitHub's OIDC token request failed for a reason that passes: @actions/core retries only 502, 503 and
 * 504 of a GET, and reports any other failure — a 429, a 500, a dropped connection — as one message with the
 * status in it ("Error Code : 429"), so that is what is read here.
 * https://github.com/actions/toolkit/blob/main/packages/core/src/oidc-utils.ts
 */
export function isTransientOidcFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return (
    /Error Code : (408|429|5\d\d)\b/.test(message) ||
    /ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|socket hang up/i.test(message)
  )
}

/** 0.5, 1, 2, 4, 8 s between attempts at GitHub's OIDC token: about 15 s in all. */
export const OIDC_RETRY: RetryOptions = { delaysMs: [500, 1000, 2000, 4000, 8000] }

/** Entra's token endpoint for this run: every credential shares its pipeline and its connections. */
export function tokenEndpoint(
  cloud: Cloud,
  options: ClientOptions,
  mask: (token: string) => void
): TokenEndpoint {
  return { authorityHost: cloud.authorityHost, ...pipelineFor(options), mask }
}

/** A credential that presents the GitHub OIDC token as a client assertion for `clientId` in `tenantId`. */
export function assertionCredential(
  endpoint: TokenEndpoint,
  tenantId: string,
  clientId: string,
  getAssertion: () => Promise<string>
): ClientCredentials {
  return new ClientCredentials(endpoint, tenantId, clientId, { assertion: getAssertion })
}

/** A credential for `clientId` in `tenantId` with a client secret. */
export function secretCredential(
  endpoint: TokenEndpoint,
  tenantId: string,
  clientId: string,
  secret: string
): ClientCredentials {
  return new ClientCredentials(endpoint, tenantId, clientId, { secret })
}
