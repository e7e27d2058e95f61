/**
 * The OAuth 2.0 client-credentials grant against Entra's v2.0 token endpoint, sent through the run's pipeline.
 *
 * Why not @azure/identity: its credentials build an MSAL client per tenant, and MSAL reads the tenant's OpenID
 * configuration before its first token request — one discovery request and a client's worth of CPU and memory per
 * customer tenant — and turns an unknown tenant, a 503 and a dropped connection alike into
 * `endpoints_resolution_error`. The token endpoint itself has one documented address per cloud,
 * `{authority host}/{tenant}/oauth2/v2.0/token`, and answers an unknown tenant definitively (AADSTS90002), so this
 * client asks it directly: one request per tenant and audience, Entra's own error numbers, the run's retries.
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth'
import {
  type HttpClient,
  type Pipeline,
  createHttpHeaders,
  createPipelineRequest
} from '@azure/core-rest-pipeline'
import { MAX_RETRIES, RetryBudgetSpent } from './pipeline.js'

/** How a client proves it is the app: a secret, or a signed assertion (GitHub's OIDC token, federated). */
export type ClientProof = { secret: string } | { assertion: () => Promise<string> }

/** Where tokens come from, shared by every credential of a run: one pipeline, one connection pool. */
export interface TokenEndpoint {
  authorityHost: string
  pipeline: Pipeline
  httpClient: HttpClient
  /** Called with every access token the moment it arrives, so that no log line can carry it. */
  mask: (token: string) => void
}

/** https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#third-case-access-token-request-with-a-federated-credential */
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** A cached token is renewed this long before it expires, so that no request leaves with one about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000

/**
 * What the token endpoint refused, as Entra said it: the OAuth `error`, the AADSTS number (`error_codes[0]`), the
 * description and the trace ids. The number is the contract, the prose is not
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes#handling-error-codes-in-your-application).
 */
export class EntraTokenError extends Error {
  override name = 'EntraTokenError'
  readonly status: number
  readonly error: string | undefined
  readonly code: number | undefined
  readonly traceId: string | undefined
  readonly correlationId: string | undefined

  constructor(status: number, body: EntraErrorBody) {
    super(String(body.error_description ?? body.error ?? `HTTP ${status}`))
    this.status = status
    this.error = typeof body.error === 'string' ? body.error : undefined
    const code = Array.isArray(body.error_codes) ? Number(body.error_codes[0]) : Number.NaN
    this.code = Number.isFinite(code) ? code : undefined
    this.traceId = typeof body.trace_id === 'string' ? body.trace_id : undefined
    this.correlationId = typeof body.correlation_id === 'string' ? body.correlation_id : undefined
  }
}

/** No answer from Entra: throttled, 5xx or no connection after the pipeline's retries. Never a verdict. */
export class TokenEndpointUnavailable extends Error {
  override name = 'TokenEndpointUnavailable'
}

interface EntraErrorBody {
  error?: unknown
  error_description?: unknown
  error_codes?: unknown
  trace_id?: unknown
  correlation_id?: unknown
}

interface TokenBody {
  access_token?: unknown
  expires_in?: unknown
}

/**
 * A TokenCredential for one app in one tenant. Tokens are kept per audience until shortly before they expire;
 * callers asking at once share one request.
 */
export class ClientCredentials implements TokenCredential {
  readonly #endpoint: TokenEndpoint
  readonly #tenantId: string
  readonly #clientId: string
  readonly #proof: ClientProof
  readonly #tokens = new Map<string, AccessToken>()
  readonly #inFlight = new Map<string, Promise<AccessToken>>()

  constructor(endpoint: TokenEndpoint, tenantId: string, clientId: string, proof: ClientProof) {
    this.#endpoint = endpoint
    this.#tenantId = tenantId
    this.#clientId = clientId
    this.#proof = proof
  }

  async getToken(scopes: string | string[], options: GetTokenOptions = {}): Promise<AccessToken> {
    const scope = Array.isArray(scopes) ? scopes.join(' ') : scopes
    // A Key Vault challenge names the tenant its vault trusts; a token from another tenant would only be refused.
    if (options.tenantId && options.tenantId.toLowerCase() !== this.#tenantId.toLowerCase()) {
      throw new Error(
        `A token for tenant ${options.tenantId} was asked of a credential that signs in to tenant ${this.#tenantId}.`
      )
    }
    // A claims challenge asks for a token that satisfies it: never one from the cache.
    if (options.claims) return this.#request(scope, options)
    const cached = this.#tokens.get(scope)
    if (cached && Date.now() < cached.expiresOnTimestamp - RENEW_BEFORE_MS) return cached
    let pending = this.#inFlight.get(scope)
    if (!pending) {
      pending = this.#request(scope, options)
        .then(token => {
          this.#tokens.set(scope, token)
          return token
        })
        .finally(() => this.#inFlight.delete(scope))
      this.#inFlight.set(scope, pending)
    }
    return pending
  }

  async #request(scope: string, options: GetTokenOptions): Promise<AccessToken> {
    const form = new URLSearchParams({ client_id: this.#clientId, scope, grant_type: 'client_credentials' })
    if ('secret' in this.#proof) form.set('client_secret', this.#proof.secret)
    else {
      form.set('client_assertion_type', JWT_BEARER)
      form.set('client_assertion', await this.#proof.assertion())
    }
    if (options.claims) form.set('claims', options.claims)
    const { authorityHost, pipeline, httpClient } = this.#endpoint
    const request = createPipelineRequest({
      url: `${authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(this.#tenantId)}/oauth2/v2.0/token`,
      method: 'POST',
      headers: createHttpHeaders({
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json'
      }),
      body: form.toString(),
      abortSignal: options.abortSignal,
      timeout: options.requestOptions?.timeout ?? 0
    })
    const sentAt = Date.now()
    let response
    try {
      response = await pipeline.sendRequest(httpClient, request)
    } catch (error) {
      const message =
        error instanceof RetryBudgetSpent
          ? error.message
          : `no answer from Entra's token endpoint after retrying up to ${MAX_RETRIES} times (${(error as Error).message})`
      // Only the message: the pipeline's error carries the request, whose body holds the secret or the assertion.
      throw new TokenEndpointUnavailable(message)
    }
    const body = parseJson(response.bodyAsText)
    if (response.status === 200 && typeof (body as TokenBody).access_token === 'string') {
      const { access_token: token, expires_in: expiresIn } = body as {
        access_token: string
        expires_in?: unknown
      }
      this.#endpoint.mask(token)
      return {
        token,
        tokenType: 'Bearer',
        expiresOnTimestamp: sentAt + (Number(expiresIn) || 3600) * 1000
      }
    }
    // Entra's refusals are 400 and 401 with a JSON body; anything else is no answer at all.
    if ((response.status === 400 || response.status === 401) && body) {
      throw new EntraTokenError(response.status, body as EntraErrorBody)
    }
    throw new TokenEndpointUnavailable(
      `Entra's token endpoint answered HTTP ${response.status} (retried up to ${MAX_RETRIES} times)`
    )
  }
}

function parseJson(text: string | null | undefined): object | undefined {
  try {
    const parsed: unknown = JSON.parse(text ?? '')
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined
  } catch {
    return undefined
  }
}
