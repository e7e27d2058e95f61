/**
 * The plan's steps: what would make Azure agree with the tenants file. A step is reported as a `StepReport`;
 * besides that it carries what apply needs to carry it out, and a stable `key` by which verdicts find it — ids,
 * never display text, so that rewording a step cannot break a match.
 */
import type { StepReport } from './report.js'

export interface DesiredFederatedCredential {
  name: string
  issuer: string
  subject: string
  audiences: string[]
  description?: string
}

/** Stable keys of steps: the thing a step acts on, by id. */
export const stepKey = {
  app: (): string => 'app',
  servicePrincipal: (): string => 'app/service-principal',
  owner: (): string => 'app/owner',
  federatedCredential: (name: string): string => `app/federated-credential/${name}`,
  secret: (): string => 'app/secret',
  consent: (tenantId: string): string => `tenant/${tenantId}/consent`,
  roleAssignment: (tenantId: string, scope: string, roleDefinitionId: string): string =>
    `tenant/${tenantId}/role-assignment/${scope.toLowerCase()}/${roleDefinitionId.toLowerCase()}`
}

/** A step with what apply needs to carry it out. */
export type PlanStep = StepReport & { key: string } & (
    | {
        kind: 'create-app' | 'update-app'
        shape: { displayName: string; signInAudience: string; redirectUris: string[] }
      }
    | { kind: 'create-federated-credential'; credential: DesiredFederatedCredential }
    | { kind: 'update-federated-credential'; id: string; credential: DesiredFederatedCredential }
    | { kind: 'create-service-principal' }
    | { kind: 'add-owner' }
    | { kind: 'create-secret' | 'rotate-secret'; lifetimeDays: number }
    | { kind: 'request-consent'; tenantId: string }
    | { kind: 'assign-role'; tenantId: string; scope: string; roleDefinitionId: string; principalId: string }
  )
