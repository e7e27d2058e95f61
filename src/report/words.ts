/**
 * Everything the action says to people, as named constants: what each status means and what to do next. The
 * renderers only arrange these texts; changing a sentence never means touching rendering code.
 */
import { AADSTS } from '../model/aadsts.js'
import type { FailureKind } from '../model/observed.js'
import type {
  AppReport,
  IdentityReport,
  AppStatus,
  ConsentStatus,
  CredentialState,
  SecretReport,
  RoleAssignmentStatus,
  SecretStatus,
  StepKind,
  StepOutcome
} from '../model/report.js'

/** What a status means, and what to do about it (empty when nothing is to be done). */
export interface Words {
  label: string
  meaning: string
  next: string
}

export const CONSENT_WORDS: Readonly<Record<ConsentStatus, Words>> = {
  consented: {
    label: 'consented',
    meaning: 'The app has a service principal in this tenant: a customer admin consented.',
    next: ''
  },
  'needs-consent': {
    label: 'needs consent',
    meaning: 'The app has no service principal in this tenant yet: a customer admin has not consented.',
    next: "Send the consent link to the tenant's admin (Cloud Application Administrator or higher)"
  },
  disabled: {
    label: 'disabled',
    meaning: "The customer's admin disabled the app (enterprise application) in their tenant.",
    next:
      'Ask them to enable it: Entra admin center › Enterprise applications › (search by the app id) › ' +
      'Properties › Enabled for users to sign in'
  },
  'tenant-not-found': {
    label: 'tenant not found',
    meaning: 'No such tenant in this cloud.',
    next: 'Check the tenantId in the tenants file, and the cloud input'
  },
  blocked: {
    label: 'blocked',
    meaning: `A Conditional Access policy in the customer's tenant blocked the app's sign-in (AADSTS${AADSTS.blockedByConditionalAccess}).`,
    next:
      "Ask the customer's admin to find the policy in their sign-in logs (Entra admin center › Monitoring › " +
      "Sign-in logs › Service principal sign-ins) and exclude the app's service principal or allow its location"
  },
  'provider-error': {
    label: 'provider credential rejected',
    meaning:
      "The customer tenant rejected the app's own credential: this is for the provider to fix, not the customer.",
    next: "Fix the app's credential in the provider tenant (secret in Key Vault or federated credentials)"
  },
  error: {
    label: 'error',
    meaning: 'The consent check failed unexpectedly.',
    next: 'Rerun the job; if it fails again, open an Azure support case with the error code and trace id'
  }
}

/** The subject/issuer fix for a federated credential that matches no token (AADSTS70021, AADSTS700213). */
const FEDERATED_CREDENTIAL_FIX =
  'Add or correct the federated credential in app.federatedCredentials: issuer ' +
  'https://token.actions.githubusercontent.com and the subject of the workflow token exactly (for example ' +
  'repo:OWNER/REPO:environment:NAME); a new credential takes a minute or two to replicate'

/**
 * Provider-side AADSTS codes, in words. Sources: https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 * and the service messages quoted in the reference notes on AADSTS classification.
 */
export const PROVIDER_ERROR_WORDS: Readonly<Record<number, Omit<Words, 'label'>>> = {
  [AADSTS.invalidClientSecret]: {
    meaning: "Wrong client secret: the secret sent is not one of the app's secrets.",
    next: 'Check that the Key Vault secret belongs to this app; run with `mode: apply` and `rotate: force` to replace it'
  },
  [AADSTS.expiredClientSecret]: {
    meaning: "The app's client secret has expired.",
    next: 'Rotate it: run with `mode: apply` and `rotate: force`, then keep a scheduled run so it rotates before expiry'
  },
  [AADSTS.missingClientCredential]: {
    meaning: 'The token request carried no credential (neither a client secret nor a client assertion).',
    next: 'Set app.credential in the tenants file and run apply so the credential exists'
  },
  [AADSTS.assertionOutsideValidTime]: {
    meaning: 'The client assertion (the GitHub OIDC token) was outside its valid time range: it had expired.',
    next: 'Rerun the job: each run requests a fresh GitHub OIDC token'
  },
  [AADSTS.assertionSignatureInvalid]: {
    meaning: 'The client assertion failed signature validation.',
    next: "Check the federated credential's issuer: it must be the issuer that signed the token"
  },
  [AADSTS.noMatchingFederatedRecord]: {
    meaning: 'No federated credential on the app matches the presented token (issuer, subject and audience).',
    next: FEDERATED_CREDENTIAL_FIX
  },
  [AADSTS.noMatchingFederatedSubject]: {
    meaning: "No federated credential on the app matches the token's subject.",
    next: FEDERATED_CREDENTIAL_FIX
  },
  [AADSTS.federatedSubjectCaseMismatch]: {
    meaning:
      "A federated credential's subject matches the token's only when case is ignored; Entra compares it case-sensitively.",
    next: 'Write the subject in app.federatedCredentials exactly as the token has it (case included), then run apply'
  },
  [AADSTS.entraTokenNotAllowedForFederation]: {
    meaning: 'An Entra-issued token was presented to a federated credential that does not accept it.',
    next: 'Use a managed identity as the federated credential (issuer https://login.microsoftonline.com/<tenant>/v2.0)'
  },
  [AADSTS.crossTenantFederationNotAllowed]: {
    meaning: 'Entra tokens of this issuer may not be used for federated credentials of apps in this tenant.',
    next: "Federate the provider tenant's identity on the app in the provider tenant, not in the customer tenant"
  }
}

