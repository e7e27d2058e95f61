/**
 * Ports: the few questions and commands the engine puts to Azure, in the domain's words. `observe/` and `apply/`
 * talk to Azure only through these; the composition root (`engine/azure.ts`) implements them with the official
 * SDKs, and tests may pass fakes where a fake is the clearer test.
 */
import type {
  AppDetails,
  AppLookup,
  AppShape,
  Application,
  AssignOutcome,
  AssignmentLookup,
  ConsentObservation,
  EffectivePermissions,
  PrincipalAssignment,
  ProbeOutcome,
  RemoveOutcome,
  RoleDefinitionLookup,
  FederatedCredential,
  NewPassword,
  ObservedSecret,
  SecretLookup,
  SecretProof,
  SecretVersionInfo,
  ServicePrincipal
} from './observed.js'
import type { ProbeConfig } from './config.js'
import type { DesiredFederatedCredential } from './steps.js'

/** The multi-tenant app in the provider tenant (Microsoft Graph). */
export interface AppsPort {
  /** The app by uniqueName. */
  find(uniqueName: string): Promise<AppLookup>
  /** A found app's federated credentials and its service principal in the provider tenant. */
  details(app: { id: string; appId: string }): Promise<AppDetails>
  /** Creates or updates the app by uniqueName; a created app comes back with its ids. */
  upsert(
    uniqueName: string,
    shape: AppShape
  ): Promise<{ created: true; app: Application } | { created: false }>
  createFederatedCredential(appObjectId: string, credential: DesiredFederatedCredential): Promise<unknown>
  updateFederatedCredential(
    appObjectId: string,
    id: string,
    patch: Pick<FederatedCredential, 'issuer' | 'subject' | 'audiences' | 'description'>
  ): Promise<void>
  createServicePrincipal(appId: string): Promise<ServicePrincipal>
  addPassword(appObjectId: string, displayName: string, endDateTime: Date): Promise<NewPassword>
  removePassword(appObjectId: string, keyId: string): Promise<void>
}

/** The app's secret in the provider Key Vault, one secret name. */
export interface SecretsPort {
  /** The current version; its value is masked before this returns. */
  read(): Promise<SecretLookup>
  /** Stores a new version. */
  store(value: string, meta: { expiresOn: Date; keyId: string; appId: string }): Promise<{ version: string }>
  /** Every version's metadata (never a value), newest first. */
  versions(): Promise<SecretVersionInfo[]>
  /** Disables one version (`enabled: false`): its value can no longer be fetched. */
  disable(version: string): Promise<void>
}

/** The provider side: the app, its secret, and the proof that a new secret authenticates. */
export interface ProviderPorts {
  apps: AppsPort
  /** Absent when the tenants file keeps no secret (credential kind: federated). */
  secrets?: SecretsPort
  /** Resolves once the app authenticates with this secret (retrying the replication lag); throws when it never does. */
  proveSecret(appId: string, secret: string): Promise<void>
  /** Asks once for a token with the stored secret (a read): Entra's answer, for the planner to judge. */
  checkStoredSecret(appId: string, secret: string): Promise<SecretProof>
  /** Masks a value in every log line; called with every new secret the moment it exists. */
  mask(value: string): void
}

/** One customer tenant, reached as the multi-tenant app. */
export interface TenantPort {
  /** Asks the tenant's token endpoint for a token as the app: the consent probe. */
  probeConsent(): Promise<ConsentObservation>
  checkRoleAssignment(scope: string, roleDefinitionId: string, principalId: string): Promise<AssignmentLookup>
  assignRole(scope: string, roleDefinitionId: string, principalId: string): Promise<AssignOutcome>
  /** The app's own effective permissions at a scope (needs no role). */
  effectivePermissions(scope: string): Promise<EffectivePermissions>
  /** A role's definition: the built-in catalogue, else the tenant's (custom roles, by GUID or by name). */
  roleDefinition(scope: string, role: { id: string } | { name: string }): Promise<RoleDefinitionLookup>
  /** Every role assignment of the principal at, above and below a scope. */
  assignmentsOf(scope: string, principalId: string): Promise<PrincipalAssignment[]>
  removeAssignment(id: string, scope: string): Promise<RemoveOutcome>
  /** Runs one data-plane probe as the app. */
  probe(probe: ProbeConfig): Promise<ProbeOutcome>
}

/** How the app reaches customer tenants once the provider phase has run. */
export interface TenantPorts {
  /** The app in one customer tenant; undefined when it has no credential to sign in with. */
  tenant(tenantId: string): TenantPort | undefined
  /** Why there is no credential, for the report. */
  noCredentialReason: string
}

/** What the provider phase leaves for the customer tenants: the app, and the credential it signs in with. */
export interface AppAccess {
  app?: { id: string; appId: string }
  /** The secret the app signs in with (kind: secret), already masked. */
  secret?: string
  /** What Key Vault held before this run (kind: secret): says why there is no secret to sign in with. */
  storedSecret: ObservedSecret['status']
  /** This run wrote the app's credential: customer tenants may not see it yet. */
  freshCredential: boolean
}

/** Everything the engine needs from the outside world, for one run. */
export interface EnginePorts {
  /** Signs in to the provider tenant (a failure stops the run); the automation identity's object id. */
  signIn(): Promise<{ automationObjectId?: string; graphRoles: string[]; presentedSubject?: string }>
  provider: ProviderPorts
  /** How the app reaches the customer tenants, given what the provider phase left. */
  tenants(access: AppAccess): TenantPorts
}
