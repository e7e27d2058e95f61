/**
 * Conformance of Permissions – List (swagger authorization-RoleDefinitionsCalls.json 2022-04-01,
 * https://learn.microsoft.com/rest/api/authorization/permissions) and Resource Groups – Get
 * (https://learn.microsoft.com/rest/api/resources/resource-groups/get), over raw HTTPS: exact codes and bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'
import { postForm, rawRequest } from './support.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const SUB = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const RG = `${SUB}/resourceGroups/rg-shared`
const PERMISSIONS = '/providers/Microsoft.Authorization/permissions?api-version=2022-04-01'

let emu: Emulator
let appToken: string
let adminToken: string

async function token(appId: string, secret: string): Promise<string> {
  const res = await postForm(`${emu.endpoints.authorityHost}/${FABRIKAM}/oauth2/v2.0/token`, emu.ca, {
    client_id: appId,
    client_secret: secret,
    grant_type: 'client_credentials',
    scope: 'https://management.azure.com/.default'
  })
  return String(res.json().access_token)
}

const get = (path: string, bearer?: string) =>
  rawRequest(`${emu.endpoints.armEndpoint}${path}`, emu.ca, {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {}
  })

beforeAll(async () => {
  emu = await startEmulator({
    scenario: new URL('../scenarios/customer-access.yml', import.meta.url).pathname
  })
  appToken = await token('2b000000-0000-4000-8000-000000000001', 'Qx7~seeded.provider.secret.2026-10-01')
  adminToken = await token('7b100000-0000-4000-8000-000000000001', 'fabrikam.admin.secret')
})
afterAll(async () => emu.stop())

describe('Permissions – List', () => {
  it('for a resource group: one entry per role block held at or above it, no RBAC needed to ask', async () => {
    const res = await get(`${RG}${PERMISSIONS}`, appToken)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      value: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
    })
  })

  it('for a resource, the SDK’s empty parentResourcePath included: the roles above it and its own', async () => {
    const res = await get(`${RG}/providers/Microsoft.KeyVault//vaults/kv-fabrikam${PERMISSIONS}`, appToken)
    expect(res.status).toBe(200)
    const value = res.json().value as { actions: string[]; dataActions: string[] }[]
    expect(value.map(p => [p.actions, p.dataActions])).toEqual([
      [['*/read'], []],
      [
        [],
        [
          'Microsoft.KeyVault/vaults/secrets/getSecret/action',
          'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
        ]
      ]
    ])
  })

  it('an empty list for a caller without any role there', async () => {
    const res = await get(`${SUB}/resourceGroups/rg-data${PERMISSIONS}`, appToken)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ value: [] })
  })

  it('is not an operation at a subscription (undocumented there)', async () => {
    const res = await get(`${SUB}${PERMISSIONS}`, adminToken)
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: { code: 'InvalidResourceType' } })
  })

  it('needs a token, the api-version and an existing scope', async () => {
    expect((await get(`${RG}${PERMISSIONS}`)).status).toBe(401)
    const noVersion = await get(`${RG}/providers/Microsoft.Authorization/permissions`, appToken)
    expect(noVersion.json()).toMatchObject({ error: { code: 'MissingApiVersionParameter' } })
    const missing = await get(`${SUB}/resourceGroups/rg-nope${PERMISSIONS}`, appToken)
    expect(missing.status).toBe(404)
    expect(missing.json()).toMatchObject({ error: { code: 'ResourceGroupNotFound' } })
  })
})

describe('Resource Groups – Get', () => {
  it('200 with the group for a caller with read there', async () => {
    const res = await get(`${RG}?api-version=2021-04-01`, appToken)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      id: RG,
      name: 'rg-shared',
      type: 'Microsoft.Resources/resourceGroups',
      location: 'eastus',
      properties: { provisioningState: 'Succeeded' }
    })
  })

  it('403 AuthorizationFailed without read, 404 for a missing group', async () => {
    const denied = await get(`${SUB}/resourceGroups/rg-data?api-version=2021-04-01`, appToken)
    expect(denied.status).toBe(403)
    expect(denied.json()).toMatchObject({ error: { code: 'AuthorizationFailed' } })
    const missing = await get(`${SUB}/resourceGroups/rg-nope?api-version=2021-04-01`, adminToken)
    expect(missing.status).toBe(404)
  })

  it('refuses an unknown api-version', async () => {
    const res = await get(`${RG}?api-version=1999-01-01`, appToken)
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: { code: 'InvalidApiVersionParameter' } })
  })
})
