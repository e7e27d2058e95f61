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
  password: (keyId: string): string => `app/password/${keyId.toLowerCase()}`,
  secretVersion: (version: string): string => `app/secret/version/${version}`,
  consent: (tenantId: string): string => `tenant/${tenantId}/consent`,
  roleAssignment: (tenantId: string, scope: string, roleDefinitionId: string): string =>
    `tenant/${tenantId}/role-assignment/${scope.toLowerCase()}/${roleDefinitionId.toLowerCase()}`,
  unmanagedAssignment: (tenantId: string, assignmentId: string): string =>
    `tenant/${tenantId}/unmanaged/${assignmentId.toLowerCase()}`,
  onboarding: (tenantId: string): string => `tenant/${tenantId}/onboarding`
}

/** A step with what apply needs to carry it out. */
export type PlanStep =
  | CredentialStep
  | (StepReport & { key: string } & (
        | {
            kind: 'create-app' | 'update-app'
            shape: { displayName: string; signInAudience: string; redirectUris: string[] }
          }
        | { kind: 'create-federated-credential'; credential: DesiredFederatedCredential }
        | { kind: 'update-federated-credential'; id: string; credential: DesiredFederatedCredential }
        | { kind: 'create-service-principal' }
        | { kind: 'add-owner' }
        | { kind: 'request-consent'; tenantId: string }
        | {
            kind: 'assign-role'
            tenantId: string
            scope: string
            roleDefinitionId: string
            principalId: string
          }
        | { kind: 'request-grant'; tenantId: string; scope: string; roleDefinitionId: string }
        | { kind: 'remove-assignment'; tenantId: string; assignmentId: string; scope: string }
        | { kind: 'finish-onboarding'; tenantId: string }
      ))

/** The credential lifecycle's steps (plan/credentials.ts), carried out by apply/credentials.ts. */
export type CredentialStep = StepReport & { key: string } & (
    | { kind: 'remove-orphan'; keyId: string }
    | { kind: 'create-secret' | 'rotate-secret'; lifetimeDays: number }
    /** Removes the password, then disables the Key Vault versions holding it. */
    | { kind: 'retire-password'; keyId: string; versions: string[]; afterRotation: boolean }
    | { kind: 'disable-kv-version'; version: string; afterRotation: boolean }
  )
