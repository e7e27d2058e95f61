/**
 * Azure clouds: where each service lives and which token audience it takes. `custom` reaches any other cloud
 * (Azure Stack, a sovereign cloud not listed here, or the project's own emulator) from a JSON description, so no
 * other module needs to know which cloud it talks to.
 */

import { CLOUD_NAMES, type Cloud, type CloudName } from './model/run.js'

export { CLOUD_NAMES, type Cloud, type CloudName }

/**
 * Public endpoints of the national clouds.
 * Sources: https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud ,
 * https://learn.microsoft.com/graph/deployments ,
 * https://learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates (DNS suffixes),
 * https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust (token exchange audiences).
 */
const KNOWN_CLOUDS: Readonly<Record<Exclude<CloudName, 'custom'>, Cloud>> = {
  AzureCloud: {
    name: 'AzureCloud',
    authorityHost: 'https://login.microsoftonline.com',
    graphEndpoint: 'https://graph.microsoft.com',
    graphAudience: 'https://graph.microsoft.com',
    armEndpoint: 'https://management.azure.com',
    armAudience: 'https://management.azure.com',
    keyVaultDnsSuffix: 'vault.azure.net',
    keyVaultUrls: {},
    oidcAudience: 'api://AzureADTokenExchange'
  },
  AzureUSGovernment: {
    name: 'AzureUSGovernment',
    authorityHost: 'https://login.microsoftonline.us',
    graphEndpoint: 'https://graph.microsoft.us',
    graphAudience: 'https://graph.microsoft.us',
    armEndpoint: 'https://management.usgovcloudapi.net',
    armAudience: 'https://management.usgovcloudapi.net',
    keyVaultDnsSuffix: 'vault.usgovcloudapi.net',
    keyVaultUrls: {},
    oidcAudience: 'api://AzureADTokenExchangeUSGov'
  },
  AzureChinaCloud: {
    name: 'AzureChinaCloud',
    authorityHost: 'https://login.chinacloudapi.cn',
    graphEndpoint: 'https://microsoftgraph.chinacloudapi.cn',
    graphAudience: 'https://microsoftgraph.chinacloudapi.cn',
    armEndpoint: 'https://management.chinacloudapi.cn',
    armAudience: 'https://management.chinacloudapi.cn',
    keyVaultDnsSuffix: 'vault.azure.cn',
    keyVaultUrls: {},
    oidcAudience: 'api://AzureADTokenExchangeChina'
  }
}

export class CloudError extends Error {
  override name = 'CloudError'
}

const CUSTOM_KEYS = [
  'authorityHost',
  'graphEndpoint',
  'graphAudience',
  'armEndpoint',
  'armAudience',
  'keyVaultDnsSuffix',
  'keyVaultUrls',
  // Tolerated, not used: Key Vault names its audience itself, in the 401 challenge the SDK answers
  // (https://learn.microsoft.com/azure/key-vault/general/authentication-requests-and-responses).
  'keyVaultAudience',
  'oidcAudience'
] as const

const CUSTOM_EXAMPLE =
  '{"authorityHost":"https://login.example","graphEndpoint":"https://graph.example","armEndpoint":"https://management.example","keyVaultDnsSuffix":"vault.example"}'

/** The cloud for the `cloud` and `cloud-endpoints` inputs. */
export function resolveCloud(given: string, customEndpoints: string): Cloud {
  // Like every enum input, matched case-insensitively and reported with the valid values.
  const name = CLOUD_NAMES.find(known => known.toLowerCase() === given.trim().toLowerCase()) ?? given
  if (name !== 'custom') {
    if (customEndpoints.trim() !== '') {
      throw new CloudError(
        `cloud-endpoints is only read with cloud: custom (cloud is ${name}); remove it or set cloud: custom`
      )
    }
    const known = KNOWN_CLOUDS[name as Exclude<CloudName, 'custom'>]
    if (!known) throw new CloudError(`cloud must be one of ${CLOUD_NAMES.join(', ')}, got "${name}"`)
    return known
  }
  return customCloud(customEndpoints)
}