export const ROLE_WORDS: Readonly<Record<RoleAssignmentStatus, Words>> = {
  present: { label: 'present', meaning: 'Assigned at this scope, as the tenants file says.', next: '' },
  inherited: {
    label: 'inherited',
    meaning: 'Held through an assignment at a parent scope (subscription or management group).',
    next: ''
  },
  missing: {
    label: 'missing',
    meaning: "Verified absent: the app's service principal lacks this role here, and may assign it itself.",
    next: 'apply creates it'
  },
  applied: { label: 'applied', meaning: 'Assigned by this run.', next: '' },
  'awaiting-customer': {
    label: 'awaiting customer',
    meaning: 'Absent, and the app may not create role assignments here: the customer keeps that right.',
    next: "Send the hand-off to the customer's admin: the script, the ARM template, or the one-time RBAC Administrator delegation"
  },
  unverifiable: {
    label: 'unverifiable',
    meaning:
      "Neither the role assignments nor the app's effective permissions could be read here; counted as drift until it can be verified.",
    next: "Ask the customer's admin to run the hand-off (it is idempotent), or to grant a role that can read role assignments at the scope (Reader is enough)"
  },
  error: {
    label: 'error',
    meaning:
      'Not known: ARM did not answer (throttled, a server error or a dropped connection, after the retries), or the role could not be resolved in the tenant. Counted as an error, not as drift.',
    next: "See the detail: a transient failure needs only another run; a role name the tenant does not define needs the tenants file fixed, or the custom role created by the customer's admin"
  },
  skipped: {
    label: 'to be granted',
    meaning: 'Not checked yet: the tenant has not consented; this grant will be needed.',
    next: 'After consent, apply creates it or the customer grants it from the hand-off'
  }
}

/** What a probe's status means. */
export const PROBE_WORDS: Readonly<Record<'verified' | 'denied' | 'error', Words>> = {
  verified: { label: 'verified', meaning: 'The app reached the service as itself.', next: '' },
  denied: {
    label: 'denied',
    meaning: 'The service refused the app.',
    next: "Check the app's data role on the target (the hand-off grants the listed roles)"
  },
  error: {
    label: 'error',
    meaning: 'The probe failed for another reason.',
    next: 'Check that the vault, secret or scope exists; rerun'
  }
}

/** What a secret status means; what happens next depends on `rotate` and is said by {@link secretNextStep}. */
export const SECRET_WORDS: Readonly<Record<SecretStatus, Words>> = {
  current: {
    label: 'current',
    meaning: 'The secret in Key Vault authenticates and is not yet due for rotation.',
    next: ''
  },
  due: {
    label: 'due for rotation',
    meaning: 'The secret expires within rotateBeforeDays, or rotate: force asks for a new one.',
    next: ''
  },
  rotated: {
    label: 'rotated',
    meaning:
      'This run added a new password, proved it authenticates and stored it as a new Key Vault version.',
    next: ''
  },
  invalid: {
    label: 'invalid',
    meaning:
      'The secret stored in Key Vault does not authenticate: whatever reads it cannot sign in as the app.',
    next: ''
  },
  missing: {
    label: 'missing',
    meaning: 'Key Vault holds no secret for the app.',
    next: ''
  },
  failed: {
    label: 'failed',
    meaning: 'The secret could not be checked or rotated; the previous secret, if any, was left in place.',
    next: 'Check that the automation identity has Key Vault Secrets Officer on the vault, then rerun'
  },
  'not-configured': {
    label: 'not configured',
    meaning: 'The app uses federated credentials only: no secret is kept.',
    next: ''
  }
}

/** What apply does (or will not do) about the secret, for the `rotate` value this run had; '' when nothing. */
export function secretNextStep(secret: SecretReport): string {
  const rotate = secret.rotate ?? 'auto'
  const overlap = secret.overlapDays ?? 0
  const retire =
    secret.replacesManaged === false
      ? 'the password it replaces was not made by the action and is left in place'
      : `the password it replaces stays valid for ${overlap} day(s) (overlapDays), then apply removes it and ` +
        'disables its Key Vault version'
  const rotation = `apply adds a new password, proves it authenticates and stores it as a new Key Vault version; ${retire}`
  switch (secret.status) {
    case 'current':
      if (rotate === 'force') return `rotate: force — ${rotation}`
      if (rotate === 'never')
        return 'rotate: never — apply never replaces it; rotate it with rotate: auto or force before it expires'
      return secret.rotatesFrom
        ? `rotate: auto — apply replaces it from ${secret.rotatesFrom} (rotateBeforeDays before it expires)`
        : ''
    case 'due':
    case 'invalid':
      return rotate === 'never'
        ? `rotate: never — apply will not ${secret.status === 'invalid' ? 'replace' : 'rotate'} it; run apply with rotate: auto or force`
        : rotation
    case 'missing':
      return rotate === 'never'
        ? 'rotate: never — apply will not create it; run apply with rotate: auto'
        : 'apply adds a password, proves it authenticates and stores it in Key Vault'
    case 'rotated':
      return secret.replacesManaged === undefined
        ? ''
        : `The ${retire.replace(/^the /, '').replace('replaces', 'replaced').replace(' is left', ' was left')}`
    default:
      return SECRET_WORDS[secret.status].next
  }
}

