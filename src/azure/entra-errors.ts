/**
 * Entra ID token-endpoint failures, reduced to the numbers that matter. @azure/identity wraps an AADSTS error
 * in an AuthenticationRequiredError whose `cause` is MSAL's ServerError: `errorNo` carries `error_codes[0]` and
 * `errorCode` the OAuth `error` (msal-common `ServerError`, https://github.com/AzureAD/microsoft-authentication-library-for-js). The number is the contract; the
 * prose is not (reference-error-codes.md: "don't branch on error_description").
 */
import type { ConsentStatus } from '../report/types.js'

/**
 * AADSTS numbers the action acts on.
 * Source: https://learn.microsoft.com/entra/identity-platform/reference-error-codes (and, where that page is
 * silent, https://login.microsoftonline.com/error?code=<number>).
 */
export const AADSTS = {
  /** The client application is missing service principal in the tenant (not consented there). */
  missingServicePrincipal: 7000229,
  /** Application not found in the directory: not installed/consented in that tenant, or wrong app id. */
  appNotFoundInDirectory: 700016,
  appNotFoundInOrgIdTenant: 700011,
  /** The tenant does not exist (in this cloud). */
  tenantNotFound: 90002,
  /** The application (its service principal in that tenant) is disabled. */
  appDisabled: 7000112,
  unauthorizedClientDisabled: 70001,
  invalidClientSecret: 7000215,
  expiredClientSecret: 7000222,
  missingClientCredential: 7000218,
  assertionOutsideValidTime: 700024,
  assertionSignatureInvalid: 700027,
  noMatchingFederatedRecord: 70021,
  /**
   * No federated credential has the assertion's issuer / its audience: https://login.microsoftonline.com/error?code=700211
   * and https://login.microsoftonline.com/error?code=700212 (workload identity federation troubleshooting:
   * https://learn.microsoft.com/entra/workload-id/workload-identity-federation-considerations).
   */
  noMatchingFederatedIssuer: 700211,
  noMatchingFederatedAudience: 700212,
  noMatchingFederatedSubject: 700213,
  federatedSubjectCaseMismatch: 7002138,
  entraTokenNotAllowedForFederation: 700222,
  crossTenantFederationNotAllowed: 700236,
  blockedByConditionalAccess: 53003
} as const

const NEEDS_CONSENT = new Set<number>([
  AADSTS.missingServicePrincipal,
  AADSTS.appNotFoundInDirectory,
  AADSTS.appNotFoundInOrgIdTenant
])
const DISABLED = new Set<number>([AADSTS.appDisabled, AADSTS.unauthorizedClientDisabled])
/** Conditional Access and other customer-side policy blocks (530xx/53xxx family). */
const BLOCKED = new Set<number>([
  53000,
  53001,
  53002,
  AADSTS.blockedByConditionalAccess,
  53004,
  530032,
  530035
])
/** The provider's own credential or federation setup was rejected: the customer cannot fix these. */
const PROVIDER = new Set<number>([
  AADSTS.invalidClientSecret,
  AADSTS.expiredClientSecret,
  AADSTS.missingClientCredential,
  AADSTS.assertionOutsideValidTime,
  AADSTS.assertionSignatureInvalid,
  AADSTS.noMatchingFederatedRecord,
  AADSTS.noMatchingFederatedIssuer,
  AADSTS.noMatchingFederatedAudience,
  AADSTS.noMatchingFederatedSubject,
  AADSTS.federatedSubjectCaseMismatch,
  AADSTS.entraTokenNotAllowedForFederation,
  AADSTS.crossTenantFederationNotAllowed
])

/** Codes that a fresh credential or federated credential shows while the directory replicates it. */
export const REPLICATION_LAG_CODES: ReadonlySet<number> = new Set([
  AADSTS.invalidClientSecret,
  AADSTS.expiredClientSecret,
  AADSTS.noMatchingFederatedRecord,
  AADSTS.noMatchingFederatedSubject
])

/** The consent status a token request's outcome means for a customer tenant. */
export function consentStatusOf(code: number | undefined): ConsentStatus {
  if (code === undefined) return 'error'
  if (NEEDS_CONSENT.has(code)) return 'needs-consent'
  if (DISABLED.has(code)) return 'disabled'
  if (code === AADSTS.tenantNotFound) return 'tenant-not-found'
  if (BLOCKED.has(code)) return 'blocked'
  if (PROVIDER.has(code)) return 'provider-error'
  return 'error'
}

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
