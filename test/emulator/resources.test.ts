/**
 * Unit tests of the emulator's resource state, ARM Microsoft.Authorization and Key Vault handlers, driven
 * directly through `handle()` with a fake directory and token claims. Expected bodies and messages come from
 * the documents cited in the services (https://learn.microsoft.com/rest/api/authorization/role-assignments).
 */
import { describe, expect, it } from '@jest/globals'
import type {
  AccessTokenClaims,
  Directory,
  DirectoryPrincipal,
  EmuRequest,
  EmuResponse,
  ResourceService
} from './contracts.js'
import { createArmService } from './services/arm.js'
import { createKeyVaultService } from './services/keyvault.js'
import {
  CONTRIBUTOR,
  KEY_VAULT_SECRETS_OFFICER,
  KEY_VAULT_SECRETS_USER,
  OWNER,
  RBAC_ADMINISTRATOR,
  READER,
  USER_ACCESS_ADMINISTRATOR,
  operationMatches,
  resolveRole,
  roleGrants,
  roleGuidOf
} from './services/role-catalogue.js'
import { ResourceState } from './state/resources.js'

const T1 = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const T2 = '11111111-2222-4333-8444-555555555555'
const SUB = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const SUB2 = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
const RG = `/subscriptions/${SUB}/resourceGroups/rg-shared`
const KV_CMK = `${RG}/providers/Microsoft.KeyVault/vaults/kv-cmk`
const KV_PROVIDER = `/subscriptions/${SUB2}/resourceGroups/rg-provider/providers/Microsoft.KeyVault/vaults/kv-provider`

// principals of tenant T1
const ADMIN = 'a0000000-0000-4000-8000-000000000001' // Role Based Access Control Administrator at the subscription
const READER_SP = 'a0000000-0000-4000-8000-000000000002' // Reader at rg-shared
const CONTRIB_SP = 'a0000000-0000-4000-8000-000000000003' // Contributor at the subscription
const NOBODY = 'a0000000-0000-4000-8000-000000000004' // no role
const APP_SP = 'a0000000-0000-4000-8000-000000000005' // the provider app's service principal
const NEW_SP = 'a0000000-0000-4000-8000-000000000006' // still replicating
const UAA_SP = 'a0000000-0000-4000-8000-000000000007' // User Access Administrator at rg-shared
// principals of tenant T2 (provider)
const OFFICER = 'b0000000-0000-4000-8000-000000000001'
const SECRETS_USER = 'b0000000-0000-4000-8000-000000000002'
const OUTSIDER = 'b0000000-0000-4000-8000-000000000003'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const VAULT_ORIGIN = 'https://127.0.0.1:45001'
const AUTHORITY = 'https://127.0.0.1:44300'

function fakeDirectory(): Directory {
  const sp = (id: string): DirectoryPrincipal => ({ id, appId: id, displayName: id, accountEnabled: true })
  const visible = new Map<string, string[]>([
    [T1, [ADMIN, READER_SP, CONTRIB_SP, NOBODY, APP_SP, UAA_SP]],
    [T2, [OFFICER, SECRETS_USER, OUTSIDER]]
  ])
  return {
    hasTenant: t => visible.has(t),
    principal: (t, id) => {
      if (t === T1 && id === NEW_SP) return 'replicating'
      return visible.get(t)?.includes(id) ? sp(id) : undefined
    },
    now: () => NOW
  }
}

function loadedState(directory = fakeDirectory()): ResourceState {
  const state = new ResourceState(directory)
  const byRef = (ref: string) => (ref === 'app:contoso-provider-access' ? APP_SP : ref)
  state.loadTenant(
    T1,
    {
      subscriptions: [
        {
          id: SUB,
          resourceGroups: [
            { name: 'rg-shared', resources: [{ type: 'Microsoft.KeyVault/vaults', name: 'kv-cmk' }] },
            { name: 'rg-other' }
          ]
        }
      ],
      roleAssignments: [
        { scope: `/subscriptions/${SUB}`, role: 'Role Based Access Control Administrator', principal: ADMIN },
        { scope: RG, role: 'Reader', principal: READER_SP },
        { scope: `/subscriptions/${SUB}`, role: CONTRIBUTOR.guid, principal: CONTRIB_SP },
        { scope: RG, role: 'User Access Administrator', principal: UAA_SP },
        {
          scope: KV_CMK,
          role: 'Key Vault Crypto Service Encryption User',
          principal: 'app:contoso-provider-access'
        }
      ]
    },
    byRef
  )
  state.loadTenant(
    T2,
    {
      subscriptions: [{ id: SUB2 }],
      keyVaults: [
        {
          name: 'kv-provider',
          scope: KV_PROVIDER,
          secrets: [
            {
              name: 'contoso-provider-access',
              value: 'old-secret',
              created: '2026-01-01T00:00:00Z',
              tags: { CredentialId: 'k1' }
            },
            {
              name: 'contoso-provider-access',
              value: 'current-secret',
              contentType: 'text/plain',
              exp: 1790000000
            }
          ]
        }
      ],
      roleAssignments: [
        { scope: KV_PROVIDER, role: 'Key Vault Secrets Officer', principal: OFFICER },
        {
          scope: `/subscriptions/${SUB2}/resourceGroups/rg-provider`,
          role: 'Key Vault Secrets User',
          principal: SECRETS_USER
        }
      ]
    },
    byRef
  )
  return state
}

function claims(tid: string, oid: string, aud = 'https://management.azure.com'): AccessTokenClaims {
  return {
    iss: `https://sts.windows.net/${tid}/`,
    aud,
    tid,
    oid,
    appid: `app-of-${oid.slice(-4)}`,
    sub: oid,
    iat: NOW / 1000,
    nbf: NOW / 1000,
    exp: NOW / 1000 + 3600,
    idtyp: 'app',
    ver: '1.0'
  }
}

interface RequestOptions {
  method?: string
  query?: Record<string, string>
  body?: unknown
  vault?: string
  token?: boolean
}

