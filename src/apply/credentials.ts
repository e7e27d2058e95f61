/**
 * Carries out the credential lifecycle's write steps (plan/credentials.ts): rotation in the safe order
 * add → prove → store, then retirement (remove the password, then disable its Key Vault versions), orphan removal.
 * A clean-up that fails is never reported as done: the password it left is named, with the command that removes it.
 */
import type { ProviderPorts } from '../model/ports.js'
import type { CredentialStep } from '../model/steps.js'
import { managedDisplayName, passwordDeleteCommand } from '../plan/credentials.js'

export interface CredentialWriters extends Pick<ProviderPorts, 'apps' | 'secrets' | 'mask' | 'proveSecret'> {
  now: () => Date
}

export interface CredentialApplyState {
  /** The new secret, when one was stored (already masked). */
  secret?: { value: string; version: string; expiresOn: Date }
  /** Managed passwords this run could not remove: reported as orphans with their command. */
  leftBehind: string[]
}

const DAY_MS = 86_400_000

type AppIds = { id: string; appId: string }

export async function applyCredentialStep(
  step: CredentialStep,
  app: AppIds,
  state: CredentialApplyState,
  writers: CredentialWriters
): Promise<string | undefined> {
  switch (step.kind) {
    case 'create-secret':
    case 'rotate-secret':
      return rotateSecret(step.lifetimeDays, app, state, writers)
    case 'remove-orphan':
      await removeOrLeave(app, step.keyId, state, writers)
      return undefined
    case 'retire-password':
      await removeOrLeave(app, step.keyId, state, writers)
      // Only once the password is gone: until then its version is still the way to its value.
      for (const version of step.versions) await vault(writers).disable(version)
      return step.versions.length > 0 ? `disabled version(s) ${step.versions.join(', ')}` : undefined
    case 'disable-kv-version':
      await vault(writers).disable(step.version)
      return undefined
  }
}

/** Removes a managed password; on failure the error names the password and the command that removes it. */
async function removeOrLeave(
  app: AppIds,
  keyId: string,
  state: CredentialApplyState,
  writers: CredentialWriters
): Promise<void> {
  try {
    await writers.apps.removePassword(app.id, keyId)
  } catch (error) {
    state.leftBehind.push(keyId)
    throw new Error(
      `password ${keyId} could not be removed (${(error as Error).message}); remove it with: ${passwordDeleteCommand(app.appId, keyId)}`,
      { cause: error }
    )
  }
}

/**
 * Adds a managed password, proves it authenticates, then stores it as a new Key Vault version. The passwords it
 * replaces are retired by later steps, after the overlap. A new password that never authenticates, or cannot be
 * stored, is removed again: nothing can depend on it. If that removal fails too, the report says so.
 */
async function rotateSecret(
  lifetimeDays: number,
  app: AppIds,
  state: CredentialApplyState,
  writers: CredentialWriters
): Promise<string> {
  const now = writers.now()
  const end = new Date(now.getTime() + lifetimeDays * DAY_MS)
  const created = await writers.apps.addPassword(app.id, managedDisplayName(now), end)
  writers.mask(created.secretText)
  // Until it is stored, nothing can depend on the new password: on any failure it is removed again.
  const discard = async (why: string, error: unknown): Promise<never> => {
    let cleanUp = 'so it was removed and the old one kept'
    try {
      await writers.apps.removePassword(app.id, created.keyId)
    } catch (removal) {
      state.leftBehind.push(created.keyId)
      cleanUp =
        `and removing it failed too (${(removal as Error).message}): an orphan password ${created.keyId} is left ` +
        `(the next apply removes it; by hand: ${passwordDeleteCommand(app.appId, created.keyId)}); the old one was kept`
    }
    throw new Error(`${why}, ${cleanUp}: ${(error as Error).message}`, { cause: error })
  }
  try {
    await writers.proveSecret(app.appId, created.secretText)
  } catch (error) {
    return discard('the new secret did not authenticate', error)
  }
  const expiresOn = new Date(created.endDateTime)
  let stored: { version: string }
  try {
    stored = await vault(writers).store(created.secretText, {
      expiresOn,
      keyId: created.keyId,
      appId: app.appId
    })
  } catch (error) {
    return discard('the new secret could not be stored in Key Vault', error)
  }
  state.secret = { value: created.secretText, version: stored.version, expiresOn }
  return `password ${created.keyId}, version ${stored.version}, expires ${expiresOn.toISOString().slice(0, 10)}`
}

function vault(writers: CredentialWriters): NonNullable<ProviderPorts['secrets']> {
  if (!writers.secrets) throw new Error('no Key Vault is configured')
  return writers.secrets
}
