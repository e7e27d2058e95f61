/**
 * Carries out the plan's write steps, in order, and records each outcome. Only reached in `apply` mode. A failed
 * step skips the steps that depend on it; the old secret is never touched before a new one is proven and stored.
 */
import type { ProviderPorts, TenantPorts } from '../model/ports.js'
import type { PlanStep } from '../model/steps.js'
import { applyCredentialStep } from './credentials.js'

/** The app as apply knows it: from the observed state, or from the create response. */
export interface AppRef {
  id: string
  appId: string
}

export interface ProviderWriters extends ProviderPorts {
  uniqueName: string
  now: () => Date
}

export interface ProviderApplyResult {
  steps: PlanStep[]
  app?: AppRef
  /** The new secret, when one was stored (already masked). */
  secret?: { value: string; version: string; expiresOn: Date }
  /** Managed passwords this run could not remove (credentials.ts). */
  leftBehind: string[]
  changed: boolean
}

export async function applyProvider(
  steps: PlanStep[],
  app: AppRef | undefined,
  writers: ProviderWriters
): Promise<ProviderApplyResult> {
  const done: PlanStep[] = []
  const result: ProviderApplyResult = { steps: done, app, leftBehind: [], changed: false }
  let blocked: string | undefined
  // Retiring what a rotation replaces waits for the rotation: the old secret stays unless the new one is stored.
  let rotation: 'done' | 'not done' = 'done'
  for (const step of steps) {
    if (!step.write) {
      done.push({ ...step, outcome: 'manual' })
      continue
    }
    const waitsForRotation = 'afterRotation' in step && step.afterRotation && rotation !== 'done'
    if (blocked || waitsForRotation) {
      if (step.kind === 'create-secret' || step.kind === 'rotate-secret') rotation = 'not done'
      done.push({ ...step, outcome: 'skipped', detail: blocked ?? 'skipped: the rotation did not complete' })
      continue
    }
    try {
      const detail = await applyProviderStep(step, result, writers)
      result.changed = true
      done.push({ ...step, outcome: 'done', ...(detail ? { detail } : {}) })
    } catch (error) {
      done.push({ ...step, outcome: 'failed', detail: (error as Error).message })
      if (step.kind === 'create-secret' || step.kind === 'rotate-secret') rotation = 'not done'
      if (step.kind === 'create-app' || step.kind === 'update-app') blocked = `skipped: ${step.kind} failed`
    }
  }
  return result
}

async function applyProviderStep(
  step: PlanStep,
  result: ProviderApplyResult,
  writers: ProviderWriters
): Promise<string | undefined> {
  const appRef = (): AppRef => {
    if (!result.app) throw new Error('the app does not exist')
    return result.app
  }
  switch (step.kind) {
    case 'create-app':
    case 'update-app': {
      const upserted = await writers.apps.upsert(writers.uniqueName, step.shape)
      if (upserted.created) {
        result.app = { id: upserted.app.id, appId: upserted.app.appId }
        return `app id ${upserted.app.appId}`
      }
      if (!result.app) {
        // Created by someone else between observe and apply: read it back.
        const found = await writers.apps.find(writers.uniqueName)
        if (found.status === 'found') result.app = { id: found.app.id, appId: found.app.appId }
      }
      return undefined
    }
    case 'create-federated-credential':
      await writers.apps.createFederatedCredential(appRef().id, step.credential)
      return undefined
    case 'update-federated-credential':
      await writers.apps.updateFederatedCredential(appRef().id, step.id, {
        issuer: step.credential.issuer,
        subject: step.credential.subject,
        audiences: step.credential.audiences,
        description: step.credential.description ?? null
      })
      return undefined
    case 'create-service-principal':
      await writers.apps.createServicePrincipal(appRef().appId)
      return undefined
    case 'create-secret':
    case 'rotate-secret':
    case 'remove-orphan':
    case 'retire-password':
    case 'disable-kv-version':
      return applyCredentialStep(step, appRef(), result, writers)
    default:
      throw new Error(`${step.kind} is not a provider write step`)
  }
}

/** Role assignments in customer tenants; a refusal there is reported for the customer admin to act on. */
export async function applyTenants(steps: PlanStep[], ports: TenantPorts): Promise<PlanStep[]> {
  const done: PlanStep[] = []
  for (const step of steps) {
    if (step.kind === 'remove-assignment') {
      done.push(await removeAssignment(step, ports))
      continue
    }
    if (step.kind !== 'assign-role') {
      done.push(step.write ? { ...step, outcome: 'skipped' } : { ...step, outcome: 'manual' })
      continue
    }
    const tenant = ports.tenant(step.tenantId)
    if (!tenant) {
      done.push({ ...step, outcome: 'skipped', detail: 'no credential for this tenant' })
      continue
    }
    const outcome = await tenant.assignRole(step.scope, step.roleDefinitionId, step.principalId)
    if (outcome.status === 'applied') {
      done.push({ ...step, outcome: 'done' })
    } else if (outcome.status === 'present') {
      done.push({ ...step, outcome: 'done', detail: 'already present under another name' })
    } else {
      // Not permitted: the customer keeps the right to grant roles; the report gives their admin the command.
      done.push({
        ...step,
        outcome: outcome.status === 'not-permitted' ? 'manual' : 'failed',
        detail: outcome.detail
      })
    }
  }
  return done
}

/** prune: removes an assignment the tenants file does not list; a refusal is the customer's to act on. */
async function removeAssignment(
  step: Extract<PlanStep, { kind: 'remove-assignment' }>,
  ports: TenantPorts
): Promise<PlanStep> {
  const tenant = ports.tenant(step.tenantId)
  if (!tenant) return { ...step, outcome: 'skipped', detail: 'no credential for this tenant' }
  const outcome = await tenant.removeAssignment(step.assignmentId, step.scope)
  if (outcome.status === 'removed') return { ...step, outcome: 'done' }
  return {
    ...step,
    outcome: outcome.status === 'not-permitted' ? 'manual' : 'failed',
    detail: outcome.detail
  }
}
