import { describe, expect, it } from '@jest/globals'
import { CloudError, defaultScope, keyVaultProblem, keyVaultUrl, resolveCloud } from '../../src/cloud.js'

describe('resolveCloud', () => {
  it('knows the public and national clouds with their token-exchange audiences', () => {
    expect(resolveCloud('AzureCloud', '')).toMatchObject({
      authorityHost: 'https://login.microsoftonline.com',
      armAudience: 'https://management.azure.com',
      oidcAudience: 'api://AzureADTokenExchange'
    })
    expect(resolveCloud('AzureUSGovernment', '').oidcAudience).toBe('api://AzureADTokenExchangeUSGov')
    expect(resolveCloud('AzureUSGovernment', '').graphEndpoint).toBe('https://graph.microsoft.us')
    expect(resolveCloud('AzureChinaCloud', '').oidcAudience).toBe('api://AzureADTokenExchangeChina')
    expect(resolveCloud('AzureChinaCloud', '').keyVaultDnsSuffix).toBe('vault.azure.cn')
  })

  it('reads a custom cloud, with AzureCloud audiences where none are given', () => {
    const cloud = resolveCloud(
      'custom',
      JSON.stringify({
        authorityHost: 'https://127.0.0.1:8443/',
        graphEndpoint: 'https://127.0.0.1:8443',
        armEndpoint: 'https://127.0.0.1:8443',
        keyVaultUrls: { 'KV-Provider': 'https://127.0.0.1:8444/' }
      })
    )
    expect(cloud).toMatchObject({
      name: 'custom',
      authorityHost: 'https://127.0.0.1:8443',
      armAudience: 'https://management.azure.com',
      oidcAudience: 'api://AzureADTokenExchange'
    })
    expect(keyVaultUrl(cloud, 'kv-provider')).toBe('https://127.0.0.1:8444')
  })

  it.each([
    ['', 'cloud: custom needs the cloud-endpoints input'],
    ['{', 'cloud-endpoints is not valid JSON'],
    ['[]', 'cloud-endpoints must be a JSON object'],
    [
      '{"authorityHost":"http://login.example","graphEndpoint":"https://g","armEndpoint":"https://a","keyVaultDnsSuffix":"v"}',
      'cloud-endpoints.authorityHost must use https://, got "http://login.example"'
    ],
    [
      '{"graphEndpoint":"https://g","armEndpoint":"https://a","keyVaultDnsSuffix":"v"}',
      'cloud-endpoints.authorityHost is required with cloud: custom'
    ],
    [
      '{"authorityHost":"https://l","graphEndpoint":"https://g","armEndpoint":"https://a","keyVaultDnsSuffix":"v","graph":"x"}',
      'cloud-endpoints has unknown key(s) graph'
    ]
  ])('rejects custom endpoints %s', (json, message) => {
    expect(() => resolveCloud('custom', json)).toThrow(CloudError)
    expect(() => resolveCloud('custom', json)).toThrow(message)
  })

  it('refuses cloud-endpoints with a named cloud rather than ignoring them', () => {
    expect(() => resolveCloud('AzureCloud', '{"authorityHost":"https://x"}')).toThrow(
      'cloud-endpoints is only read with cloud: custom'
    )
  })
})

describe('keyVaultUrl', () => {
  const cloud = resolveCloud('AzureCloud', '')
  it('appends the DNS suffix to a name and keeps a URL verbatim', () => {
    expect(keyVaultUrl(cloud, 'kv-provider')).toBe('https://kv-provider.vault.azure.net')
    expect(keyVaultUrl(cloud, 'https://kv.example.net/')).toBe('https://kv.example.net')
  })
  it('says how to reach a vault a custom cloud cannot name', () => {
    const custom = resolveCloud(
      'custom',
      '{"authorityHost":"https://l","graphEndpoint":"https://g","armEndpoint":"https://a","keyVaultUrls":{"a":"https://a"}}'
    )
    expect(() => keyVaultUrl(custom, 'other')).toThrow('add it to cloud-endpoints.keyVaultUrls')
  })
})

describe('keyVaultProblem', () => {
  const noVault = resolveCloud(
    'custom',
    '{"authorityHost":"https://l","graphEndpoint":"https://g","armEndpoint":"https://a"}'
  )
  it('accepts a custom cloud without Key Vault endpoints: a secretless app needs none', () => {
    expect(noVault.keyVaultDnsSuffix).toBeUndefined()
    expect(keyVaultProblem(noVault, 'https://kv.example.net')).toBeUndefined()
  })
  it('asks for them once a secret is kept in a vault named without its URL', () => {
    expect(keyVaultProblem(noVault, 'kv-provider')).toMatch(
      /^credential.kind is secret, so the app's secret is kept in Key Vault: no URL for Key Vault "kv-provider": add it to cloud-endpoints.keyVaultUrls/
    )
    expect(keyVaultProblem(resolveCloud('AzureCloud', ''), 'kv-provider')).toBeUndefined()
  })
})

describe('defaultScope', () => {
  it('asks for the whole resource', () => {
    expect(defaultScope('https://management.azure.com/')).toBe('https://management.azure.com/.default')
  })
})