function request(path: string, o: RequestOptions = {}): EmuRequest {
  const query = new URLSearchParams(o.query ?? { 'api-version': o.vault ? '2025-07-01' : '2022-04-01' })
  return {
    method: o.method ?? 'GET',
    path,
    query,
    headers: o.token === false ? {} : { authorization: 'Bearer x' },
    body: Buffer.from(o.body === undefined ? '' : JSON.stringify(o.body)),
    origin: o.vault ? VAULT_ORIGIN : 'https://127.0.0.1:44300',
    ...(o.vault ? { vault: o.vault } : {})
  }
}

async function call(
  service: ResourceService,
  req: EmuRequest,
  caller: AccessTokenClaims | undefined
): Promise<EmuResponse> {
  expect(service.handles(req)).toBe(true)
  return service.handle(req, caller)
}

/** Response bodies are read field by field against the documents; each expectation checks the types it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type JsonBody = Record<string, any>

function body(res: EmuResponse): JsonBody {
  return res.body as JsonBody
}

const ASSIGNMENTS = `/providers/Microsoft.Authorization/roleAssignments`

describe('role catalogue', () => {
  it('matches RBAC wildcards anywhere in the pattern, ignoring case', () => {
    expect(operationMatches('*/read', 'Microsoft.Authorization/roleAssignments/read')).toBe(true)
    expect(
      operationMatches('Microsoft.Authorization/*', 'Microsoft.Authorization/roleAssignments/write')
    ).toBe(true)
    expect(
      operationMatches('Microsoft.Authorization/*/Write', 'microsoft.authorization/roleassignments/write')
    ).toBe(true)
    expect(operationMatches('*/read', 'Microsoft.Authorization/roleAssignments/write')).toBe(false)
    expect(
      operationMatches('Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/keys/read')
    ).toBe(false)
  })

  it('lets exactly the documented roles write role assignments', () => {
    const write = 'Microsoft.Authorization/roleAssignments/write'
    expect(roleGrants(OWNER, write, 'control')).toBe(true)
    expect(roleGrants(USER_ACCESS_ADMINISTRATOR, write, 'control')).toBe(true)
    expect(roleGrants(RBAC_ADMINISTRATOR, write, 'control')).toBe(true)
    expect(roleGrants(CONTRIBUTOR, write, 'control')).toBe(false) // NotActions Microsoft.Authorization/*/Write
    expect(roleGrants(READER, write, 'control')).toBe(false)
    expect(roleGrants(READER, 'Microsoft.Authorization/roleAssignments/read', 'control')).toBe(true)
  })

  it('keeps data actions apart from control actions', () => {
    const set = 'Microsoft.KeyVault/vaults/secrets/setSecret/action'
    expect(roleGrants(KEY_VAULT_SECRETS_OFFICER, set, 'data')).toBe(true)
    expect(roleGrants(KEY_VAULT_SECRETS_USER, set, 'data')).toBe(false)
    expect(
      roleGrants(KEY_VAULT_SECRETS_USER, 'Microsoft.KeyVault/vaults/secrets/getSecret/action', 'data')
    ).toBe(true)
    expect(roleGrants(OWNER, set, 'data')).toBe(false) // Owner has no dataActions
  })

  it('resolves roles by GUID, role definition id in both forms, or display name', () => {
    const tenantForm = `/providers/Microsoft.Authorization/roleDefinitions/${READER.guid}`
    const subForm = `/subscriptions/${SUB}${tenantForm}`
    expect(roleGuidOf(subForm)).toBe(READER.guid)
    expect(roleGuidOf(tenantForm)).toBe(READER.guid)
    expect(roleGuidOf(READER.guid.toUpperCase())).toBe(READER.guid)
    expect(roleGuidOf(`/subscriptions/${SUB}/whatever/${READER.guid}`)).toBeUndefined()
    expect(resolveRole('reader')).toBe(READER)
    expect(resolveRole('Key Vault Secrets User')).toBe(KEY_VAULT_SECRETS_USER)
  })
})

