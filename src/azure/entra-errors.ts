/**
 * Entra ID token-endpoint failures, reduced to the numbers that matter: the token client raises them as
 * EntraTokenError with the OAuth `error` and `error_codes[0]` of Entra's answer. The number is the contract; the
 * prose is not (https://learn.microsoft.com/entra/identity-platform/reference-error-codes: "don't branch on the
 * error_description").
 */
import { AADSTS } from '../model/aadsts.js'
import { EntraTokenError } from './token-client.js'

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

/** What a failed `getToken` says. */
export function entraFailureOf(error: unknown): EntraFailure {
  const outer = error instanceof Error ? error : new Error(String(error))
  if (outer instanceof EntraTokenError) {
    return {
      code: outer.code ?? aadstsNumberIn(outer.message),
      error: outer.error,
      traceId: outer.traceId ?? /Trace ID: ([0-9a-f-]{36})/i.exec(outer.message)?.[1],
      correlationId: outer.correlationId ?? /Correlation ID: ([0-9a-f-]{36})/i.exec(outer.message)?.[1],
      message: firstLine(outer.message)
    }
  }
  // Not Entra's answer (no answer at all, or a wrapper that kept only the text): a number in the text is all.
  return { code: aadstsNumberIn(outer.message), message: firstLine(outer.message) }
}

function aadstsNumberIn(text: string): number | undefined {
  const match = /AADSTS(\d+)/.exec(text)
  return match ? Number(match[1]) : undefined
}

function firstLine(text: string): string {
  const aadsts = /AADSTS\d+:[^\r\n]*/.exec(text)?.[0] ?? text.split(/\r?\n/)[0] ?? text
  return aadsts.replace(/\s*Trace ID:.*$/, '').trim()
}
