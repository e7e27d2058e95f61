/**
 * Key Vault secrets behaviours beyond the action's own calls, through the real @azure/keyvault-secrets client
 * (and plain HTTPS for versions the client no longer sends): older api-versions with their attribute sets,
 * updating `enabled`, and DELETE with soft-delete semantics (deleted state, recover, purge, the name conflict).
 * Sources: the swagger examples under
 * https://github.com/Azure/azure-rest-api-specs/tree/main/specification/keyvault/data-plane/Microsoft.KeyVault/stable
 * (DeleteSecret-example.json, GetDeletedSecret-example.json, RecoverDeletedSecret-example.json,
 * PurgeDeletedSecret-example.json) and https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { SecretClient } from '@azure/keyvault-secrets'
import { ClientSecretCredential } from '@azure/identity'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'
import { rawRequest, restError } from './support.js'

const TENANT = '31111111-1111-4111-8111-111111111111'
const SUB = '3a000000-0000-4000-8000-000000000001'
const VAULT_ID = `/subscriptions/${SUB}/resourceGroups/rg-kv/providers/Microsoft.KeyVault/vaults/kv-fidelity`
const OFFICER = {
  appId: '3b000000-0000-4000-8000-000000000001',
  spId: '3c000000-0000-4000-8000-000000000001',
  secret: 'kv~fidelity.officer'
}

const scenario = {
  tenants: [
    {
      id: TENANT,
      displayName: 'Contoso',
      applications: [
        {
          id: '3d000000-0000-4000-8000-000000000001',
          appId: OFFICER.appId,
          uniqueName: 'officer',
          displayName: 'officer',
          passwords: [
            {
              secret: OFFICER.secret,
              startDateTime: '2026-01-01T00:00:00Z',
              endDateTime: '2099-01-01T00:00:00Z'
            }
          ]
        }
      ],
      servicePrincipals: [{ id: OFFICER.spId, app: 'officer' }],
      subscriptions: [{ id: SUB, resourceGroups: [{ name: 'rg-kv' }] }],
      keyVaults: [
        {
          name: 'kv-fidelity',
          scope: VAULT_ID,
          secrets: [
            { name: 'doomed', value: 'v1' },
            { name: 'doomed', value: 'v2' },
            { name: 'steady', value: 'kept' }
          ]
        }
      ],
      roleAssignments: [{ scope: VAULT_ID, role: 'Key Vault Secrets Officer', principal: 'app:officer' }]
    }
  ]
}

let emu: Emulator
let vaultUrl: string
let client: SecretClient
const credential = () =>
  new ClientSecretCredential(TENANT, OFFICER.appId, OFFICER.secret, {
    authorityHost: emu.endpoints.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emu.ca }
  })

beforeAll(async () => {
  emu = await startEmulator({ scenario })
  vaultUrl = emu.endpoints.keyVaultUrls['kv-fidelity'] as string
  // the vault is 127.0.0.1, not *.vault.azure.net: the SDK's challenge check is off, as for any private endpoint
  client = new SecretClient(vaultUrl, credential(), {
    disableChallengeResourceVerification: true,
    tlsOptions: { ca: emu.ca }
  })
})
afterAll(async () => {
  await emu.stop()
})

async function raw(path: string, apiVersion: string) {
  const token = (await credential().getToken('https://vault.azure.net/.default')).token
  return rawRequest(`${vaultUrl}${path}?api-version=${apiVersion}`, emu.ca, {
    headers: { authorization: `Bearer ${token}` }
  })
}

describe('api-versions', () => {
  it('serves 2016-10-01 (recoveryLevel, no recoverableDays) and 2015-06-01 (neither)', async () => {
    const v2016 = await raw('/secrets/steady/', '2016-10-01')
    expect(v2016.status).toBe(200)
    expect(v2016.json().attributes).toEqual({
      enabled: true,
      created: expect.any(Number),
      updated: expect.any(Number),
      recoveryLevel: 'Recoverable+Purgeable'
    })
    const v2015 = await raw('/secrets/steady/', '2015-06-01')
    expect(Object.keys(v2015.json().attributes as object).sort()).toEqual(['created', 'enabled', 'updated'])
  })

  it('the SDK at serviceVersion 7.0 reads a secret', async () => {
    const old = new SecretClient(vaultUrl, credential(), {
      serviceVersion: '7.0',
      disableChallengeResourceVerification: true,
      tlsOptions: { ca: emu.ca }
    })
    await expect(old.getSecret('steady')).resolves.toMatchObject({ value: 'kept' })
  })
})

describe('updating attributes (UpdateSecret-example.json)', () => {
  it('disables a version; a get of a disabled secret is 403 SecretDisabled', async () => {
    const updated = await client.updateSecretProperties('steady', '', { enabled: false })
    expect(updated.enabled).toBe(false)
    const err = await restError(client.getSecret('steady'))
    expect([err.statusCode, err.code]).toEqual([403, 'Forbidden'])
    expect(err.message).toBe('Operation get is not allowed on a disabled secret.')
    await client.updateSecretProperties('steady', '', { enabled: true })
    await expect(client.getSecret('steady')).resolves.toMatchObject({ value: 'kept' })
  })
})

describe('soft delete', () => {
  it('DELETE answers the DeletedSecretBundle and hides the secret', async () => {
    const res = await rawRequest(`${vaultUrl}/secrets/doomed?api-version=7.5`, emu.ca, {
      method: 'DELETE',
      headers: {
        authorization: `Bearer ${(await credential().getToken('https://vault.azure.net/.default')).token}`
      }
    })
    expect(res.status).toBe(200)
    const body = res.json()
    // DeleteSecret-example.json: recoveryId, deletedDate, scheduledPurgeDate, id, attributes (no value)
    expect(body).toEqual({
      recoveryId: `${vaultUrl}deletedsecrets/doomed`,
      deletedDate: expect.any(Number),
      scheduledPurgeDate: (body.deletedDate as number) + 90 * 86_400,
      id: expect.stringMatching(new RegExp(`^${vaultUrl}secrets/doomed/[0-9a-f]{32}$`)),
      attributes: expect.objectContaining({ enabled: true, recoveryLevel: 'Recoverable+Purgeable' })
    })
    const gone = await restError(client.getSecret('doomed'))
    expect([gone.statusCode, gone.code]).toEqual([404, 'SecretNotFound'])
  })

  it('refuses to reuse a deleted name with 409 ObjectIsDeletedButRecoverable', async () => {
    const err = await restError(client.setSecret('doomed', 'v3'))
    expect([err.statusCode, err.code]).toEqual([409, 'Conflict'])
    expect(err.message).toBe(
      'Secret doomed is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.'
    )
  })

  it('the SDK reads, recovers (with every version) and, after another delete, purges it', async () => {
    const deleted = await client.getDeletedSecret('doomed')
    expect(deleted.properties.recoveryId).toBe(`${vaultUrl}deletedsecrets/doomed`)
    const recover = await client.beginRecoverDeletedSecret('doomed', { intervalInMs: 1 })
    await recover.pollUntilDone()
    await expect(client.getSecret('doomed')).resolves.toMatchObject({ value: 'v2' })
    const versions = []
    for await (const v of client.listPropertiesOfSecretVersions('doomed')) versions.push(v)
    expect(versions).toHaveLength(2)
    const deleting = await client.beginDeleteSecret('doomed', { intervalInMs: 1 })
    await deleting.pollUntilDone()
    const listed = []
    for await (const d of client.listDeletedSecrets()) listed.push(d.name)
    expect(listed).toEqual(['doomed'])
    await client.purgeDeletedSecret('doomed')
    const purged = await restError(client.getDeletedSecret('doomed'))
    expect([purged.statusCode, purged.code]).toEqual([404, 'SecretNotFound'])
    await expect(client.setSecret('doomed', 'fresh')).resolves.toMatchObject({ value: 'fresh' })
  })
})