describe('resource state', () => {
  it('names the bad field when a scenario section is wrong', () => {
    const load = (section: object) => new ResourceState(fakeDirectory()).loadTenant(T1, section, r => r)
    expect(() => load({ subscriptions: [{ id: 'nope' }] })).toThrow(
      "subscriptions[0].id: 'nope' is not a GUID"
    )
    expect(() => load({ subscriptions: [{ id: SUB, resourcegroups: [] }] })).toThrow(
      "subscriptions[0]: unknown field 'resourcegroups'"
    )
    expect(() =>
      load({
        subscriptions: [{ id: SUB }],
        roleAssignments: [{ scope: RG, role: 'Reader', principal: ADMIN }]
      })
    ).toThrow("roleAssignments[0].scope: Resource group 'rg-shared' could not be found.")
    expect(() =>
      load({
        subscriptions: [{ id: SUB }],
        roleAssignments: [{ scope: `/subscriptions/${SUB}`, role: 'Superuser', principal: ADMIN }]
      })
    ).toThrow("roleAssignments[0].role: no built-in or custom role 'Superuser'")
    expect(() =>
      load({
        subscriptions: [{ id: SUB }],
        keyVaults: [
          {
            name: 'kv-a',
            scope: `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-b`
          }
        ]
      })
    ).toThrow(
      'keyVaults[0].scope: expected /subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.KeyVault/vaults/kv-a'
    )
    expect(() =>
      new ResourceState(fakeDirectory()).loadTenant(
        T1,
        {
          subscriptions: [{ id: SUB }],
          roleAssignments: [{ scope: `/subscriptions/${SUB}`, role: 'Reader', principal: 'app:missing' }]
        },
        () => {
          throw new Error('no application missing')
        }
      )
    ).toThrow('roleAssignments[0].principal: no application missing')
  })

  it('refuses a subscription or vault declared twice', () => {
    const state = loadedState()
    expect(() => state.loadTenant(T2, { subscriptions: [{ id: SUB }] }, r => r)).toThrow(
      `subscription ${SUB} is already declared`
    )
    expect(() =>
      state.loadTenant(T2, { keyVaults: [{ name: 'KV-Provider', scope: KV_PROVIDER }] }, r => r)
    ).toThrow("key vault 'KV-Provider' is already declared")
  })

  it('lists vaults, and snapshots versions without secret values', () => {
    const state = loadedState()
    expect(state.vaultNames()).toEqual(['kv-provider'])
    const text = JSON.stringify(state.snapshot())
    expect(text).not.toContain('current-secret')
    expect(text).not.toContain('old-secret')
    const snap = state.snapshot() as {
      keyVaults: { secrets: { versions: { version: string }[] }[] }[]
      roleAssignments: unknown[]
    }
    expect(snap.keyVaults[0]?.secrets[0]?.versions).toHaveLength(2)
    expect(snap.keyVaults[0]?.secrets[0]?.versions[0]?.version).toMatch(/^[0-9a-f]{32}$/)
    expect(snap.roleAssignments).toHaveLength(7)
    expect(state.secretValue('kv-provider', 'contoso-provider-access')).toBe('current-secret')
  })

  it('adds and deletes role assignments for the control API', () => {
    const state = loadedState()
    const added = state.addRoleAssignment({
      scope: RG,
      roleDefinitionId: 'Storage Blob Data Reader',
      principalId: APP_SP
    }) as {
      id: string
      name: string
      properties: { roleDefinitionId: string; principalType: string }
    }
    expect(added.properties.roleDefinitionId).toBe(
      `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/2a2b9908-6ea1-4ae2-8e65-a410df84e7d1`
    )
    expect(added.properties.principalType).toBe('ServicePrincipal')
    expect(added.id).toBe(`${RG}${ASSIGNMENTS}/${added.name}`)
    expect(() =>
      state.addRoleAssignment({ scope: `${RG}/x`, roleDefinitionId: 'Reader', principalId: APP_SP })
    ).toThrow("scope: '/subscriptions/")
    expect(state.deleteRoleAssignment(added.id.toUpperCase())).toBe(true)
    expect(state.deleteRoleAssignment(added.name)).toBe(false)
  })
})

