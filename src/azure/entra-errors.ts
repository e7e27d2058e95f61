/**
 * Entra ID token-endpoint failures, reduced to the numbers that matter. @azure/identity wraps an AADSTS error
 * in an AuthenticationRequiredError whose `cause` is MSAL's ServerError: `errorNo` carries `error_codes[0]` and
 * `errorCode` the OAuth `error` (https://learn.microsoft.com/javascript/api/@azure/msal-node/servererror). The number is the contract; the
 * prose is not (https://learn.microsoft.com/entra/identity-platform/reference-error-codes: "don't branch on the
 * error_description").
 */
import { AADSTS } from '../model/aadsts.js'

export { AADSTS }

/** Codes that a fresh credential or federated credential shows while the directory replicates it. */
export const REPLICATION_LAG_CODES: ReadonlySet<number> = new Set([
  AADSTS.invalidClientSecret,
  AADSTS.expiredClientSecret,
  AADSTS.noMatchingFederatedRecord,
  AADSTS.noMatchingFederatedSubject
])

export interface EntraFailure {
  /** The AADSTS number, when the token endpoint gave one. */
  code?: number
  /** The OAuth `error` value (`invalid_client`, `unauthorized_client`, …). */
  error?: string
  traceId?: string
  correlationId?: string
  /** Entra's description (first line, without the trace lines) or the error's own message. */
  message: string
}

interface MsalServerErrorLike {
  errorCode?: unknown
  errorNo?: unknown
  errorMessage?: unknown
  correlationId?: unknown
}

/** What a failed `getToken` says, read from the MSAL error the SDK wraps. */
export function entraFailureOf(error: unknown): EntraFailure {
  const outer = error instanceof Error ? error : new Error(String(error))
  const cause = (outer as Error & { cause?: unknown }).cause as MsalServerErrorLike | undefined
  const description = typeof cause?.errorMessage === 'string' ? cause.errorMessage : outer.message
  const codeFromCause = cause?.errorNo === undefined ? undefined : Number(cause.errorNo)
  // Only when the number was not carried (older SDKs, other wrappers) is it read from the AADSTS prefix.
  const code = Number.isFinite(codeFromCause) ? codeFromCause : aadstsNumberIn(outer.message)
  return {
    code,
    error: typeof cause?.errorCode === 'string' ? cause.errorCode : undefined,
    traceId: /Trace ID: ([0-9a-f-]{36})/i.exec(description)?.[1],
    correlationId:
      (typeof cause?.correlationId === 'string' && cause.correlationId) ||
      /Correlation ID: ([0-9a-f-]{36})/i.exec(description)?.[1],
    message: firstLine(description)
  }
}

function aadstsNumberIn(text: string): number | undefined {
  const match = /AADSTS(\d+)/.exec(text)
  return match ? Number(match[1]) : undefined
}

function firstLine(text: string): string {
  const aadsts = /AADSTS\d+:[^\r\n]*/.exec(text)?.[0] ?? text.split(/\r?\n/)[0] ?? text
  return aadsts.replace(/\s*Trace ID:.*$/, '').trim()
}
