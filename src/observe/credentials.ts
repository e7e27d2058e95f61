/**
 * What the credential lifecycle needs beyond the app and the current secret: every Key Vault version (metadata
 * only) and Entra's answer to a token request with the stored secret. Both are reads: a token request writes
 * nothing. The planner (plan/credentials.ts) decides what the answers mean.
 */
import type { ObservedProvider, SecretVersionInfo } from '../model/observed.js'
import type { ProviderPorts } from '../model/ports.js'

export async function observeCredentials(
  observed: ObservedProvider,
  secretValue: string | undefined,
  ports: Pick<ProviderPorts, 'secrets' | 'checkStoredSecret'>
): Promise<ObservedProvider> {
  const appId = observed.app.status === 'found' ? observed.app.app.appId : undefined
  const secrets = ports.secrets
  const [secretVersions, secretProof] = await Promise.all([
    secrets && observed.secret.status !== 'error' && observed.secret.status !== 'not-configured'
      ? listVersions(() => secrets.versions())
      : undefined,
    appId && secretValue !== undefined ? ports.checkStoredSecret(appId, secretValue) : undefined
  ])
  return {
    ...observed,
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