describe('ARM role assignments', () => {
  const setup = () => {
    const state = loadedState()
    return { state, arm: createArmService(fakeDirectory(), state) }
  }

  it('answers only Microsoft.Authorization role paths outside the vault listeners', () => {
    const { arm } = setup()
    expect(arm.handles(request(`${RG}${ASSIGNMENTS}`))).toBe(true)
    expect(arm.handles(request(`/providers/Microsoft.Authorization/roleDefinitions/${READER.guid}`))).toBe(
      true
    )
    expect(arm.handles(request(`${RG}/providers/Microsoft.Resources/deployments`))).toBe(false)
    expect(arm.handles(request(`${RG}${ASSIGNMENTS}`, { vault: 'kv-provider' }))).toBe(false)
  })

  it('refuses a missing or unsupported api-version the way ARM does', async () => {
    const { arm } = setup()
    const missing = await call(arm, request(`${RG}${ASSIGNMENTS}`, { query: {} }), claims(T1, ADMIN))
    expect(missing).toEqual({
      status: 400,
      body: {
        error: {
          code: 'MissingApiVersionParameter',
          message: 'The api-version query parameter (?api-version=) is required for all requests.'
        }
      }
    })
    const wrong = await call(
      arm,
      request(`${RG}${ASSIGNMENTS}`, { query: { 'api-version': '2019-01-01' } }),
      claims(T1, ADMIN)
    )
    expect(wrong.status).toBe(400)
    expect(body(wrong).error).toEqual({
      code: 'InvalidApiVersionParameter',
      message:
        "The api-version '2019-01-01' is invalid. The supported versions are '2022-04-01,2022-01-01-preview,2020-10-01-preview,2020-08-01-preview,2020-04-01-preview,2020-03-01-preview,2018-09-01-preview,2018-01-01-preview,2017-10-01-preview,2015-07-01'."
    })
  })

  it('refuses requests without a usable ARM token', async () => {
    const { arm } = setup()
    const none = await call(arm, request(`${RG}${ASSIGNMENTS}`, { token: false }), undefined)
    expect(none.status).toBe(401)
    expect(body(none).error.code).toBe('AuthenticationFailed')
    const invalid = await call(arm, request(`${RG}${ASSIGNMENTS}`), undefined)
    expect(body(invalid).error).toEqual({
      code: 'InvalidAuthenticationToken',
      message: 'The access token is invalid.'
    })
    const vaultToken = await call(
      arm,
      request(`${RG}${ASSIGNMENTS}`),
      claims(T1, ADMIN, 'https://vault.azure.net')
    )
    expect(vaultToken.status).toBe(401)
    expect(body(vaultToken).error.message).toContain(
      "wrong audience or resource 'https://vault.azure.net'. It should exactly match with one of the allowed audiences"
    )
    const legacyAudience = await call(
      arm,
      request(`${RG}${ASSIGNMENTS}`),
      claims(T1, ADMIN, 'https://management.core.windows.net/')
    )
    expect(legacyAudience.status).toBe(200)
  })

  it('refuses unknown subscriptions and tokens from another tenant', async () => {
    const { arm } = setup()
    const unknown = await call(arm, request(`/subscriptions/${T2}${ASSIGNMENTS}`), claims(T1, ADMIN))
    expect(unknown).toEqual({
      status: 404,
      body: {
        error: { code: 'SubscriptionNotFound', message: `The subscription '${T2}' could not be found.` }
      }
    })
    const foreign = await call(arm, request(`${RG}${ASSIGNMENTS}`), claims(T2, OFFICER))
    expect(foreign.status).toBe(401)
    expect(body(foreign).error.code).toBe('InvalidAuthenticationTokenTenant')
    expect(body(foreign).error.message).toMatch(
      new RegExp(
        `^The access token is from the wrong issuer 'https://sts.windows.net/${T2}/'. It must match the tenant 'https://sts.windows.net/${T1}/' associated with this subscription. Please use the authority \\(URL\\) 'https://login.windows.net/${T1}' to get the token.`
      )
    )
  })

  it('lists at, above and below the scope without a filter, and only at or above with atScope()', async () => {
    const { arm } = setup()
    const scopesOf = async (scope: string, filter?: string) => {
      const all: string[] = []
      let req = request(`${scope}${ASSIGNMENTS}`, {
        query: { 'api-version': '2022-04-01', ...(filter ? { $filter: filter } : {}) }
      })
      for (;;) {
        const res = await call(arm, req, claims(T1, ADMIN))
        expect(res.status).toBe(200)
        all.push(...(body(res).value as { properties: { scope: string } }[]).map(v => v.properties.scope))
        const next = body(res).nextLink as string | undefined
        if (!next) return all.sort()
        const url = new URL(next)
        req = { ...request(url.pathname), query: url.searchParams }
      }
    }
    // the ListForResourceGroup example returns the inherited subscription-scope assignment too
    expect(await scopesOf(RG)).toEqual(
      [`/subscriptions/${SUB}`, `/subscriptions/${SUB}`, RG, RG, KV_CMK].sort()
    )
    expect(await scopesOf(RG, 'atScope()')).toEqual(
      [`/subscriptions/${SUB}`, `/subscriptions/${SUB}`, RG, RG].sort()
    )
    expect(await scopesOf(`/subscriptions/${SUB}`, 'atScope()')).toEqual([
      `/subscriptions/${SUB}`,
      `/subscriptions/${SUB}`
    ])
    expect(await scopesOf(`/subscriptions/${SUB}`, `principalId eq '${APP_SP}'`)).toEqual([KV_CMK])
    expect(await scopesOf(KV_CMK, `assignedTo('${APP_SP.toUpperCase()}')`)).toEqual([KV_CMK])
    expect(await scopesOf(`/subscriptions/${SUB}`, `atScope() and assignedTo('${APP_SP}')`)).toEqual([])
  })

  it('pages with an absolute nextLink that keeps the filter and api-version', async () => {
    const { arm } = setup()
    const first = await call(arm, request(`/subscriptions/${SUB}${ASSIGNMENTS}`), claims(T1, ADMIN))
    expect(body(first).value).toHaveLength(3)
    const next = new URL(body(first).nextLink as string)
    expect(next.origin).toBe('https://127.0.0.1:44300')
    expect(next.pathname).toBe(`/subscriptions/${SUB}${ASSIGNMENTS}`)
    expect(next.searchParams.get('api-version')).toBe('2022-04-01')
    const second = await call(arm, { ...request(next.pathname), query: next.searchParams }, claims(T1, ADMIN))
    expect(body(second).value).toHaveLength(2)
    expect(body(second)).not.toHaveProperty('nextLink')
  })

  it('rejects filters ARM does not support', async () => {
    const { arm } = setup()
    const res = await call(
      arm,
      request(`${RG}${ASSIGNMENTS}`, { query: { 'api-version': '2022-04-01', $filter: "roleName eq 'x'" } }),
      claims(T1, ADMIN)
    )
    expect(res.status).toBe(400)
    expect(body(res).error.code).toBe('UnsupportedQuery')
  })

  it('shows assignments in the documented 2022-04-01 shape', async () => {
    const { arm, state } = setup()
    const filter = `atScope() and assignedTo('${APP_SP}')`
    const res = await call(
      arm,
      request(`${KV_CMK}${ASSIGNMENTS}`, { query: { 'api-version': '2022-04-01', $filter: filter } }),
      claims(T1, UAA_SP)
    )
    expect(body(res).value).toHaveLength(1)
    const mine = (body(res).value as JsonBody[]).find(v => v.properties.principalId === APP_SP) as JsonBody
    const name = mine.name as string
    // role-assignments-list-rest.md "example of the output"
    expect(mine).toEqual({
      properties: {
        roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
        principalId: APP_SP,
        principalType: 'ServicePrincipal',
        scope: KV_CMK,
        condition: null,
        conditionVersion: null,
        createdOn: '2026-03-01T12:00:00.0000000Z',
        updatedOn: '2026-03-01T12:00:00.0000000Z',
        createdBy: null,
        updatedBy: null,
        delegatedManagedIdentityResourceId: null,
        description: null
      },
      id: `${KV_CMK}${ASSIGNMENTS}/${name}`,
      type: 'Microsoft.Authorization/roleAssignments',
      name
    })
    expect(name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    // scenario names are derived, so a reload names the same assignment the same way
    expect(loadedState().assignmentByName(T1, name)).toBeDefined()
    const got = await call(arm, request(`${KV_CMK}${ASSIGNMENTS}/${name}`), claims(T1, READER_SP))
    expect(got).toEqual({ status: 200, body: mine })
    expect(state.assignmentByName(T1, name)?.scope).toBe(KV_CMK)
  })

  it('answers 404 RoleAssignmentNotFound for a name that is not at the scope', async () => {
    const { arm } = setup()
    const name = '05c5a614-a7d6-4502-b150-c2fb455033ff'
    const res = await call(arm, request(`${RG}${ASSIGNMENTS}/${name}`), claims(T1, ADMIN))
    expect(res).toEqual({
      status: 404,
      body: {
        error: { code: 'RoleAssignmentNotFound', message: `The role assignment '${name}' is not found.` }
      }
    })
  })

  it('needs read permission at or above the scope to list', async () => {
    const { arm } = setup()
    const inherited = await call(arm, request(`${KV_CMK}${ASSIGNMENTS}`), claims(T1, READER_SP))
    expect(inherited.status).toBe(200)
    const denied = await call(
      arm,
      request(`/subscriptions/${SUB}/resourceGroups/rg-other${ASSIGNMENTS}`),
      claims(T1, READER_SP)
    )
    expect(denied.status).toBe(403)
    expect(body(denied).error).toEqual({
      code: 'AuthorizationFailed',
      message: `The client '${READER_SP}' with object id '${READER_SP}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope '/subscriptions/${SUB}/resourceGroups/rg-other' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    })
  })

  it('reports missing resource groups and resources once the caller is authorized', async () => {
    const { arm } = setup()
    const rg = await call(
      arm,
      request(`/subscriptions/${SUB}/resourceGroups/rg-gone${ASSIGNMENTS}`),
      claims(T1, ADMIN)
    )
    expect(rg).toEqual({
      status: 404,
      body: {
        error: { code: 'ResourceGroupNotFound', message: "Resource group 'rg-gone' could not be found." }
      }
    })
    const res = await call(
      arm,
      request(`${RG}/providers/Microsoft.Storage/storageAccounts/st1${ASSIGNMENTS}`),
      claims(T1, ADMIN)
    )
    expect(res.status).toBe(404)
    expect(body(res).error.code).toBe('ResourceNotFound')
    expect(body(res).error.message).toBe(
      "The Resource 'Microsoft.Storage/storageAccounts/st1' under resource group 'rg-shared' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix"
    )
    const unauthorized = await call(
      arm,
      request(`/subscriptions/${SUB}/resourceGroups/rg-gone${ASSIGNMENTS}`),
      claims(T1, NOBODY)
    )
    expect(unauthorized.status).toBe(403)
  })

  describe('create', () => {
    const NAME = '05c5a614-a7d6-4502-b150-c2fb455033ff'
    const put = (scope: string, name: string, properties: Record<string, unknown>) =>
      request(`${scope}${ASSIGNMENTS}/${name}`, { method: 'PUT', body: { properties } })
    const readerAtRg = {
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER.guid}`,
      principalId: APP_SP,
      principalType: 'ServicePrincipal'
    }

    it('creates (201), restates (200) and refuses a duplicate under another name (409)', async () => {
      const { arm } = setup()
      const created = await call(arm, put(RG, NAME, readerAtRg), claims(T1, ADMIN))
      expect(created.status).toBe(201)
      // RoleAssignments_CreateForSubscription.json fields, with the subscription-qualified role definition id
      expect(body(created)).toMatchObject({
        properties: {
          roleDefinitionId: readerAtRg.roleDefinitionId,
          principalId: APP_SP,
          principalType: 'ServicePrincipal',
          scope: RG,
          createdBy: ADMIN
        },
        id: `${RG}${ASSIGNMENTS}/${NAME}`,
        type: 'Microsoft.Authorization/roleAssignments',
        name: NAME
      })
      const again = await call(
        arm,
        put(RG, NAME, {
          ...readerAtRg,
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${READER.guid}`
        }),
        claims(T1, ADMIN)
      )
      expect(again.status).toBe(200)
      const other = 'b0f43c54-e787-4862-89b1-a653fa9cf747'
      const dup = await call(arm, put(RG, other, readerAtRg), claims(T1, ADMIN))
      expect(dup).toEqual({
        status: 409,
        body: {
          error: {
            code: 'RoleAssignmentExists',
            message:
              'The role assignment already exists. The ID of the existing role assignment is 05c5a614a7d64502b150c2fb455033ff.'
          }
        }
      })
    })

    it('refuses to move an existing name to another principal or scope', async () => {
      const { arm } = setup()
      expect((await call(arm, put(RG, NAME, readerAtRg), claims(T1, ADMIN))).status).toBe(201)
      const otherPrincipal = await call(
        arm,
        put(RG, NAME, { ...readerAtRg, principalId: READER_SP }),
        claims(T1, ADMIN)
      )
      const otherScope = await call(arm, put(`/subscriptions/${SUB}`, NAME, readerAtRg), claims(T1, ADMIN))
      for (const res of [otherPrincipal, otherScope]) {
        expect(res).toEqual({
          status: 400,
          body: {
            error: {
              code: 'RoleAssignmentUpdateNotPermitted',
              message: 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.'
            }
          }
        })
      }
    })

    it('validates the name, principal id and role definition', async () => {
      const { arm } = setup()
      const badName = await call(arm, put(RG, 'kv-role-assignement3', readerAtRg), claims(T1, ADMIN))
      expect(body(badName).error).toEqual({
        code: 'InvalidRoleAssignmentId',
        message:
          "The role assignment ID 'kv-role-assignement3' is not valid. The role assignment ID must be a GUID."
      })
      const badPrincipal = await call(
        arm,
        put(RG, NAME, { ...readerAtRg, principalId: 'User' }),
        claims(T1, ADMIN)
      )
      expect(body(badPrincipal).error).toEqual({
        code: 'InvalidPrincipalId',
        message: "The Principal ID 'User' is not valid. Principal ID must be a GUID."
      })
      const missingRole = '00000000-0000-4000-8000-00000000abcd'
      const badRole = await call(
        arm,
        put(RG, NAME, {
          ...readerAtRg,
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${missingRole}`
        }),
        claims(T1, ADMIN)
      )
      expect(badRole.status).toBe(400)
      expect(body(badRole).error.code).toBe('RoleDefinitionDoesNotExist')
      const notJson = await call(
        arm,
        { ...put(RG, NAME, readerAtRg), body: Buffer.from('{') },
        claims(T1, ADMIN)
      )
      expect(body(notJson).error.code).toBe('InvalidRequestContent')
    })

    it('answers PrincipalNotFound for an unknown principal and for a replicating one without principalType', async () => {
      const { arm } = setup()
      const unknown = 'c0000000-0000-4000-8000-0000000000ff'
      const res = await call(arm, put(RG, NAME, { ...readerAtRg, principalId: unknown }), claims(T1, ADMIN))
      expect(res.status).toBe(400)
      expect(body(res).error.code).toBe('PrincipalNotFound')
      expect(body(res).error.message).toBe(
        `Principal c000000000004000800000000000000ff does not exist in the directory ${T1}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`.replace(
          'c000000000004000800000000000000ff',
          unknown.replace(/-/g, '')
        )
      )
      const { principalType: _omitted, ...untyped } = readerAtRg
      const replicating = await call(
        arm,
        put(RG, NAME, { ...untyped, principalId: NEW_SP }),
        claims(T1, ADMIN)
      )
      expect(body(replicating).error.code).toBe('PrincipalNotFound')
      const typed = await call(arm, put(RG, NAME, { ...readerAtRg, principalId: NEW_SP }), claims(T1, ADMIN))
      expect(typed.status).toBe(201)
      const unknownTyped = await call(
        arm,
        put(RG, 'b0f43c54-e787-4862-89b1-a653fa9cf747', { ...readerAtRg, principalId: unknown }),
        claims(T1, ADMIN)
      )
      expect(body(unknownTyped).error.code).toBe('PrincipalNotFound')
    })

    it('refuses a principalType that does not match the principal', async () => {
      const { arm } = setup()
      const res = await call(arm, put(RG, NAME, { ...readerAtRg, principalType: 'User' }), claims(T1, ADMIN))
      expect(res.status).toBe(400)
      expect(body(res).error.code).toBe('UnmatchedPrincipalType')
    })

    it('needs roleAssignments/write at or above the scope', async () => {
      const { arm } = setup()
      const contributor = await call(arm, put(RG, NAME, readerAtRg), claims(T1, CONTRIB_SP))
      expect(contributor.status).toBe(403)
      expect(body(contributor).error).toEqual({
        code: 'AuthorizationFailed',
        message: `The client '${CONTRIB_SP}' with object id '${CONTRIB_SP}' does not have authorization or an ABAC condition not fulfilled to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '${RG}${ASSIGNMENTS}/${NAME}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
      })
      expect(
        (await call(arm, put(`/subscriptions/${SUB}`, NAME, readerAtRg), claims(T1, UAA_SP))).status
      ).toBe(403)
      expect((await call(arm, put(KV_CMK, NAME, readerAtRg), claims(T1, UAA_SP))).status).toBe(201)
    })

    /** delegate-role-assignments-examples.md § "Constrain roles and principal types" (Reader, Storage Blob Data Reader) */
    const DELEGATION = `(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})
 )
 OR
 (
  @Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7, 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1}
  AND
  @Request[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}
 )
)
AND
(
 (
  !(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})
 )
 OR
 (
  @Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7, 2a2b9908-6ea1-4ae2-8e65-a410df84e7d1}
  AND
  @Resource[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}
 )
)`

    const delegated = (condition: string) => {
      const { arm, state } = setup()
      state.loadTenant(
        T1,
        {
          roleAssignments: [
            { scope: RG, role: 'Role Based Access Control Administrator', principal: NOBODY, condition }
          ]
        },
        r => r
      )
      return arm
    }

    it('lets a conditioned Role Based Access Control Administrator assign only the roles and types it lists', async () => {
      const arm = delegated(DELEGATION)
      const contributorRole = `/providers/Microsoft.Authorization/roleDefinitions/${CONTRIBUTOR.guid}`
      const asContributor = await call(
        arm,
        put(RG, NAME, { ...readerAtRg, roleDefinitionId: contributorRole }),
        claims(T1, NOBODY)
      )
      expect(asContributor.status).toBe(403)
      expect(body(asContributor).error.message).toContain(
        'does not have authorization or an ABAC condition not fulfilled'
      )
      const { principalType: _type, ...asUser } = readerAtRg
      expect((await call(arm, put(RG, NAME, asUser), claims(T1, NOBODY))).status).toBe(403)
      expect((await call(arm, put(RG, NAME, readerAtRg), claims(T1, NOBODY))).status).toBe(201)
      expect((await call(arm, request(`${RG}${ASSIGNMENTS}`), claims(T1, NOBODY))).status).toBe(200)
      expect(
        (await call(arm, request(`${RG}${ASSIGNMENTS}/${NAME}`, { method: 'DELETE' }), claims(T1, NOBODY)))
          .status
      ).toBe(200)
    })

    it('refuses to delete an assignment of a role the condition does not list', async () => {
      const arm = delegated(DELEGATION)
      const list = await call(
        arm,
        request(`${RG}${ASSIGNMENTS}`, {
          query: { 'api-version': '2022-04-01', $filter: `principalId eq '${UAA_SP}'` }
        }),
        claims(T1, NOBODY)
      )
      const name = (body(list).value as JsonBody[])[0]?.name as string
      const res = await call(
        arm,
        request(`${RG}${ASSIGNMENTS}/${name}`, { method: 'DELETE' }),
        claims(T1, NOBODY)
      )
      expect(res.status).toBe(403)
    })

    it('grants nothing through a condition it cannot read', async () => {
      const arm = delegated(
        "@Principal[Microsoft.Directory/CustomSecurityAttributes/Id:Team] StringEquals 'ops'"
      )
      expect((await call(arm, put(RG, NAME, readerAtRg), claims(T1, NOBODY))).status).toBe(403)
      expect((await call(arm, request(`${RG}${ASSIGNMENTS}`), claims(T1, NOBODY))).status).toBe(403)
    })
  })

  it('deletes with 200 and the deleted assignment, then 204', async () => {
    const { arm, state } = setup()
    const [readerAssignment] = state.assignmentsOfTenant(T1).filter(a => a.principalId === READER_SP)
    const path = `${RG}${ASSIGNMENTS}/${readerAssignment?.name}`
    const first = await call(arm, request(path, { method: 'DELETE' }), claims(T1, ADMIN))
    expect(first.status).toBe(200)
    expect(body(first).properties.principalId).toBe(READER_SP)
    const second = await call(arm, request(path, { method: 'DELETE' }), claims(T1, ADMIN))
    expect(second).toEqual({ status: 204 })
    const denied = await call(arm, request(path, { method: 'DELETE' }), claims(T1, CONTRIB_SP))
    expect(denied.status).toBe(403)
  })
})

describe('ARM role definitions', () => {
  const arm = createArmService(fakeDirectory(), loadedState())
  const DEFS = '/providers/Microsoft.Authorization/roleDefinitions'

  it('finds a built-in role by name at a subscription scope, with the subscription in its id', async () => {
    const res = await call(
      arm,
      request(`/subscriptions/${SUB}${DEFS}`, {
        query: { 'api-version': '2022-04-01', $filter: "roleName eq 'Reader'" }
      }),
      claims(T1, NOBODY)
    )
    expect(res.status).toBe(200)
    // GetRoleDefinitionByName.json shape, built-in-roles/general.md content
    expect(body(res)).toEqual({
      value: [
        {
          properties: {
            roleName: 'Reader',
            type: 'BuiltInRole',
            description: 'View all resources, but does not allow you to make any changes.',
            assignableScopes: ['/'],
            permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
          },
          id: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7`,
          type: 'Microsoft.Authorization/roleDefinitions',
          name: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
        }
      ]
    })
  })

  it('gets a role by GUID at the tenant root and pages the whole catalogue', async () => {
    const byId = await call(arm, request(`${DEFS}/${KEY_VAULT_SECRETS_USER.guid}`), claims(T2, OUTSIDER))
    expect(body(byId).id).toBe(
      `/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_SECRETS_USER.guid}`
    )
    expect(body(byId).properties.permissions[0].dataActions).toEqual([
      'Microsoft.KeyVault/vaults/secrets/getSecret/action',
      'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
    ])
    const first = await call(arm, request(DEFS), claims(T2, OUTSIDER))
    expect(body(first).value).toHaveLength(250)
    expect(body(first).nextLink).toContain('$skipToken=250')
    const missing = await call(
      arm,
      request(`${DEFS}/00000000-0000-4000-8000-00000000abcd`),
      claims(T2, OUTSIDER)
    )
    expect(missing.status).toBe(404)
    expect(body(missing).error.code).toBe('RoleDefinitionDoesNotExist')
  })
})

