/**
 * The tenants file (`.github/tenants.yml`): its data as the JSON Schema describes it, and the configuration the
 * loader returns. `schema/tenants.schema.json` is the one description of the file; the types here are derived
 * from it (json-schema-to-ts, through the schema's generated literal type), so a field added to, renamed in or
 * removed from the schema shows up here, and wherever it is used, at compile time.
 */
import type { FromSchema } from 'json-schema-to-ts'
import type tenantsSchema from '../../schema/tenants.schema.json.js'

/**
 * The file's data once the schema accepts it, as written: defaults not applied (the loader applies them), and the
 * schema's `if`/`then` rules not reflected (the loader's configuration types below are precise instead).
 */
export type TenantsFile = FromSchema<typeof tenantsSchema, { keepDefaultedPropertiesOptional: true }>
export type AppEntry = TenantsFile['app']
export type CredentialEntry = AppEntry['credential']
export type FederatedCredentialEntry = NonNullable<AppEntry['federatedCredentials']>[number]
export type TenantEntry = TenantsFile['tenants'][number]
export type RoleAssignmentEntry = NonNullable<TenantEntry['roleAssignments']>[number]

/** A place in the tenants file: 1-based line and column, as GitHub annotations take them. */
export interface SourcePosition {
  line: number
  column: number
}

/** Every element keeps where it stands in the file, so that findings about it are annotated at its line. */
interface Placed {
  position: SourcePosition
}

export interface TenantsConfig extends Omit<TenantsFile, 'app' | 'tenants'> {
  /** The file's path as given (relative to the workspace), for messages and annotations. */
  file: string
  app: AppConfig
  tenants: TenantConfig[]
}

export interface AppConfig extends Omit<AppEntry, 'credential' | 'federatedCredentials'>, Placed {
  credential: CredentialConfig
  /** Federated credentials to ensure on the app; empty when the file has none. */
  federatedCredentials: FederatedCredentialConfig[]
}

export type CredentialConfig = SecretCredentialConfig | FederatedOnlyCredentialConfig

/**
 * The app authenticates with a client secret that the action keeps, and rotates, in the provider Key Vault. The
 * schema requires keyVault and secretName for this kind; the loader fills lifetimeDays and rotateBeforeDays with
 * the schema's defaults.
 */
export interface SecretCredentialConfig extends Required<Omit<CredentialEntry, 'kind'>>, Placed {
  kind: Extract<CredentialEntry['kind'], 'secret'>
}

/** Secretless: the app authenticates in customer tenants with a federated credential only. */
export interface FederatedOnlyCredentialConfig extends Placed {
  kind: Extract<CredentialEntry['kind'], 'federated'>
}

/** `audiences` absent: the cloud's token-exchange audience (`api://AzureADTokenExchange` in AzureCloud). */
export interface FederatedCredentialConfig extends FederatedCredentialEntry, Placed {}

export interface TenantConfig extends Omit<TenantEntry, 'roleAssignments'>, Placed {
  /** Lower-case GUID. */
  tenantId: string
  roleAssignments: RoleAssignmentConfig[]
}

export interface RoleAssignmentConfig extends RoleAssignmentEntry, Placed {
  /** As written, without a trailing `/`: `/subscriptions/<guid>[/resourceGroups/<name>[/providers/…]]`. */
  scope: string
  /** As written: a built-in role name or a role-definition GUID. */
  role: string
  /** The role definition's GUID (lower case): the built-in role's, or the GUID as written. */
  roleDefinitionId: string
}

/** One thing wrong in the tenants file, at the place it stands. */
export interface ConfigProblem {
  file: string
  line: number
  column: number
  message: string
}

export type LoadResult = { ok: true; config: TenantsConfig } | { ok: false; problems: ConfigProblem[] }
