/** What the action found in Azure: the input of the (pure) planner, next to the tenants file. */
import type { Application, ServicePrincipal } from '../azure/app-registration.js'
import type { ConsentObservation } from '../azure/consent-probe.js'
import type {
  AssignmentLookup,
  EffectivePermissions,
  PrincipalAssignment
} from '../azure/role-assignments.js'
import type { RolePermission } from '../azure/roles.js'

export type ObservedApp =
  | { status: 'found'; app: Application; servicePrincipal?: ServicePrincipal }
  | { status: 'missing' }
  | { status: 'not-owned'; detail: string; automationObjectId?: string }
  | { status: 'error'; detail: string }

/** The app's secret in Key Vault; its value is never part of the observed state. */
export type ObservedSecret =
  | { status: 'not-configured' }
  | { status: 'found'; version: string; expiresOn?: Date; keyId?: string }
  | { status: 'missing' }
  | { status: 'error'; detail: string }

/** One required assignment, in the order of the tenants file. */
export interface ObservedAssignment {
  scope: string
  /** The role's GUID: as configured, or resolved in the tenant for a custom role named by name ('' when not). */
  roleDefinitionId: string
  lookup: AssignmentLookup | { status: 'skipped' }
  /** The app's own effective permissions at the scope, read when the listing could not answer or to learn whether it may assign. */
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
  /** Role assignments of the app's principal that the tenants file does not list (when they could be read). */
  unmanaged?: PrincipalAssignment[]
  probes?: ProbeResult[]
}

export interface ObservedProvider {
  app: ObservedApp
  secret: ObservedSecret
}
