/**
 * What the action found in Azure — the input of the (pure) planner, next to the tenants file. These are facts as
 * the services gave them, not verdicts: the planner decides what they mean.
 */

import type { RolePermission } from './roles.js'

/** Documented value. Source: https://learn.microsoft.com/graph/api/resources/application */
export const MULTI_TENANT_AUDIENCE = 'AzureADMultipleOrgs'

export interface FederatedCredential {
  id: string
  name: string
  issuer: string
  subject: string
  audiences: string[]
  description?: string | null
}

export interface PasswordCredential {
  keyId: string
  displayName: string | null
  startDateTime: string | null
  endDateTime: string | null
  hint: string | null
}

/** A certificate credential (keyCredentials); reported, never changed by the action. */
export interface KeyCredential {
  keyId: string
  displayName: string | null
  type: string | null
  usage: string | null
  startDateTime: string | null
  endDateTime: string | null
}

export interface Application {
  id: string
  appId: string
  uniqueName: string
  displayName: string
  signInAudience: string
  redirectUris: string[]
  passwordCredentials: PasswordCredential[]
  keyCredentials: KeyCredential[]
  federatedCredentials: FederatedCredential[]
}

export interface ServicePrincipal {
  id: string
  accountEnabled: boolean
}

/** The app as Graph's GET returns it; its federated credentials and service principal are read after. */
export type AppRecord = Omit<Application, 'federatedCredentials'>

export type AppLookup =
  { status: 'found'; app: AppRecord } | { status: 'missing' } | { status: 'not-owned'; detail: string }

/** What is read of a found app once its ids are known. */
export interface AppDetails {
  federatedCredentials: FederatedCredential[]
  servicePrincipal?: ServicePrincipal
}

/** What the app should look like; the upsert sends exactly this. */
export interface AppShape {
  displayName: string
  signInAudience: string
  redirectUris: string[]
}

export interface NewPassword {
  keyId: string
  /** The secret value: returned once, by addPassword only. */
  secretText: string
  endDateTime: string
}

/** Whether the multi-tenant app exists: `unknown` when it could not be read (then no tenant can be judged). */
export type AppPresence = 'exists' | 'missing' | 'unknown'

/**
 * Why a request failed: `transient` (throttled, 5xx, timed out or dropped — after the pipeline's retries),
 * `denied` (401/403: a permission is missing), `other` (any other answer, or an unforeseen error).
 */
export type FailureKind = 'transient' | 'denied' | 'other'

const FAILURE_KINDS: readonly string[] = ['transient', 'denied', 'other']

/** The kind a port's error declares (its `kind`), or `other` for an error that declares none. */
export function failureOf(error: unknown): FailureKind {
  const kind = (error as { kind?: unknown } | null)?.kind
  return typeof kind === 'string' && FAILURE_KINDS.includes(kind) ? (kind as FailureKind) : 'other'
}

/** The app as the provider's read found it: Graph's answer, or why there was none. */
export type ObservedApp =
  | { status: 'found'; app: Application; servicePrincipal?: ServicePrincipal }
  | { status: 'missing' }
  | { status: 'not-owned'; detail: string; automationObjectId?: string }
  | { status: 'error'; detail: string; failure: FailureKind }

/** The app's secret in Key Vault; its value is never part of the observed state. */
export type ObservedSecret =
  | { status: 'not-configured' }
  | { status: 'found'; version: string; expiresOn?: Date; keyId?: string }
  | { status: 'missing' }
  | { status: 'error'; detail: string; failure: FailureKind }

export interface StoredSecret {
  /** The secret value: mask it before anything else happens with it. */
  value: string
  version: string
  expiresOn?: Date
  keyId?: string
}

export type SecretLookup = { status: 'found'; secret: StoredSecret } | { status: 'missing' }

/**
 * What a customer tenant's token endpoint answered when the app asked it for a token:
 * - `token`: a token, so the app has an enabled service principal there (the token's `oid`);
 * - `refused`: Entra said no, with its AADSTS number when it gave one;
 * - `no-authority`: Entra does not know the tenant in this cloud (its token endpoint said AADSTS90002);
 * - `failed`: no answer that says anything about the tenant (a network failure, an unforeseen error);
 * - `not-asked`: the action had nothing to ask with (no app yet, the app unreadable, no credential).
 */