/** What a credential's place in the lifecycle means, in a few words. */
export const CREDENTIAL_STATE_WORDS: Readonly<Record<CredentialState, string>> = {
  current: 'current — the Key Vault secret holds it',
  previous: 'previous — kept for the overlap',
  retiring: 'replaced — apply removes it',
  orphan: 'orphan — stored nowhere, apply removes it',
  'in-flight': 'stored nowhere yet — within the grace',
  foreign: 'not managed — left alone',
  unknown: 'unknown — Key Vault not read',
  configured: 'in the tenants file',
  unlisted: 'not in the tenants file — left alone'
}

export const APP_WORDS: Readonly<Record<AppStatus, Words>> = {
  current: { label: 'current', meaning: 'The app registration matches the tenants file.', next: '' },
  missing: {
    label: 'missing',
    meaning: 'No app registration with this uniqueName exists yet.',
    next: 'apply creates it'
  },
  'changes-pending': {
    label: 'changes pending',
    meaning: 'The app registration differs from the tenants file.',
    next: 'apply updates it'
  },
  created: { label: 'created', meaning: 'This run created the app registration.', next: '' },
  updated: { label: 'updated', meaning: 'This run updated the app registration.', next: '' },
  'not-owned': {
    label: 'not owned',
    meaning:
      'The app registration exists, but the automation identity is not one of its owners, so it may not change it.',
    next: 'A provider admin runs this once to make the automation identity an owner'
  },
  error: {
    label: 'error',
    meaning: 'The app registration could not be read or written.',
    next: 'Check that the automation identity has Application.ReadWrite.OwnedBy in the provider tenant, then rerun'
  }
}

/** What to say about the automation identity's permissions, or nothing when they are just right. */
export function identityFinding(identity: IdentityReport | undefined): string | undefined {
  if (!identity) return undefined
  const parts: string[] = []
  if (identity.missing.length > 0) {
    parts.push(
      `The automation identity lacks the Microsoft Graph application permission ${identity.missing.join(', ')} ` +
        'this run needs: grant it, with admin consent, in the provider tenant.'
    )
  }
  if (identity.excess.length > 0) {
    parts.push(
      `The automation identity holds ${identity.excess.join(', ')}: more than it needs ` +
        '(Application.ReadWrite.OwnedBy reaches only the app it owns). Remove them.'
    )
  }
  return parts.length > 0 ? parts.join(' ') : undefined
}

/** The next step after an app error, by what kind of failure it was: a 503 is no permission problem. */
const APP_ERROR_NEXT: Readonly<Record<FailureKind, string>> = {
  transient:
    'Microsoft Graph did not answer in time (throttled or unavailable, after retries): rerun the job',
  denied: APP_WORDS.error.next,
  other: 'Rerun the job; if it fails again, check the detail above'
}

export function appNextStep(app: AppReport): string {
  return app.status === 'error' ? APP_ERROR_NEXT[app.failure ?? 'other'] : APP_WORDS[app.status].next
}

/** What a step does, as a verb phrase ("create the app registration"). */
export const STEP_WORDS: Readonly<Record<StepKind, string>> = {
  'create-app': 'create the app registration',
  'update-app': 'update the app registration',
  'create-federated-credential': 'add a federated credential',
  'update-federated-credential': 'update a federated credential',
  'create-service-principal': 'create the service principal in the provider tenant',
  'add-owner': 'add an owner to the app registration',
  'create-secret': 'create a secret and store it in Key Vault',
  'rotate-secret': 'rotate the secret in Key Vault',
  'remove-orphan': 'remove a password stored nowhere (orphan)',
  'retire-password': 'remove a replaced password and disable its Key Vault version',
  'disable-kv-version': 'disable the Key Vault version of a removed password',
  'request-consent': "ask the customer's admin for consent",
  'check-role-assignment': 'check a role assignment',
  'assign-role': 'create a role assignment',
  'request-grant': "ask the customer's admin to grant a role",
  'remove-assignment': 'remove an unmanaged role assignment',
  'finish-onboarding': 'remove `onboarding: true` from the tenant'
}

export const OUTCOME_WORDS: Readonly<Record<StepOutcome, string>> = {
  done: 'done',
  failed: 'failed',
  skipped: 'skipped',
  manual: 'needs a person'
}

/** Plan runs say what apply would do; apply runs say what happened. */
export const MODE_WORDS = {
  plan: 'nothing was written; the steps below are what `apply` would do.',
  apply: 'the steps below were executed.'
} as const

export const PLAN_NOT_RUN = 'not run (plan)'
