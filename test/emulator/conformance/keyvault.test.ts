/**
 * Conformance of the emulator's Key Vault secrets service, driven through the real @azure/keyvault-secrets 4.12
 * client (challenge-based authentication included) and @azure/identity over HTTPS. Expected shapes and messages:
 * https://learn.microsoft.com/rest/api/keyvault/secrets (swagger examples SetSecret / GetSecret / GetSecretVersions / GetSecrets /
 * UpdateSecret) and https://github.com/Azure/azure-sdk-for-js.
 *
 * The CA is passed per client as `tlsOptions: { ca }` (@azure/core-rest-pipeline PipelineOptions, accepted by
 * SecretClient and the credentials alike).
 */
import { request as httpsRequest } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { SecretClient } from '@azure/keyvault-secrets'
import { ClientSecretCredential } from '@azure/identity'
import { restError } from './support.js'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'

const PROVIDER = '11111111-1111-4111-8111-111111111111'
const CUSTOMER = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const SUB = '5a000000-0000-4000-8000-000000000001'
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-provider/providers/Microsoft.KeyVault/vaults/kv-provider`
const SEEDED = 'seeded.provider.secret'
const SEEDED_EXP = '2027-12-30T00:00:00Z'
const VAULT_SCOPE = 'https://vault.azure.net/.default'

interface Identity {
  tenantId: string
  appId: string
  spId: string
  secret: string
  name: string
}

function identity(n: number, name: string, tenantId = PROVIDER): Identity {
  const hex = n.toString(16).padStart(2, '0')
  return {
    tenantId,
    name,
    appId: `e1${hex}0000-0000-4000-8000-000000000001`,
    spId: `e2${hex}0000-0000-4000-8000-000000000001`,
    secret: `kv~${hex}.conformance`
  }
}
const OFFICER = identity(1, 'kv-officer') // Key Vault Secrets Officer on the vault
const USER = identity(2, 'kv-user') // Key Vault Secrets User on the resource group
const OWNER = identity(3, 'sub-owner') // Owner on the subscription: control plane only, no data actions
const CUSTOMER_APP = identity(4, 'customer-app', CUSTOMER)

function tenantOf(ids: Identity[], tenantId: string, displayName: string) {
  return {
    id: tenantId,
    displayName,
    applications: ids.map(who => ({
      id: who.appId.replace(/^e1/, 'e3'),
      appId: who.appId,
      uniqueName: who.name,
      displayName: who.name,
      passwords: [
        { secret: who.secret, startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2099-01-01T00:00:00Z' }
      ]
    })),
    servicePrincipals: ids.map(who => ({ id: who.spId, app: who.name }))
  }
}

const scenario = {
  tenants: [
    {
      ...tenantOf([OFFICER, USER, OWNER], PROVIDER, 'Contoso'),
      subscriptions: [{ id: SUB, resourceGroups: [{ name: 'rg-provider' }] }],
      keyVaults: [
        {
          name: 'kv-provider',
          scope: VAULT_ID,
          secrets: [
            {
              name: 'app-secret',
              value: SEEDED,
              contentType: 'client-secret',
              tags: { keyId: 'k1' },
              exp: SEEDED_EXP
            }
          ]
        }
      ],
      roleAssignments: [
        { scope: VAULT_ID, role: 'Key Vault Secrets Officer', principal: 'app:kv-officer' },
        {
          scope: `/subscriptions/${SUB}/resourceGroups/rg-provider`,
          role: 'Key Vault Secrets User',
          principal: 'app:kv-user'
        },
        { scope: `/subscriptions/${SUB}`, role: 'Owner', principal: 'app:sub-owner' }
      ]
    },
    tenantOf([CUSTOMER_APP], CUSTOMER, 'Fabrikam')
  ]
}

let emulator: Emulator
let vaultUrl: string

beforeAll(async () => {
  emulator = await startEmulator({ scenario })
  vaultUrl = emulator.endpoints.keyVaultUrls['kv-provider'] as string
})

afterAll(async () => {
  await emulator?.stop()
})

function credential(who: Identity): ClientSecretCredential {
  return new ClientSecretCredential(who.tenantId, who.appId, who.secret, {
    authorityHost: emulator.endpoints.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.ca }
  })
}

/** The vault is not under vault.azure.net, so the challenge's resource cannot be checked against its host. */
function secrets(who: Identity): SecretClient {
  return new SecretClient(vaultUrl, credential(who), {
    disableChallengeResourceVerification: true,
    tlsOptions: { ca: emulator.ca }
  })
}

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: { error: { code: string; message: string; innererror?: { code: string } } }
}

/** A plain HTTPS request, for what the SDK hides (the challenge) or never sends (a foreign token, no api-version). */
function raw(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(new URL(path, vaultUrl), { ca: emulator.ca, headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RawResponse['body']
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

async function allPages<T>(pages: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = []
  for await (const page of pages) out.push(page)
  return out
}

describe('Key Vault authentication', () => {
  it('challenges an unauthenticated request with the vault tenant and resource', async () => {
    const res = await raw('secrets/app-secret/?api-version=2025-07-01')
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toBe(
      `Bearer authorization="${emulator.endpoints.authorityHost}/${PROVIDER}", resource="https://vault.azure.net"`
    )
    expect(res.body).toEqual({
      error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' }
    })
  })

  it('challenges a token issued by another tenant', async () => {
    const token = (await credential(CUSTOMER_APP).getToken(VAULT_SCOPE))?.token as string
    const res = await raw('secrets/app-secret/?api-version=2025-07-01', { authorization: `Bearer ${token}` })
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toContain(`/${PROVIDER}"`)
    expect(res.body.error.message).toBe(
      `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${PROVIDER}/, found https://sts.windows.net/${CUSTOMER}/.`
    )
  })

  it('challenges a token for another audience', async () => {
    const token = (await credential(OFFICER).getToken('https://management.azure.com/.default'))
      ?.token as string
    const res = await raw('secrets/app-secret/?api-version=2025-07-01', { authorization: `Bearer ${token}` })
    expect(res.status).toBe(401)
    expect(res.body.error.message).toMatch(
      /^AKV10022: Invalid audience\. Expected https:\/\/vault\.azure\.net, found: /
    )
  })

  it('requires the api-version query parameter', async () => {
    const token = (await credential(OFFICER).getToken(VAULT_SCOPE))?.token as string
    const res = await raw('secrets/app-secret/', { authorization: `Bearer ${token}` })
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('BadParameter')
  })
})

