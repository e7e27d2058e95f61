/**
 * Credentials: the automation identity in the provider tenant (GitHub OIDC → federated credential) and the
 * multi-tenant app in any tenant (its Key Vault secret, or the same GitHub OIDC token as a federated assertion).
 */
import { ClientAssertionCredential, ClientSecretCredential, type TokenCredential } from '@azure/identity'
import type { Cloud } from '../cloud.js'

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
 * GitHub OIDC tokens live about five minutes, and ClientAssertionCredential asks for an assertion on every
 * getToken (even a cache hit): one token is reused until shortly before its `exp`, then fetched afresh, so a long
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

function authorityOptions(cloud: Cloud): { authorityHost: string; disableInstanceDiscovery: boolean } {
  // Instance discovery asks login.microsoftonline.com about the authority; a custom cloud's authority is not known
  // there (MSAL then fails after a timeout), so it is trusted as configured.
  return { authorityHost: cloud.authorityHost, disableInstanceDiscovery: cloud.name === 'custom' }
}

/** A credential that presents the GitHub OIDC token as a client assertion for `clientId` in `tenantId`. */
export function assertionCredential(
  cloud: Cloud,
  tenantId: string,
  clientId: string,
  getAssertion: () => Promise<string>
): TokenCredential {
  return new ClientAssertionCredential(tenantId, clientId, getAssertion, authorityOptions(cloud))
}

/** A credential for `clientId` in `tenantId` with a client secret. */
export function secretCredential(
  cloud: Cloud,
  tenantId: string,
  clientId: string,
  secret: string
): TokenCredential {
  return new ClientSecretCredential(tenantId, clientId, secret, authorityOptions(cloud))
}
