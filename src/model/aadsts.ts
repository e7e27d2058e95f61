/**
 * AADSTS numbers the action acts on: the vocabulary in which Entra's token endpoint says why it refused. The
 * number is the contract; the prose is not ("don't branch on error_description").
 * Source: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
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
  /** The presented assertion's issuer matches no federated credential of the app. */
  federatedIssuerMismatch: 700211,
  /** The presented assertion's audience matches no federated credential of the app. */
  federatedAudienceMismatch: 700212,
  noMatchingFederatedSubject: 700213,
  federatedSubjectCaseMismatch: 7002138,
  entraTokenNotAllowedForFederation: 700222,
  crossTenantFederationNotAllowed: 700236,
  blockedByConditionalAccess: 53003
} as const
