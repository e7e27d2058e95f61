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
import { jwtClaims } from './credentials.js'
import { REPLICATION_LAG_CODES, entraFailureOf } from './entra-errors.js'
import { type RetryOptions, retryWhile } from './retry.js'

export interface ProbeOptions {
  armAudience: string
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
    if (isUnknownAuthority(error)) {
      return {
        kind: 'no-authority',
        detail: `Entra has no OpenID configuration for this tenant in this cloud: the tenant does not exist, or it is in another cloud (${(error as Error).message}).`
      }
    }
    const failure = entraFailureOf(error)
    if (failure.code === undefined) return { kind: 'failed', detail: failure.message }
    return { kind: 'refused', code: failure.code, traceId: failure.traceId, detail: failure.message }
  }
}

/**
 * MSAL reads the tenant's OpenID configuration before the token request; for a tenant Entra does not know that
 * read fails (400, AADSTS90002) and MSAL reports only `endpoints_resolution_error`, without the number
 * (https://learn.microsoft.com/entra/msal/javascript/browser/errors). The provider's own sign-in has already reached the same authority host, so
 * here the one likely cause is the tenant itself.
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
