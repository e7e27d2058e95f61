/**
 * The report: one model from which the job summary, the PR comment, the annotations, the outputs and the JSON
 * report file are all made. It is also the `report-file` JSON (design: "The JSON report"). Nothing in it is a
 * secret: the secret's Key Vault version id is, its value never is.
 */
import type { FailureKind, ProbeResult } from './observed.js'
import type { CloudName, Mode, Rotate } from './run.js'

export const REPORT_VERSION = 1

export type ConsentStatus =
  'consented' | 'needs-consent' | 'disabled' | 'tenant-not-found' | 'blocked' | 'provider-error' | 'error'

export type RoleAssignmentStatus =
  'present' | 'inherited' | 'missing' | 'applied' | 'awaiting-customer' | 'unverifiable' | 'error' | 'skipped'

export type SecretStatus = 'current' | 'due' | 'rotated' | 'invalid' | 'missing' | 'failed' | 'not-configured'

/**
 * `current`: exists and matches the tenants file; `missing`/`changes-pending`: plan found work for apply;
 * `created`/`updated`: apply did it; `not-owned`: exists but the automation identity is not an owner;
 * `error`: could not be read or written.
 */
export type AppStatus =
  'current' | 'missing' | 'changes-pending' | 'created' | 'updated' | 'not-owned' | 'error'

export interface Report {
  version: typeof REPORT_VERSION
  mode: Mode
  /** ISO time the run finished. */
  generatedAt: string
  cloud: CloudName
  /** The tenants file as given (workspace-relative path). */
  tenantsFile: string
  /** Least privilege, checked at sign-in. */
  identity?: IdentityReport
  app: AppReport
  tenants: TenantReport[]
  secret: SecretReport
  /** Every credential of the app (passwords, certificates, federated credentials), after apply when it ran. */
  credentials: CredentialReport[]
  /** For `credential.kind: federated`: the subjects the app's federated credentials must match. */
  federatedSubjects?: FederatedSubjectReport[]
  /** Things the run could not act on and says so (e.g. `rotate` with a secretless app). */
  notices: string[]
  /** The plan, in order; after apply each step carries its outcome. */
  steps: StepReport[]
  totals: Totals
  /** Consent or a role assignment differs from the tenants file (needs consent, disabled, missing roles, …). */
  drift: boolean
  /** apply wrote something. */
  changed: boolean
  /** Set on the report of one job of a sharded run (phase provider or tenants); absent in a one-job or merged run. */
  part?: ReportPart
}

/** Which part of a sharded run a report covers: the provider phase, or shard `shard` of `of` customer tenants. */
export type ReportPart = { phase: 'provider' } | { phase: 'tenants'; shard: number; of: number }

/** The automation identity this run signed in as, and its Microsoft Graph application permissions. */
export interface IdentityReport {
  /** Its object id in the provider tenant (the Graph token's `oid`). */
  objectId: string | null
  /** The Graph application permissions its token carries (`roles`). */
  roles: string[]
  /** Permissions it holds that reach beyond what the action needs: remove them. */
  excess: string[]
  /** What it lacks for this mode: grant it (admin consent in the provider tenant). */
  missing: string[]
}

export interface AppReport {
  uniqueName: string
  displayName: string
  /** Line of `app:` in the tenants file, for annotations. */
  line: number
  /** Application (client) id; null while the app does not exist. */
  appId: string | null
  /** Object id of the application in the provider tenant; null while it does not exist. */
  objectId: string | null
  status: AppStatus
  /** What went wrong, in words, when status is `not-owned` or `error`. */
  detail?: string
  /** For `error`: whether it passed (transient, after retries), was refused (denied), or anything else. */
  failure?: FailureKind
  /** For `not-owned`: the command an admin runs once to make the automation identity an owner. */
  fixCommand?: string
  federatedCredentials: FederatedCredentialReport[]
}

export interface FederatedCredentialReport {
  name: string
  subject: string
  /**
   * `present` matches the file; `missing`/`changed` await apply; `created`/`updated` apply did; `unmanaged`: on the
   * app but not in the file (left alone, reported).
   */
  status: 'present' | 'missing' | 'changed' | 'created' | 'updated' | 'unmanaged'
}

export interface TenantReport {
  name: string
  tenantId: string
  /** Line of the tenant's entry in the tenants file, for annotations. */
  line: number
  consent: ConsentReport
  /** The app's service principal object id in this tenant (the token's `oid`), when consented. */
  principalId: string | null
  roleAssignments: RoleAssignmentReport[]
  /** `onboarding: true` in the tenants file: not consented yet is expected, not drift. */
  onboarding: boolean
  /** Why this tenant has drifted (fell away from a state it had reached); empty when it has not. */
  drift: string[]
  /** Data-plane proofs, as run (consented tenants only). */
  probes: ProbeReport[]
  /** Role assignments of the app's principal that the file does not list (when they could be read). */
  unmanaged: { id: string; scope: string; roleDefinitionId: string }[]
  /** Why they could not be read, when that counts as an error (transient, or `prune: true`). */
  unmanagedUnread?: string
  /** What the customer's admin runs to grant what is outstanding; null when nothing is. */
  handoff: Handoff | null
}

/** A data-plane proof as the report shows it: the probe's result as run. */
export type ProbeReport = ProbeResult