export type ConsentObservation =
  | { kind: 'token'; principalId?: string }
  | { kind: 'refused'; code?: number; traceId?: string; detail: string }
  | { kind: 'no-authority'; code: number; detail: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'not-asked'; because: 'app-missing' | 'app-unknown' | 'no-credential'; detail: string }

/**
 * A role assignment as ARM showed it: held at the scope or above it (`via` the scope of the assignment ARM
 * reported), absent, refused with a definitive answer (`unverifiable`: 403 and the like), or not answered at all
 * (`failed`: throttled, 5xx or dropped after the pipeline's retries — transient, never a verdict).
 */
export type AssignmentLookup =
  | { status: 'present'; via: string }
  | { status: 'missing' }
  | { status: 'unverifiable'; detail: string; statusCode?: number }
  | { status: 'failed'; detail: string; failure: FailureKind }

/** The app's own effective permissions at a scope (Permissions – List), or why they could not be read. */
export type EffectivePermissions =
  { status: 'read'; permissions: RolePermission[] } | { status: 'unavailable'; detail: string }

/** A role assignment of the app's principal as ARM lists it. */
export interface PrincipalAssignment {
  id: string
  scope: string
  roleDefinitionId: string
  condition?: string
}

/** A role definition as the tenant (or the built-in catalogue) has it, or why it could not be resolved. */
export type RoleDefinitionLookup = { id: string; permissions: RolePermission[] } | { problem: string }

/** What a data-plane probe found. */
export type ProbeOutcome =
  { status: 'verified'; detail: string } | { status: 'denied' | 'error'; code: string; detail: string }

/** Removing an assignment (prune). */
export type RemoveOutcome = { status: 'removed' } | { status: 'not-permitted' | 'failed'; detail: string }

export type AssignOutcome =
  | { status: 'applied' }
  | { status: 'present' }
  | { status: 'not-permitted'; detail: string }
  | { status: 'failed'; detail: string }

/** One required assignment, in the order of the tenants file. */
export interface ObservedAssignment {
  scope: string
  /** The role's GUID: as configured, or resolved in the tenant for a custom role named by name ('' when not). */
  roleDefinitionId: string
  lookup: AssignmentLookup | { status: 'skipped' }
  /** The app's own effective permissions at the scope, read when the listing could not answer or the role is absent. */
  effective?: EffectivePermissions
  /** The role definition's permissions (the built-in catalogue, or the tenant's custom role). */
  rolePermissions?: RolePermission[]
  /** Why the role could not be resolved. */
  roleProblem?: string
}

/** A data-plane proof, as run. */
export interface ProbeResult {
  kind: 'keyVault' | 'arm'
  /** What was probed: `<vault> › <secret>` or the ARM scope. */
  target: string
  status: 'verified' | 'denied' | 'error'
  /** The service's error code (and HTTP status) when denied or failed. */
  code?: string
  detail?: string
  line: number
}

export interface ObservedTenant {
  tenantId: string
  consent: ConsentObservation
  assignments: ObservedAssignment[]
  /** Role assignments of the app's principal that the file does not list (when they could be read). */
  unmanaged?: PrincipalAssignment[]
  /** Why they could not be read, when they could not. */
  unmanagedUnread?: { detail: string; failure: FailureKind }
  probes?: ProbeResult[]
}

/** One version of the secret, without its value: what the credential lifecycle matches against the app. */
export interface SecretVersionInfo {
  version: string
  enabled: boolean
  /** The `entra-key-id` tag: the password whose value the version holds. */
  keyId?: string
  createdOn?: Date
  expiresOn?: Date
}

/**
 * What Entra answered when the action asked for a token with the stored secret (in the provider tenant): a token,
 * a refusal with its AADSTS number, or no answer that says anything about the secret. The planner decides.
 */
export type SecretProof =
  | { status: 'token' }
  | { status: 'refused'; code?: number; detail: string }
  | { status: 'failed'; detail: string }

export interface ObservedProvider {
  app: ObservedApp
  secret: ObservedSecret
  /** Every version of the secret, metadata only, newest first; absent when not read. */
  secretVersions?: SecretVersionInfo[] | { error: string }
  /** The stored secret's proof; absent when there was nothing to prove. */
  secretProof?: SecretProof
}
