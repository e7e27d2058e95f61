/**
 * Carries out the plan's write steps, in order, and records each outcome. Only reached in `apply` mode. A failed
 * step skips the steps that depend on it; the old secret is never touched before a new one is stored and proven.
 */
import type { ProviderPorts, TenantPorts } from '../model/ports.js'
import type { PlanStep } from '../model/steps.js'

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
  changed: boolean
}

const SECRET_DISPLAY_NAME = 'entra-tenant-bridge'
const DAY_MS = 86_400_000

export async function applyProvider(
  steps: PlanStep[],
  app: AppRef | undefined,
  writers: ProviderWriters
): Promise<ProviderApplyResult> {
  const done: PlanStep[] = []
  const result: ProviderApplyResult = { steps: done, app, changed: false }
  let blocked: string | undefined
  for (const step of steps) {
    if (!step.write) {
      done.push({ ...step, outcome: 'manual' })
      continue
    }
    if (blocked) {
      done.push({ ...step, outcome: 'skipped', detail: blocked })
      continue
    }
    try {
      const detail = await applyProviderStep(step, result, writers)
      result.changed = true
      done.push({ ...step, outcome: 'done', ...(detail ? { detail } : {}) })
    } catch (error) {
      done.push({ ...step, outcome: 'failed', detail: (error as Error).message })
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
      return rotateSecret(step.lifetimeDays, appRef(), result, writers)
    default:
      throw new Error(`${step.kind} is not a provider write step`)
  }
}

/**
 * Adds a password, proves it authenticates, then stores it as a new Key Vault version. The old password is left
 * in place to expire on its own, so workloads that still hold it keep working. A new password that never
 * authenticates, or cannot be stored, is removed again: nothing can depend on it.
 */
async function rotateSecret(
  lifetimeDays: number,
  app: AppRef,
  result: ProviderApplyResult,
  writers: ProviderWriters
): Promise<string> {
  const end = new Date(writers.now().getTime() + lifetimeDays * DAY_MS)
  const created = await writers.apps.addPassword(
    app.id,
    `${SECRET_DISPLAY_NAME} ${writers.now().toISOString().slice(0, 10)}`,
    end
  )
  writers.mask(created.secretText)
  // Until it is stored, nothing can depend on the new password: on any failure it is removed again.
  const discard = async (why: string, error: unknown): Promise<never> => {
    await writers.apps.removePassword(app.id, created.keyId).catch(() => undefined)
    throw new Error(`${why}, so it was removed and the old one kept: ${(error as Error).message}`, {
      cause: error
    })
  }
  try {
    await writers.proveSecret(app.appId, created.secretText)
  } catch (error) {
    return discard('the new secret did not authenticate', error)
  }
  const expiresOn = new Date(created.endDateTime)
  let stored: { version: string }
  try {
    if (!writers.secrets) throw new Error('no Key Vault is configured')
    stored = await writers.secrets.store(created.secretText, {
      expiresOn,
      keyId: created.keyId,
      appId: app.appId
    })
  } catch (error) {
    return discard('the new secret could not be stored in Key Vault', error)
  }
  result.secret = { value: created.secretText, version: stored.version, expiresOn }
  return `version ${stored.version}, expires ${expiresOn.toISOString().slice(0, 10)}`
}

/** Role assignments in customer tenants; a refusal there is reported for the customer admin to act on. */
export async function applyTenants(steps: PlanStep[], ports: TenantPorts): Promise<PlanStep[]> {
  const done: PlanStep[] = []
  for (const step of steps) {
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
