/**
 * The tenants file (`.github/tenants.yml`) once parsed and validated. Every element keeps where it stands in the
 * file, so that findings about a tenant or an assignment can be annotated at its line.
 */

/** A place in the tenants file: 1-based line and column, as GitHub annotations take them. */
export interface SourcePosition {
  line: number
  column: number
}

export interface TenantsConfig {
  /** The file's path as given (relative to the workspace), for messages and annotations. */
  file: string
  app: AppConfig
  tenants: TenantConfig[]
}

export interface AppConfig {
  /** The stable key the app is upserted by (`PATCH /applications(uniqueName='…')`). */
  uniqueName: string
  displayName: string
  /** Where a customer admin lands after consenting; registered as a web redirect URI on the app. */
  redirectUri: string
  credential: CredentialConfig
  /** Federated credentials to ensure on the app; empty when the file has none. */
  federatedCredentials: FederatedCredentialConfig[]
  position: SourcePosition
}

export type CredentialConfig = SecretCredentialConfig | FederatedOnlyCredentialConfig

/** The app authenticates with a client secret that the action keeps, and rotates, in the provider Key Vault. */
export interface SecretCredentialConfig {
  kind: 'secret'
  /** A vault name (the cloud's DNS suffix is appended) or a full `https://` vault URL, as written. */
  keyVault: string
  secretName: string
  /** How long a new secret lives, in days. */
  lifetimeDays: number
  /** Rotate when the current secret expires within this many days. */
  rotateBeforeDays: number
  /** Days a replaced password stays valid after its successor is stored, so running workloads pick it up. */
  overlapDays: number
  position: SourcePosition
}

/** Secretless: the app authenticates in customer tenants with a federated credential only. */
export interface FederatedOnlyCredentialConfig {
  kind: 'federated'
  position: SourcePosition
}

export interface FederatedCredentialConfig {
  /** Unique per app, immutable in Entra: 3–120 characters, letters, digits, `-` and `_`, starting alphanumeric. */
  name: string
  issuer: string
  /** Matched case-sensitively by Entra against the presented token's `sub`. */
  subject: string
  /** Absent in the file: the cloud's token-exchange audience (`api://AzureADTokenExchange` in AzureCloud). */
  audiences?: string[]
  description?: string
  position: SourcePosition
}

export interface TenantConfig {
  name: string
  /** Lower-case GUID. */
  tenantId: string
  roleAssignments: RoleAssignmentConfig[]
  position: SourcePosition
}

export interface RoleAssignmentConfig {
  /** As written, without a trailing `/`: `/subscriptions/<guid>[/resourceGroups/<name>[/providers/…]]`. */
  scope: string
  /** As written: a built-in role name or a role-definition GUID. */
  role: string
  /** The role definition's GUID (lower case): the built-in role's, or the GUID as written. */
  roleDefinitionId: string
  position: SourcePosition
}

/** One thing wrong in the tenants file, at the place it stands. */
export interface ConfigProblem {
  file: string
  line: number
  column: number
  message: string
}

export type LoadResult = { ok: true; config: TenantsConfig } | { ok: false; problems: ConfigProblem[] }
