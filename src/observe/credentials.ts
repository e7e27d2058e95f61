/**
 * What the credential lifecycle needs beyond the app and the current secret: every Key Vault version (metadata
 * only) and whether the stored secret authenticates. Both are reads: a token request writes nothing.
 */
import type { TokenCredential } from '@azure/identity'
import { AADSTS, entraFailureOf } from '../azure/entra-errors.js'
import type { SecretVersionInfo } from '../azure/key-vault.js'
import type { ObservedProvider, SecretProof } from './types.js'

export interface CredentialReaders {
  /** Every version of the secret, newest first (kind: secret only). */
  listVersions?: () => Promise<SecretVersionInfo[]>
  /** A credential of the app in the provider tenant with the stored secret. */
  storedSecretCredential?: (appId: string) => TokenCredential | undefined
  /** The `.default` scope the proof asks a token for. */
  proofScope: string
  mask: (value: string) => void
}

/** Entra's answers that say the secret itself is wrong: anything else leaves the proof open. */
const SECRET_REJECTED = new Set<number>([AADSTS.invalidClientSecret, AADSTS.expiredClientSecret])

export async function observeCredentials(
  observed: ObservedProvider,
  readers: CredentialReaders
): Promise<Pick<ObservedProvider, 'secretVersions' | 'secretProof'>> {
  const appId = observed.app.status === 'found' ? observed.app.app.appId : undefined
  const [secretVersions, secretProof] = await Promise.all([
    readers.listVersions && observed.secret.status !== 'error'
      ? listVersions(readers.listVersions)
      : undefined,
    appId && observed.secret.status === 'found' ? prove(readers, appId) : undefined
  ])
  return {
    ...(secretVersions === undefined ? {} : { secretVersions }),
    ...(secretProof === undefined ? {} : { secretProof })
  }
}

async function listVersions(
  list: () => Promise<SecretVersionInfo[]>
): Promise<SecretVersionInfo[] | { error: string }> {
  try {
    return await list()
  } catch (error) {
    return { error: (error as Error).message }
  }
}

async function prove(readers: CredentialReaders, appId: string): Promise<SecretProof | undefined> {
  const credential = readers.storedSecretCredential?.(appId)
  if (!credential) return undefined
  try {
    const token = await credential.getToken(readers.proofScope)
    if (!token) return { status: 'unproven', detail: 'Entra returned no token.' }
    readers.mask(token.token)
    return { status: 'authenticates' }
  } catch (error) {
    const failure = entraFailureOf(error)
    const prefix =
      failure.code === undefined || failure.message.startsWith('AADSTS') ? '' : `AADSTS${failure.code}: `
    const detail = `${prefix}${firstLine(failure.message)}`
    if (failure.code !== undefined && SECRET_REJECTED.has(failure.code))
      return { status: 'rejected', code: failure.code, detail }
    return { status: 'unproven', detail }
  }
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? ''
}
