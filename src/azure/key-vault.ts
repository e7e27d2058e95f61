/**
 * The app's secret in the provider Key Vault. Each rotation writes a new version of one secret name, with the
 * Entra password's keyId in a tag so the version and the credential can be matched, and `exp` = the password's
 * end date (Key Vault then raises SecretNearExpiry for anyone watching).
 * Source: https://learn.microsoft.com/rest/api/keyvault/secrets/set-secret/set-secret
 */
import { SecretClient } from '@azure/keyvault-secrets'
import type { TokenCredential } from '@azure/core-auth'
import { type Cloud, keyVaultUrl } from '../cloud.js'
import { AzureRequestError } from './errors.js'
import type { ClientOptions } from './pipeline.js'
import type { SecretLookup, SecretVersionInfo } from '../model/observed.js'

/** Tag holding the Entra passwordCredential keyId the version's value belongs to. */
export const KEY_ID_TAG = 'entra-key-id'
export const APP_ID_TAG = 'entra-app-id'
const CONTENT_TYPE = 'text/plain; entra client secret'

export function secretClient(
  cloud: Cloud,
  keyVault: string,
  credential: TokenCredential,
  options: ClientOptions
): SecretClient {
  const url = keyVaultUrl(cloud, keyVault)
  // The challenge names the resource `https://vault.azure.net`; a vault outside the cloud's own DNS suffix (a
  // custom cloud, a verbatim URL) is not under it, and the SDK would otherwise refuse the challenge.
  const underSuffix =
    cloud.keyVaultDnsSuffix !== undefined && new URL(url).hostname.endsWith(`.${cloud.keyVaultDnsSuffix}`)
  return new SecretClient(url, credential, {
    ...options,
    disableChallengeResourceVerification: !underSuffix || cloud.name === 'custom'
  })
}

function keyVaultErrorOf(error: unknown, doing: string): AzureRequestError {
  const e = error as { statusCode?: number; code?: string; message?: string }
  return new AzureRequestError(
    `${doing}: ${e.code ?? 'error'} (HTTP ${e.statusCode ?? '?'}) ${firstLine(e.message ?? '')}`,
    e.statusCode ?? -1,
    error
  )
}

function firstLine(text: string): string {
  return text.split(/\r?\n/)[0] ?? ''
}

export async function readSecret(
  client: SecretClient,
  name: string,
  onValue: (value: string) => void
): Promise<SecretLookup> {
  try {
    const secret = await client.getSecret(name)
    if (secret.value === undefined) return { status: 'missing' }
    onValue(secret.value)
    return {
      status: 'found',
      secret: {
        value: secret.value,
        version: secret.properties.version ?? '',
        expiresOn: secret.properties.expiresOn,
        keyId: secret.properties.tags?.[KEY_ID_TAG]
      }
    }
  } catch (error) {
    const e = error as { statusCode?: number; code?: string }
    if (e.statusCode === 404 && e.code === 'SecretNotFound') return { status: 'missing' }
    throw keyVaultErrorOf(error, `reading secret ${name}`)
  }
}

export async function storeSecret(
  client: SecretClient,
  name: string,
  value: string,
  meta: { expiresOn: Date; keyId: string; appId: string }
): Promise<{ version: string }> {
  try {
    const stored = await client.setSecret(name, value, {
      contentType: CONTENT_TYPE,
      expiresOn: meta.expiresOn,
      tags: { [KEY_ID_TAG]: meta.keyId, [APP_ID_TAG]: meta.appId }
    })
    return { version: stored.properties.version ?? '' }
  } catch (error) {
    throw keyVaultErrorOf(error, `storing secret ${name}`)
  }
}

/**
 * Every version of the secret, newest first. Reads metadata only (`secrets/readMetadata`), never a value.
 * Source: https://learn.microsoft.com/rest/api/keyvault/secrets/get-secret-versions/get-secret-versions
 */
export async function listSecretVersions(client: SecretClient, name: string): Promise<SecretVersionInfo[]> {
  const versions: SecretVersionInfo[] = []
  try {
    for await (const properties of client.listPropertiesOfSecretVersions(name)) {
      versions.push({
        version: properties.version ?? '',
        // Absent means enabled: the attribute defaults to true (SecretAttributes.enabled).
        enabled: properties.enabled !== false,
        ...(properties.tags?.[KEY_ID_TAG] ? { keyId: properties.tags[KEY_ID_TAG].toLowerCase() } : {}),
        ...(properties.createdOn ? { createdOn: properties.createdOn } : {}),
        ...(properties.expiresOn ? { expiresOn: properties.expiresOn } : {})
      })
    }
  } catch (error) {
    throw keyVaultErrorOf(error, `listing the versions of secret ${name}`)
  }
  return versions.sort((a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0))
}

/**
 * Disables one version (`enabled: false`) so nobody can fetch the value of a password that no longer exists; the
 * version and its tags stay for the audit trail. PATCH /secrets/{name}/{version}, see
 * https://learn.microsoft.com/rest/api/keyvault/secrets/update-secret/update-secret
 */
export async function disableSecretVersion(
  client: SecretClient,
  name: string,
  version: string
): Promise<void> {
  try {
    await client.updateSecretProperties(name, version, { enabled: false })
  } catch (error) {
    throw keyVaultErrorOf(error, `disabling version ${version} of secret ${name}`)
  }
}
