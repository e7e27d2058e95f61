/**
 * The tenants file's types live in the domain model, derived from `schema/tenants.schema.json`; this module keeps
 * the names the rest of the code imports them by.
 */
export type {
  AppConfig,
  ConfigProblem,
  CredentialConfig,
  FederatedCredentialConfig,
  FederatedOnlyCredentialConfig,
  LoadResult,
  RoleAssignmentConfig,
  SecretCredentialConfig,
  SourcePosition,
  TenantConfig,
  TenantsConfig,
  TenantsFile
} from '../model/config.js'
