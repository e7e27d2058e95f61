/** What the action found in Azure: the input of the (pure) planner, next to the tenants file. */
import type { Application, ServicePrincipal } from '../azure/app-registration.js'
import type { ConsentObservation } from '../azure/consent-probe.js'
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

export interface ObservedProvider {
  app: ObservedApp
  secret: ObservedSecret
}
