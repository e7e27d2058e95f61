/**
 * Whether a customer tenant has consented, asked of that tenant itself with no permission there: an app-only
 * token request for ARM as the multi-tenant app. A token means the app has an enabled service principal in the
 * tenant, and its `oid` is that principal's object id (the principal of its role assignments). A refusal's
 * AADSTS number says why; the planner decides what each means.
 * Source: https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 */
import type { TokenCredential } from '@azure/core-auth'
import { defaultScope } from '../cloud.js'
import type { ConsentObservation } from '../model/observed.js'
import { AADSTS } from '../model/aadsts.js'
import { jwtClaims } from './credentials.js'
import { REPLICATION_LAG_CODES, entraFailureOf } from './entra-errors.js'
import { type RetryOptions, retryWhile } from './retry.js'
import { EntraTokenError, TokenEndpointUnavailable } from './token-client.js'

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
    // The credential keeps the token: the role-assignment reads in this tenant reuse it.
    const token = await credential.getToken(scope)
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
    if (error instanceof TokenEndpointUnavailable) {
      return { kind: 'failed', detail: `Transient: ${error.message}.` }
    }
    if (!(error instanceof EntraTokenError)) return { kind: 'failed', detail: (error as Error).message }
    const failure = entraFailureOf(error)
    if (failure.code === AADSTS.tenantNotFound) {
      return {
        kind: 'no-authority',
        code: AADSTS.tenantNotFound,
        detail:
          'Entra does not know this tenant in this cloud (AADSTS90002): the tenant does not exist, or it is in another cloud.'
      }
    }
    return { kind: 'refused', code: failure.code, traceId: failure.traceId, detail: failure.message }
  }
}

function isLag(error: unknown): boolean {
  const code = entraFailureOf(error).code
  return code !== undefined && REPLICATION_LAG_CODES.has(code)
}
