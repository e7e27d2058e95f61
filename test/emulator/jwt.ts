/**
 * RS256 JSON Web Tokens with node:crypto (RFC 7515/7519): the GitHub OIDC issuer and Entra ID each hold one
 * signing key and publish it as a JWKS; verification looks the key up by the header's `kid`.
 */
import { createPublicKey, createSign, createVerify, generateKeyPairSync, randomUUID } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

export interface Jwk {
  kty: string
  use: 'sig'
  alg: 'RS256'
  kid: string
  n: string
  e: string
}

export type JwtClaims = Record<string, unknown>

export interface DecodedJwt {
  header: { alg?: string; kid?: string; typ?: string }
  claims: JwtClaims
}

export class JwtSigner {
  readonly kid: string
  readonly jwk: Jwk
  private readonly privateKey: KeyObject
  private readonly publicKey: KeyObject

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    this.privateKey = privateKey
    this.publicKey = publicKey
    this.kid = randomUUID().replaceAll('-', '')
    const exported = publicKey.export({ format: 'jwk' })
    this.jwk = {
      kty: 'RSA',
      use: 'sig',
      alg: 'RS256',
      kid: this.kid,
      n: String(exported.n),
      e: String(exported.e)
    }
  }

  sign(claims: JwtClaims): string {
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.kid }))
    const payload = base64url(JSON.stringify(claims))
    const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(this.privateKey)
    return `${header}.${payload}.${signature.toString('base64url')}`
  }

  /** The decoded token when its signature is this key's; undefined otherwise (no claim checks here). */
  verify(token: string): DecodedJwt | undefined {
    const decoded = decodeJwt(token)
    if (!decoded || decoded.header.alg !== 'RS256' || decoded.header.kid !== this.kid) return undefined
    const [header, payload, signature] = token.split('.') as [string, string, string]
    const ok = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(this.publicKey, Buffer.from(signature, 'base64url'))
    return ok ? decoded : undefined
  }

  jwks(): { keys: Jwk[] } {
    return { keys: [this.jwk] }
  }
}

/** Decodes without verifying; undefined when the token is not three base64url JSON parts. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  try {
    const header = JSON.parse(
      Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')
    ) as DecodedJwt['header']
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as JwtClaims
    if (typeof header !== 'object' || header === null || typeof claims !== 'object' || claims === null)
      return undefined
    return { header, claims }
  } catch {
    return undefined
  }
}

/** Verifies a token against a JWKS (as a relying party would with a fetched `jwks_uri`). */
export function verifyWithJwks(token: string, jwks: { keys: Jwk[] }): DecodedJwt | undefined {
  const decoded = decodeJwt(token)
  const jwk = jwks.keys.find(k => k.kid === decoded?.header.kid)
  if (!decoded || !jwk) return undefined
  const [header, payload, signature] = token.split('.') as [string, string, string]
  const key = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' })
  const ok = createVerify('RSA-SHA256')
    .update(`${header}.${payload}`)
    .verify(key, Buffer.from(signature, 'base64url'))
  return ok ? decoded : undefined
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}
