/** What the action found in Azure: the input of the (pure) planner, next to the tenants file. */
import type { Application, ServicePrincipal } from '../azure/app-registration.js'
import type { ConsentObservation } from '../azure/consent-probe.js'
import type { SecretVersionInfo } from '../azure/key-vault.js'
import type { AssignmentLookup } from '../azure/role-assignments.js'

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

export interface ObservedAssignment {
  scope: string
  roleDefinitionId: string
  lookup: AssignmentLookup | { status: 'skipped' }
}

export interface ObservedTenant {
  tenantId: string
  consent: ConsentObservation
  assignments: ObservedAssignment[]
}

/** Whether the stored secret authenticates in the provider tenant (a token request: a read). */
export type SecretProof =
  | { status: 'authenticates' }
  | { status: 'rejected'; code?: number; detail: string }
  | { status: 'unproven'; detail: string }

export interface ObservedProvider {
  app: ObservedApp
  secret: ObservedSecret
  /** Every version of the secret, metadata only, newest first; absent when not read. */
  secretVersions?: SecretVersionInfo[] | { error: string }
  /** The stored secret's proof; absent when there was nothing to prove. */
  secretProof?: SecretProof
}