describe('Key Vault secrets', () => {
  const setup = () => {
    const state = loadedState()
    return { state, kv: createKeyVaultService(fakeDirectory(), state, `${AUTHORITY}/`) }
  }
  const vaultToken = (oid: string, tid = T2) => claims(tid, oid, 'https://vault.azure.net')
  const SECRET = '/secrets/contoso-provider-access'
  const kvReq = (path: string, o: Omit<RequestOptions, 'vault'> = {}) =>
    request(path, { ...o, vault: 'kv-provider' })

  it('answers an unauthenticated request with the documented challenge', async () => {
    const { kv } = setup()
    const res = await call(kv, kvReq(SECRET, { method: 'PUT', token: false }), undefined)
    expect(res).toEqual({
      status: 401,
      headers: {
        'www-authenticate': `Bearer authorization="${AUTHORITY}/${T2}", resource="https://vault.azure.net"`
      },
      body: {
        error: { code: 'Unauthorized', message: 'AKV10000: Request is missing a Bearer or PoP token.' }
      }
    })
  })

  it('challenges tokens for another audience or tenant', async () => {
    const { kv } = setup()
    const arm = await call(kv, kvReq(`${SECRET}/`), claims(T2, OFFICER))
    expect(arm.status).toBe(401)
    expect(arm.headers?.['www-authenticate']).toContain(`/${T2}"`)
    expect(body(arm).error.message).toBe(
      'AKV10022: Invalid audience. Expected https://vault.azure.net, found: https://management.azure.com.'
    )
    const foreign = await call(kv, kvReq(`${SECRET}/`), vaultToken(ADMIN, T1))
    expect(foreign.status).toBe(401)
    expect(body(foreign).error.message).toBe(
      `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${T2}/, found https://sts.windows.net/${T1}/.`
    )
  })

  it('requires a known api-version', async () => {
    const { kv } = setup()
    expect((await call(kv, kvReq(`${SECRET}/`, { query: {} }), vaultToken(OFFICER))).status).toBe(400)
    expect(
      (await call(kv, kvReq(`${SECRET}/`, { query: { 'api-version': '7.5' } }), vaultToken(OFFICER))).status
    ).toBe(200)
    const old = await call(
      kv,
      kvReq(`${SECRET}/`, { query: { 'api-version': '2016-01-01' } }),
      vaultToken(OFFICER)
    )
    expect(body(old).error.code).toBe('BadParameter')
  })

  it('sets a new version on every PUT and returns it as SetSecret-example.json does', async () => {
    const { kv } = setup()
    const put = await call(
      kv,
      kvReq(SECRET, {
        method: 'PUT',
        body: { value: 'next-secret', tags: { CredentialId: 'k2' }, attributes: { exp: 1800000000 } }
      }),
      vaultToken(OFFICER)
    )
    expect(put.status).toBe(200)
    const b = body(put)
    const version = (b.id as string).split('/').at(-1) as string
    expect(version).toMatch(/^[0-9a-f]{32}$/)
    expect(b).toEqual({
      value: 'next-secret',
      id: `${VAULT_ORIGIN}/secrets/contoso-provider-access/${version}`,
      attributes: {
        enabled: true,
        exp: 1800000000,
        created: NOW / 1000,
        updated: NOW / 1000,
        recoveryLevel: 'Recoverable+Purgeable',
        recoverableDays: 90
      },
      tags: { CredentialId: 'k2' }
    })
    const latest = await call(kv, kvReq(`${SECRET}/`), vaultToken(SECRETS_USER))
    expect(body(latest).value).toBe('next-secret')
    const versions = await call(kv, kvReq(`${SECRET}/versions`), vaultToken(SECRETS_USER))
    expect(body(versions).value).toHaveLength(3)
    expect(body(versions).nextLink).toBeNull()
  })

  it('gets a version by id and pages versions with maxresults', async () => {
    const { kv } = setup()
    const page1 = await call(
      kv,
      kvReq(`${SECRET}/versions`, { query: { 'api-version': '2025-07-01', maxresults: '1' } }),
      vaultToken(SECRETS_USER)
    )
    const first = body(page1)
    expect(first.value).toHaveLength(1)
    // GetSecretVersions-example.json: items carry id and attributes, never the value
    expect(first.value[0]).toEqual({
      id: expect.stringMatching(new RegExp(`^${VAULT_ORIGIN}/secrets/contoso-provider-access/[0-9a-f]{32}$`)),
      attributes: {
        enabled: true,
        created: Date.parse('2026-01-01T00:00:00Z') / 1000,
        updated: Date.parse('2026-01-01T00:00:00Z') / 1000
      },
      tags: { CredentialId: 'k1' }
    })
    const next = new URL(first.nextLink as string)
    expect(next.searchParams.get('maxresults')).toBe('1')
    const page2 = await call(
      kv,
      { ...kvReq(next.pathname), query: next.searchParams },
      vaultToken(SECRETS_USER)
    )
    expect(body(page2).value).toHaveLength(1)
    expect(body(page2).nextLink).toBeNull()
    const oldId = (first.value[0] as { id: string }).id.split('/').at(-1) as string
    const old = await call(kv, kvReq(`${SECRET}/${oldId}`), vaultToken(SECRETS_USER))
    expect(body(old).value).toBe('old-secret')
  })

  it('lists secrets by their latest version', async () => {
    const { kv } = setup()
    const res = await call(kv, kvReq('/secrets'), vaultToken(SECRETS_USER))
    expect(body(res)).toEqual({
      value: [
        {
          id: `${VAULT_ORIGIN}/secrets/contoso-provider-access`,
          attributes: { enabled: true, exp: 1790000000, created: NOW / 1000, updated: NOW / 1000 },
          contentType: 'text/plain'
        }
      ],
      nextLink: null
    })
  })

  it('updates the attributes of one version without a new version', async () => {
    const { kv, state } = setup()
    const latest = await call(kv, kvReq(`${SECRET}/`), vaultToken(OFFICER))
    const id = (body(latest).id as string).split('/').at(-1) as string
    const patched = await call(
      kv,
      kvReq(`${SECRET}/${id}`, {
        method: 'PATCH',
        body: { attributes: { enabled: false }, tags: { state: 'retired' } }
      }),
      vaultToken(OFFICER)
    )
    expect(patched.status).toBe(200)
    expect(body(patched)).not.toHaveProperty('value')
    expect(body(patched).attributes.enabled).toBe(false)
    expect(body(patched).tags).toEqual({ state: 'retired' })
    expect(state.secret(state.vault('kv-provider')!, 'contoso-provider-access')?.versions).toHaveLength(2)
    const disabled = await call(kv, kvReq(`${SECRET}/${id}`), vaultToken(OFFICER))
    expect(disabled.status).toBe(403)
    expect(body(disabled).error).toEqual({
      code: 'Forbidden',
      message: 'Operation get is not allowed on a disabled secret.',
      innererror: { code: 'SecretDisabled' }
    })
    const byUser = await call(
      kv,
      kvReq(`${SECRET}/${id}`, { method: 'PATCH', body: {} }),
      vaultToken(SECRETS_USER)
    )
    expect(byUser.status).toBe(403)
  })

  it('answers SecretNotFound with the documented message', async () => {
    const { kv } = setup()
    const missing = await call(kv, kvReq('/secrets/not-there/'), vaultToken(OFFICER))
    expect(missing).toEqual({
      status: 404,
      body: {
        error: {
          code: 'SecretNotFound',
          message:
            'A secret with (name/id) not-there was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182'
        }
      }
    })
    const version = '0123456789abcdef0123456789abcdef'
    const missingVersion = await call(kv, kvReq(`${SECRET}/${version}`), vaultToken(OFFICER))
    expect(body(missingVersion).error.message).toContain(
      `(name/id) contoso-provider-access/${version} was not found`
    )
  })

  it('enforces data-plane RBAC with the ForbiddenByRbac message', async () => {
    const { kv } = setup()
    const userSet = await call(
      kv,
      kvReq(SECRET, { method: 'PUT', body: { value: 'x' } }),
      vaultToken(SECRETS_USER)
    )
    expect(userSet.status).toBe(403)
    const error = body(userSet).error
    expect(error.code).toBe('Forbidden')
    expect(error.innererror).toEqual({ code: 'ForbiddenByRbac' })
    expect((error.message as string).split('\r\n')).toEqual([
      'Caller is not authorized to perform action on resource.',
      'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
      `Caller: appid=app-of-0002;oid=${SECRETS_USER};iss=https://sts.windows.net/${T2}/`,
      "Action: 'Microsoft.KeyVault/vaults/secrets/setSecret/action'",
      `Resource: '${KV_PROVIDER.toLowerCase()}/secrets/contoso-provider-access'`,
      'Assignment: (not found)',
      'DenyAssignmentId: null',
      "DecisionReason: 'DeniedWithNoValidRBAC' ",
      'Vault: kv-provider;location=eastus',
      ''
    ])
    const outsiderList = await call(kv, kvReq('/secrets'), vaultToken(OUTSIDER))
    expect(body(outsiderList).error.message).toContain(
      "Action: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'"
    )
    expect(body(outsiderList).error.message).toContain(`Resource: '${KV_PROVIDER.toLowerCase()}'`)
    const outsiderGet = await call(kv, kvReq(`${SECRET}/`), vaultToken(OUTSIDER))
    expect(outsiderGet.status).toBe(403)
  })

  it('rejects invalid names and bodies', async () => {
    const { kv } = setup()
    const badName = await call(
      kv,
      kvReq('/secrets/bad_name', { method: 'PUT', body: { value: 'x' } }),
      vaultToken(OFFICER)
    )
    expect(body(badName).error).toEqual({
      code: 'BadParameter',
      message: 'The request URI contains an invalid name: bad_name'
    })
    const noValue = await call(
      kv,
      kvReq(SECRET, { method: 'PUT', body: { contentType: 'x' } }),
      vaultToken(OFFICER)
    )
    expect(noValue.status).toBe(400)
  })
})