describe('Key Vault secrets through SecretClient', () => {
  it('reads the seeded secret as GetSecret-example.json shapes it', async () => {
    const secret = await secrets(USER).getSecret('app-secret')
    expect(secret.value).toBe(SEEDED)
    expect(secret.name).toBe('app-secret')
    expect(secret.properties.vaultUrl).toBe(vaultUrl.replace(/\/$/, ''))
    expect(secret.properties.version).toMatch(/^[0-9a-f]{32}$/)
    expect(secret.properties.id).toBe(`${vaultUrl}secrets/app-secret/${secret.properties.version}`)
    expect(secret.properties.contentType).toBe('client-secret')
    expect(secret.properties.tags).toEqual({ keyId: 'k1' })
    expect(secret.properties.expiresOn).toEqual(new Date(SEEDED_EXP))
    expect(secret.properties.enabled).toBe(true)
    expect(secret.properties.recoveryLevel).toBe('Recoverable+Purgeable')
    expect(secret.properties.recoverableDays).toBe(90)
  })

  it('adds a version on every set, keeps older versions readable, and pages the versions', async () => {
    const client = secrets(OFFICER)
    const first = await client.setSecret('rotated', 'value-1', { tags: { keyId: 'a' } })
    const expiresOn = new Date('2027-06-01T00:00:00Z')
    const second = await client.setSecret('rotated', 'value-2', { contentType: 'client-secret', expiresOn })
    expect(first.properties.version).toMatch(/^[0-9a-f]{32}$/)
    expect(second.properties.version).not.toBe(first.properties.version)
    expect(second.value).toBe('value-2')
    expect(second.properties.expiresOn).toEqual(expiresOn)
    expect((await client.getSecret('rotated')).value).toBe('value-2')
    expect((await client.getSecret('rotated', { version: first.properties.version as string })).value).toBe(
      'value-1'
    )
    const pages = await allPages(client.listPropertiesOfSecretVersions('rotated').byPage({ maxPageSize: 1 }))
    expect(pages.map(p => p.length)).toEqual([1, 1])
    const versions = pages.flat().map(p => p.version)
    expect(versions.sort()).toEqual([first.properties.version, second.properties.version].sort())
  })

  it('lists secrets with their latest attributes, without values', async () => {
    await secrets(OFFICER).setSecret('listed', 'x')
    const names: string[] = []
    for await (const props of secrets(USER).listPropertiesOfSecrets()) {
      names.push(props.name)
      expect(props).not.toHaveProperty('value')
    }
    expect(names).toEqual(expect.arrayContaining(['app-secret', 'listed']))
  })

  it('updates the attributes of a version and refuses to read it once disabled', async () => {
    const client = secrets(OFFICER)
    const set = await client.setSecret('to-disable', 'old')
    const updated = await client.updateSecretProperties('to-disable', set.properties.version as string, {
      enabled: false,
      tags: { state: 'retired' }
    })
    expect(updated.enabled).toBe(false)
    expect(updated.tags).toEqual({ state: 'retired' })
    const err = await restError(client.getSecret('to-disable'))
    expect([err.statusCode, err.code, err.message]).toEqual([
      403,
      'Forbidden',
      'Operation get is not allowed on a disabled secret.'
    ])
  })

  it('answers SecretNotFound with the documented message', async () => {
    const err = await restError(secrets(USER).getSecret('never-set'))
    expect(err.statusCode).toBe(404)
    expect(err.code).toBe('SecretNotFound')
    expect(err.message).toBe(
      'A secret with (name/id) never-set was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182'
    )
  })
})

