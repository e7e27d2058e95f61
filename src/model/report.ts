/**
 * The report: one model from which the job summary, the PR comment, the annotations, the outputs and the JSON
 * report file are all made. It is also the `report-file` JSON (design: "The JSON report"). Nothing in it is a
 * secret: the secret's Key Vault version id is, its value never is.
 */
import type { FailureKind } from './observed.js'
import type { CloudName, Mode } from './run.js'

export const REPORT_VERSION = 1

export type ConsentStatus =
  'consented' | 'needs-consent' | 'disabled' | 'tenant-not-found' | 'blocked' | 'provider-error' | 'error'

export type RoleAssignmentStatus =
  'present' | 'missing' | 'applied' | 'not-permitted' | 'unverifiable' | 'skipped'

export type SecretStatus = 'current' | 'due' | 'rotated' | 'missing' | 'failed' | 'not-configured'

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
  /** For `missing`/`not-permitted`: the command the customer admin runs to grant it. */
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
  | 'request-consent'
  | 'check-role-assignment'
  | 'assign-role'

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