function customCloud(json: string): Cloud {
  if (json.trim() === '') {
    throw new CloudError(
      `cloud: custom needs the cloud-endpoints input, a JSON object such as ${CUSTOM_EXAMPLE}`
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (error) {
    throw new CloudError(
      `cloud-endpoints is not valid JSON (${(error as Error).message}); expected e.g. ${CUSTOM_EXAMPLE}`
    )
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CloudError(`cloud-endpoints must be a JSON object, e.g. ${CUSTOM_EXAMPLE}`)
  }
  const fields = raw as Record<string, unknown>
  const unknown = Object.keys(fields).filter(key => !(CUSTOM_KEYS as readonly string[]).includes(key))
  if (unknown.length > 0) {
    throw new CloudError(
      `cloud-endpoints has unknown key(s) ${unknown.join(', ')}; allowed: ${CUSTOM_KEYS.join(', ')}`
    )
  }
  const defaults = KNOWN_CLOUDS.AzureCloud
  const keyVaultUrls = vaultUrls(fields.keyVaultUrls)
  // Optional: a secretless app (credential.kind: federated) uses no Key Vault; keyVaultProblem() asks for it
  // once the tenants file says a secret is kept.
  const keyVaultDnsSuffix = optionalString(fields, 'keyVaultDnsSuffix')
  return {
    name: 'custom',
    authorityHost: httpsUrl(fields, 'authorityHost', true),
    graphEndpoint: httpsUrl(fields, 'graphEndpoint', true),
    graphAudience: httpsUrl(fields, 'graphAudience', false) || defaults.graphAudience,
    armEndpoint: httpsUrl(fields, 'armEndpoint', true),
    armAudience: httpsUrl(fields, 'armAudience', false) || defaults.armAudience,
    keyVaultDnsSuffix,
    keyVaultUrls,
    oidcAudience: optionalString(fields, 'oidcAudience') ?? defaults.oidcAudience
  }
}

function optionalString(fields: Record<string, unknown>, key: string): string | undefined {
  const value = fields[key]
  if (value === undefined) return undefined
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CloudError(`cloud-endpoints.${key} must be a non-empty string`)
  }
  return value.trim()
}

function httpsUrl(fields: Record<string, unknown>, key: string, required: boolean): string {
  const value = optionalString(fields, key)
  if (value === undefined) {
    if (required)
      throw new CloudError(`cloud-endpoints.${key} is required with cloud: custom (an https:// URL)`)
    return ''
  }
  return checkedHttpsUrl(value, `cloud-endpoints.${key}`)
}

function checkedHttpsUrl(value: string, what: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new CloudError(`${what} must be an https:// URL, got "${value}"`)
  }
  // Bearer tokens are refused over plain http by the Azure SDK pipeline, and secrets never leave over one.
  if (url.protocol !== 'https:') throw new CloudError(`${what} must use https://, got "${value}"`)
  return value.replace(/\/+$/, '')
}

function vaultUrls(value: unknown): Record<string, string> {
  if (value === undefined) return {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CloudError('cloud-endpoints.keyVaultUrls must be an object of vault name → https:// URL')
  }
  const urls: Record<string, string> = {}
  for (const [name, url] of Object.entries(value)) {
    if (typeof url !== 'string')
      throw new CloudError(`cloud-endpoints.keyVaultUrls.${name} must be an https:// URL`)
    urls[name.toLowerCase()] = checkedHttpsUrl(url, `cloud-endpoints.keyVaultUrls.${name}`)
  }
  return urls
}

/** The vault URL for the tenants file's `keyVault` (a name or a full URL, used verbatim). */
export function keyVaultUrl(cloud: Cloud, keyVault: string): string {
  if (/^https:\/\//i.test(keyVault)) return keyVault.replace(/\/+$/, '')
  const named = cloud.keyVaultUrls[keyVault.toLowerCase()]
  if (named) return named
  if (!cloud.keyVaultDnsSuffix) {
    throw new CloudError(
      `no URL for Key Vault "${keyVault}": add it to cloud-endpoints.keyVaultUrls, give keyVaultDnsSuffix, or write the vault's full URL in the tenants file`
    )
  }
  return `https://${keyVault.toLowerCase()}.${cloud.keyVaultDnsSuffix}`
}

/**
 * Why the vault of a `kind: secret` credential cannot be reached in this cloud, or undefined when it can: checked
 * before any request, so a custom cloud without Key Vault endpoints fails clearly only when a vault is needed.
 */
export function keyVaultProblem(cloud: Cloud, keyVault: string): string | undefined {
  try {
    keyVaultUrl(cloud, keyVault)
    return undefined
  } catch (error) {
    return `credential.kind is secret, so the app's secret is kept in Key Vault: ${(error as Error).message}`
  }
}

/** The `.default` scope that asks for a token for a resource audience. */
export function defaultScope(audience: string): string {
  return `${audience.replace(/\/+$/, '')}/.default`
}