describe('Key Vault data-plane RBAC', () => {
  it('lets Key Vault Secrets User read but not write', async () => {
    const err = await restError(secrets(USER).setSecret('app-secret', 'overwrite'))
    expect(err.statusCode).toBe(403)
    expect(err.code).toBe('Forbidden')
    // https://learn.microsoft.com/rest/api/keyvault/secrets: the multi-line ForbiddenByRbac message
    expect(err.message.split('\r\n')).toEqual([
      'Caller is not authorized to perform action on resource.',
      'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
      expect.stringMatching(new RegExp(`^Caller: appid=${USER.appId};oid=${USER.spId};iss=.+$`)),
      "Action: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'",
      `Resource: '${VAULT_ID.toLowerCase()}/secrets/app-secret'`,
      'Assignment: (not found)',
      'DenyAssignmentId: null',
      "DecisionReason: 'DeniedWithNoValidRBAC' ",
      'Vault: kv-provider;location=eastus',
      ''
    ])
  })

  it('gives Owner of the subscription no access to secret values', async () => {
    const err = await restError(secrets(OWNER).getSecret('app-secret'))
    expect(err.statusCode).toBe(403)
    expect(err.message).toContain("Action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action'")
    // the SDK's RestError drops `innererror`; read it from the wire
    const token = (await credential(OWNER).getToken(VAULT_SCOPE))?.token as string
    const res = await raw('secrets/app-secret/?api-version=2025-07-01', { authorization: `Bearer ${token}` })
    expect(res.body.error).toMatchObject({ code: 'Forbidden', innererror: { code: 'ForbiddenByRbac' } })
  })

  it('follows role assignments made after the fact', async () => {
    const granted = await emulator.control.addRoleAssignment({
      scope: `${VAULT_ID}/secrets/app-secret`,
      roleDefinitionId: 'Key Vault Secrets User',
      principalId: OWNER.spId
    })
    expect((await secrets(OWNER).getSecret('app-secret')).value).toBe(SEEDED)
    await emulator.control.deleteRoleAssignment((granted as { id: string }).id)
    expect((await restError(secrets(OWNER).getSecret('app-secret'))).statusCode).toBe(403)
  })
})