/** The customer hand-off for one tenant: the same grants as a script, as PowerShell and as an ARM template. */
export interface Handoff {
  /** The grants outstanding, as the tenants file names them. */
  grants: { scope: string; role: string; roleDefinitionId: string; name: string | null }[]
  /** One `az` script for all of them. */
  azScript: string
  /** The same as `New-AzRoleAssignment` lines. */
  powershell: string
  /** A subscription-scope deployment template creating them under the action's names; null before consent. */
  armTemplate: Record<string, unknown> | null
  /**
   * Grants at a management-group scope, which a subscription deployment cannot reach: one management-group
   * deployment template per group. Present only when there are such grants (and the principal is known).
   */
  managementGroupTemplates?: { managementGroupId: string; template: Record<string, unknown> }[]
  /** The one-time alternative: Role Based Access Control Administrator, limited to exactly the file's roles. */
  delegation: { scopes: string[]; condition: string; azScript: string; powershell: string } | null
}

export interface ConsentReport {
  status: ConsentStatus
  /** The AADSTS number when the token endpoint gave one. */
  code: number | null
  /** Entra's trace id of the failed request, for support cases. */
  traceId?: string
  /** What happened, in words (never a secret; outside text, to be escaped when rendered). */
  detail?: string
  /** The admin-consent link (v1 form) for a tenant that is not consented; null when consented or no app yet. */
  link: string | null
  /** The v2.0 admin-consent link with `scope=<ARM>/.default`, an alternative to `link`. */
  linkV2: string | null
}

export interface RoleAssignmentReport {
  scope: string
  /** As written in the tenants file. */
  role: string
  roleDefinitionId: string
  status: RoleAssignmentStatus
  line: number
  detail?: string
  /** For grants outstanding: the command the customer admin runs to grant it. */
  fixCommand?: string
}

export interface SecretReport {
  status: SecretStatus
  /** Line of `credential:` in the tenants file, for annotations. */
  line: number
  keyVault?: string
  secretName?: string
  /** Key Vault version id of the current secret. */
  version: string | null
  /** ISO expiry of the current secret. */
  expiresOn: string | null
  detail?: string
  /** The `rotate` input this run had: what the summary says apply will do depends on it. */
  rotate?: Rotate
  /** ISO date from which `rotate: auto` replaces the current secret (its expiry minus rotateBeforeDays). */
  rotatesFrom?: string
  /** Days a replaced password stays valid after its successor is stored. */
  overlapDays?: number
  /**
   * Whether the password a rotation replaces (or replaced) was made by the action: only then is it removed after
   * the overlap; one made by someone else is left in place.
   */
  replacesManaged?: boolean
}

/**
 * Where a credential stands in the lifecycle. `current`: the password the Key Vault secret holds; `previous`: the
 * one it replaced, kept for the overlap; `retiring`: superseded or expired, apply removes it; `orphan`: made by the
 * action but stored nowhere (a run died, or a clean-up failed), apply removes it; `in-flight`: an orphan younger
 * than the grace, perhaps a rotation still running; `foreign`: not made by the action, only reported;
 * `unknown`: Key Vault could not be read, so its role is not known; `configured`/`unlisted`: a federated
 * credential the tenants file lists, or one it does not.
 */
export type CredentialState =
  | 'current'
  | 'previous'
  | 'retiring'
  | 'orphan'
  | 'in-flight'
  | 'foreign'
  | 'unknown'
  | 'configured'
  | 'unlisted'

export interface CredentialReport {
  kind: 'password' | 'certificate' | 'federated'
  /** keyId of a password or certificate; the name of a federated credential. */
  id: string
  displayName: string | null
  /** Made (and so removable) by the action: the password's display name carries the marker. */
  managed: boolean
  /** First characters of a password (Graph `hint`); null for other kinds. */
  hint: string | null
  start: string | null
  end: string | null
  /** Whole days until `end` (negative once expired); null when it does not expire. */
  daysLeft: number | null
  state: CredentialState
  /** `expiring`: within rotateBeforeDays; `expired`: past its end. */
  flag?: 'expiring' | 'expired'
  /** The Key Vault version holding this password's value, for `current` and `previous`. */
  keyVaultVersion?: string
  subject?: string
  issuer?: string
  detail?: string
  /** For a managed password the action may have to leave behind: the command that removes it. */
  fixCommand?: string
}

export interface FederatedSubjectReport {
  subject: string
  /** Why the app needs it, in words. */
  why: string
  /** Whether a federated credential of the app matches it (issuer and subject, case-sensitively). */
  onApp: boolean
  /** This run's GitHub OIDC token carried this subject. */
  presented: boolean
}

export type StepKind =
  | 'create-app'
  | 'update-app'
  | 'create-federated-credential'
  | 'update-federated-credential'
  | 'create-service-principal'
  | 'add-owner'
  | 'create-secret'
  | 'rotate-secret'
  | 'remove-orphan'
  | 'retire-password'
  | 'disable-kv-version'
  | 'request-consent'
  | 'check-role-assignment'
  | 'assign-role'
  | 'request-grant'
  | 'remove-assignment'
  | 'finish-onboarding'

export type StepOutcome = 'done' | 'failed' | 'skipped' | 'manual'

export interface StepReport {
  kind: StepKind
  /** What the step acts on, e.g. `application contoso-provider-access` or `Fabrikam (7f3a…)`. */
  target: string
  /** Why the plan has this step, in words. */
  reason: string
  /** Whether executing it sends a write request to Azure. `plan` mode executes none. */
  write: boolean
  /** The customer tenant the step acts in; absent for the provider's steps. */
  tenantId?: string
  /** After apply. `manual`: someone else must act (a customer admin, a provider admin). */
  outcome?: StepOutcome
  detail?: string
}

export interface Totals {
  tenants: number
  consented: number
  needsConsent: number
  /** disabled, tenant-not-found, blocked, provider-error and error. */
  problems: number
}
