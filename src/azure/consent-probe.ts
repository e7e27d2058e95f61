/**
 * Whether a customer tenant has consented, asked of that tenant itself with no permission there: an app-only
 * token request for ARM as the multi-tenant app. A token means the app has an enabled service principal in the
 * tenant, and its `oid` is that principal's object id (the principal of its role assignments). A refusal's
 * AADSTS number says why; the planner decides what each means.
 * Source: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
import type { TokenCredential } from '@azure/identity'
import { defaultScope } from '../cloud.js'
import type { ConsentObservation } from '../model/observed.js'
import { createPipelineRequest } from '@azure/core-rest-pipeline'
import { AADSTS } from '../model/aadsts.js'
import { jwtClaims } from './credentials.js'
import { type ClientOptions, MAX_RETRIES, RetryBudgetSpent, pipelineFor } from './pipeline.js'
import { REPLICATION_LAG_CODES, entraFailureOf } from './entra-errors.js'
import { type RetryOptions, retryWhile } from './retry.js'

export interface ProbeOptions {
  armAudience: string
  /** The tenant's OpenID configuration URL, asked again when MSAL could not resolve the authority. */
  discoveryUrl: string
  /** The run's pipeline options, for that question. */
  clientOptions: ClientOptions
  /**
   * Retry credential rejections that a just-written secret or federated credential shows while it replicates.
   * Only when this run wrote one: otherwise a rejection is the answer.
   */
  freshCredential?: RetryOptions
  /** Called with the access token the moment it exists, so that it is masked in the log. */
  mask?: (token: string) => void
}

export async function probeConsent(
  credential: TokenCredential,
  options: ProbeOptions
): Promise<ConsentObservation> {
  const scope = defaultScope(options.armAudience)
  const request = async (): Promise<string> => {
    // ARM's SDK asks with continuous access evaluation on, and @azure/identity keeps CAE and non-CAE tokens in
    // separate caches: asking the same way lets the role-assignment reads reuse this token.
    const token = await credential.getToken(scope, { enableCae: true })
    if (!token) throw new Error('the token endpoint returned no token')
    options.mask?.(token.token)
    return token.token
  }
  try {
    const token = options.freshCredential
      ? await retryWhile(request, error => isLag(error), options.freshCredential)
      : await request()
    const oid = jwtClaims(token).oid
    return { kind: 'token', principalId: typeof oid === 'string' ? oid.toLowerCase() : undefined }
  } catch (error) {
    if (isUnknownAuthority(error)) return authorityAnswer(options)
    const failure = entraFailureOf(error)
    if (failure.code === undefined) return { kind: 'failed', detail: transientDetail(error, failure.message) }
    return { kind: 'refused', code: failure.code, traceId: failure.traceId, detail: failure.message }
  }
}

/**
 * MSAL reads the tenant's OpenID configuration before the token request; for a tenant Entra does not know that
 * read fails (400, AADSTS90002), but MSAL reports only `endpoints_resolution_error`, without the number — and says
 * the same after a 503 or a dropped connection (https://learn.microsoft.com/entra/msal/javascript/browser/errors).
 */
function isUnknownAuthority(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'CredentialUnavailableError' &&
    error.message.includes('endpoints_resolution_error')
  )
}

function isLag(error: unknown): boolean {
  const code = entraFailureOf(error).code
  return code !== undefined && REPLICATION_LAG_CODES.has(code)
}

/**
 * Why the authority could not be resolved, asked once more through the run's pipeline (with its retries): only
 * Entra's own AADSTS90002 makes a tenant `tenant-not-found`; anything else is a transient failure, not a verdict.
 */
async function authorityAnswer(options: ProbeOptions): Promise<ConsentObservation> {
  const { pipeline, httpClient } = pipelineFor(options.clientOptions)
  try {
    const response = await pipeline.sendRequest(
      httpClient,
      createPipelineRequest({ url: options.discoveryUrl, method: 'GET' })
    )
    const codes = errorCodesOf(response.bodyAsText)
    if (response.status === 400 && codes.includes(AADSTS.tenantNotFound)) {
      return {
        kind: 'no-authority',
        code: AADSTS.tenantNotFound,
        detail:
          'Entra has no OpenID configuration for this tenant in this cloud (AADSTS90002): the tenant does not exist, or it is in another cloud.'
      }
    }
    return {
      kind: 'failed',
      detail: `Transient: the tenant's OpenID configuration could not be read (HTTP ${response.status}, retried up to ${MAX_RETRIES} times).`
    }
  } catch (error) {
    return { kind: 'failed', detail: transientDetail(error, (error as Error).message) }
  }
}

function errorCodesOf(body: string | null | undefined): number[] {
  try {
    const parsed = JSON.parse(body ?? '') as { error_codes?: unknown }
    return Array.isArray(parsed.error_codes) ? parsed.error_codes.map(Number) : []
  } catch {
    return []
  }
}

/** A failure with no AADSTS number: no answer from Entra at all, after the pipeline's retries. */
function transientDetail(error: unknown, message: string): string {
  if (error instanceof RetryBudgetSpent || (error as { cause?: unknown }).cause instanceof RetryBudgetSpent) {
    return `Transient: ${message}`
  }
  return `Transient: no answer from Entra after retrying up to ${MAX_RETRIES} times (${message}).`
}
