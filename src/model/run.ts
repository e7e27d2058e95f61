/** What a run is asked to do: its mode, its rotation policy, what fails it, and which cloud it talks to. */

export type Mode = 'plan' | 'apply'
export type Rotate = 'auto' | 'force' | 'never'
export type FailOn = 'needs-consent' | 'drift' | 'error'

export const MODES: readonly Mode[] = ['plan', 'apply']
export const ROTATE_VALUES: readonly Rotate[] = ['auto', 'force', 'never']
/**
 * Which part of the work one job does: `all` of it; the `provider` phase only (app, credentials, secret); the
 * customer `tenants` of one shard (reading the provider, never writing it); or `merge` the shards' reports.
 */
export type Phase = 'all' | 'provider' | 'tenants' | 'merge'
export const PHASES: readonly Phase[] = ['all', 'provider', 'tenants', 'merge']

export const FAIL_ON_VALUES: readonly FailOn[] = ['needs-consent', 'drift', 'error']

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud' | 'custom'
export const CLOUD_NAMES: readonly CloudName[] = [
  'AzureCloud',
  'AzureUSGovernment',
  'AzureChinaCloud',
  'custom'
]

export interface Cloud {
  name: CloudName
  /** Entra ID authority host, without a trailing slash. */
  authorityHost: string
  /** Microsoft Graph endpoint (without `/v1.0`) and the audience its tokens are issued for. */
  graphEndpoint: string
  graphAudience: string
  /** Azure Resource Manager endpoint and the audience its tokens are issued for. */
  armEndpoint: string
  armAudience: string
  /** A vault name `kv` becomes `https://kv.<keyVaultDnsSuffix>`, unless `keyVaultUrls` names it. */
  keyVaultDnsSuffix?: string
  /** Vault URLs by vault name, used verbatim. */
  keyVaultUrls: Readonly<Record<string, string>>
  /** The audience of the GitHub OIDC token that Entra accepts in this cloud's federated credentials. */
  oidcAudience: string
}
