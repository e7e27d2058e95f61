/**
 * What a customer tenant's answer to the consent probe means. The token endpoint's AADSTS number is the contract
 * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes); a status is only ever given for an
 * answer that says it.
 */
import { AADSTS } from '../model/aadsts.js'
import type { ConsentObservation } from '../model/observed.js'
import type { ConsentStatus } from '../model/report.js'

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
  AADSTS.federatedIssuerMismatch,
  AADSTS.federatedAudienceMismatch,
  AADSTS.noMatchingFederatedSubject,
  AADSTS.federatedSubjectCaseMismatch,
  AADSTS.entraTokenNotAllowedForFederation,
  AADSTS.crossTenantFederationNotAllowed
])

/** The consent status a token request's refusal means for a customer tenant. */
export function consentStatusOf(code: number | undefined): ConsentStatus {
  if (code === undefined) return 'error'
  if (NEEDS_CONSENT.has(code)) return 'needs-consent'
  if (DISABLED.has(code)) return 'disabled'
  if (code === AADSTS.tenantNotFound) return 'tenant-not-found'
  if (BLOCKED.has(code)) return 'blocked'
  if (PROVIDER.has(code)) return 'provider-error'
  return 'error'
}

export interface ConsentVerdict {
  status: ConsentStatus
  code?: number
  traceId?: string
  detail?: string
  /** The app's service principal in the tenant, when consented. */
  principalId?: string
}

const NOT_ASKED: Record<Extract<ConsentObservation, { kind: 'not-asked' }>['because'], ConsentStatus> = {
  // No app yet: every tenant will need consent once apply creates it.
  'app-missing': 'needs-consent',
  'app-unknown': 'error',
  'no-credential': 'provider-error'
}

export function consentVerdict(observed: ConsentObservation): ConsentVerdict {
  switch (observed.kind) {
    case 'token':
      return { status: 'consented', principalId: observed.principalId }
    case 'refused':
      return {
        status: consentStatusOf(observed.code),
        code: observed.code,
        traceId: observed.traceId,
        detail: observed.detail
      }
    case 'no-authority':
      return { status: 'tenant-not-found', code: observed.code, detail: observed.detail }
    case 'failed':
      return { status: 'error', detail: observed.detail }
    case 'not-asked':
      return { status: NOT_ASKED[observed.because], detail: observed.detail }
  }
}
