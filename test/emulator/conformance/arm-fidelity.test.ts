/**
 * ARM behaviours every Azure client relies on beyond the action's own calls: the tenant-level reads of a sign-in
 * (subscriptions, tenants), the published api-versions of each operation with their shapes, management-group
 * scopes with inheritance, the whole built-in role catalogue and custom roles, 401 challenges (expired tokens,
 * continuous access evaluation) and the cloud metadata document. Each expected value names its public source.
 * The real @azure/arm-authorization client is used where it sends the request; plain HTTPS where no SDK in
 * package.json does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { ClientSecretCredential } from '@azure/identity'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'
import { BUILT_IN_ROLES } from '../services/role-catalogue.js'
import { rawRequest, restError } from './support.js'
import type { RawResponse } from './support.js'

const PROVIDER = '21111111-1111-4111-8111-111111111111'
const CUSTOMER = '27f3a2c1-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const SUB = '2b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const OTHER_SUB = '2c1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const PROVIDER_SUB = '2a000000-0000-4000-8000-000000000001'
const SUB_SCOPE = `/subscriptions/${SUB}`
const RG = `${SUB_SCOPE}/resourceGroups/rg-shared`
const MG = 'mg-fabrikam'
const MG_SCOPE = `/providers/Microsoft.Management/managementGroups/${MG}`
const CUSTOM_ROLE = '2d000000-0000-4000-8000-0000000000c1'
const ARM_SCOPE = 'https://management.azure.com/.default'
const READER_GUID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'

interface Identity {
  appId: string
  spId: string
  secret: string
}
function identity(n: number): Identity {
  const hex = n.toString(16).padStart(2, '0')
  return {
    appId: `e1${hex}0000-0000-4000-8000-000000000001`,
    spId: `e2${hex}0000-0000-4000-8000-000000000001`,
    secret: `secret~${hex}.fidelity`
  }
}
const MG_READER = identity(1) // Reader on the management group
const RG_OPERATOR = identity(2) // the custom role on rg-shared
const NOBODY = identity(3) // no role at all
const TARGET = identity(4)

function app(who: Identity, name: string) {
  return {
    id: who.appId.replace(/^e1/, 'e3'),
    appId: who.appId,
    uniqueName: name,
    displayName: name,
    passwords: [
      { secret: who.secret, startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2099-01-01T00:00:00Z' }
    ]
  }
}

const scenario = {
  tenants: [
    {
      id: PROVIDER,
      displayName: 'Contoso',
      subscriptions: [{ id: PROVIDER_SUB }]
    },
    {
      id: CUSTOMER,
      displayName: 'Fabrikam',
      domain: 'fabrikam.onmicrosoft.com',
      applications: [
        app(MG_READER, 'mg-reader'),
        app(RG_OPERATOR, 'rg-operator'),
        app(NOBODY, 'nobody'),
        app(TARGET, 'target')
      ],
      servicePrincipals: [MG_READER, RG_OPERATOR, NOBODY, TARGET].map((who, i) => ({
        id: who.spId,
        app: ['mg-reader', 'rg-operator', 'nobody', 'target'][i]
      })),
      subscriptions: [
        { id: SUB, displayName: 'Fabrikam Production', resourceGroups: [{ name: 'rg-shared' }] },
        { id: OTHER_SUB, displayName: 'Fabrikam Sandbox' }
      ],
      managementGroups: [{ id: MG, displayName: 'Fabrikam', subscriptions: [SUB] }],
      // custom-roles.md § "Custom role example" shape: roleName, description, actions…, assignableScopes
      roleDefinitions: [
        {
          name: CUSTOM_ROLE,
          roleName: 'Fabrikam Access Operator',
          description: 'Reads and writes role assignments of one resource group.',
          assignableScopes: [RG],
          permissions: [
            {
              actions: [
                'Microsoft.Authorization/roleAssignments/read',
                'Microsoft.Authorization/roleAssignments/write'
              ]
            }
          ]
        }
      ],
      roleAssignments: [
        { scope: MG_SCOPE, role: 'Reader', principal: 'app:mg-reader' },
        { scope: RG, role: 'Fabrikam Access Operator', principal: 'app:rg-operator' }
      ]
    }
  ]
}

let emulator: Emulator

beforeAll(async () => {
  emulator = await startEmulator({ scenario })
})
afterAll(async () => {
  await emulator?.stop()
})

function credential(who: Identity): ClientSecretCredential {
  return new ClientSecretCredential(CUSTOMER, who.appId, who.secret, {
    authorityHost: emulator.endpoints.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.ca }
  })
}

function armClient(who: Identity): AuthorizationManagementClient {
  return new AuthorizationManagementClient(credential(who), SUB, {
    endpoint: emulator.endpoints.armEndpoint,
    credentialScopes: [ARM_SCOPE],
    tlsOptions: { ca: emulator.ca }
  })
}

async function token(who: Identity): Promise<string> {
  return (await credential(who).getToken(ARM_SCOPE)).token
}

async function arm(
  path: string,
  who: Identity | undefined,
  init: { method?: string } = {}
): Promise<RawResponse> {
  const headers: Record<string, string> = who ? { authorization: `Bearer ${await token(who)}` } : {}
  return rawRequest(`${emulator.endpoints.armEndpoint}${path}`, emulator.ca, { ...init, headers })
}

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of pages) items.push(item)
  return items
}

describe('Microsoft.Resources: subscriptions and tenants (a client sign-in lists them)', () => {
  // https://github.com/Azure/azure-rest-api-specs/blob/main/specification/resources/resource-manager/Microsoft.Resources/stable/2022-12-01/examples/GetSubscriptions.json
  it('GET /subscriptions lists the subscriptions the caller holds a role in, inherited ones included', async () => {
    const res = await arm('/subscriptions?api-version=2022-12-01', MG_READER)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      value: [
        {
          id: SUB_SCOPE,
          subscriptionId: SUB,
          tenantId: CUSTOMER,
          displayName: 'Fabrikam Production',
          state: 'Enabled',
          subscriptionPolicies: {
            locationPlacementId: expect.any(String),
            quotaId: expect.any(String),
            spendingLimit: 'Off'
          },
          authorizationSource: 'RoleBased',
          managedByTenants: [],
          tags: {}
        }
      ]
    })
    // a role on one resource group is enough to see its subscription
    const operator = (await arm('/subscriptions?api-version=2020-01-01', RG_OPERATOR)).json()
    expect((operator.value as { subscriptionId: string }[]).map(s => s.subscriptionId)).toEqual([SUB])
    expect((await arm('/subscriptions?api-version=2022-12-01', NOBODY)).json()).toEqual({ value: [] })
  })

  it('GET /subscriptions/{id}: 200, SubscriptionNotFound (no access), InvalidAuthenticationTokenTenant (other tenant)', async () => {
    const ok = await arm(`${SUB_SCOPE}?api-version=2022-12-01`, MG_READER)
    expect(ok.status).toBe(200)
    expect(ok.json()).toMatchObject({
      id: SUB_SCOPE,
      subscriptionId: SUB,
      tenantId: CUSTOMER,
      state: 'Enabled'
    })
    const hidden = await arm(`/subscriptions/${OTHER_SUB}?api-version=2022-12-01`, MG_READER)
    expect([hidden.status, hidden.json()]).toEqual([
      404,
      {
        error: {
          code: 'SubscriptionNotFound',
          message: `The subscription '${OTHER_SUB}' could not be found.`
        }
      }
    ])
    // Azure/azure-sdk-for-net#49391: a token of the wrong tenant is told the subscription's tenant
    const other = await arm(`/subscriptions/${PROVIDER_SUB}?api-version=2022-12-01`, MG_READER)
    expect(other.status).toBe(401)
    expect((other.json().error as { code: string }).code).toBe('InvalidAuthenticationTokenTenant')
  })

  // https://github.com/Azure/azure-rest-api-specs/blob/main/specification/resources/resource-manager/Microsoft.Resources/subscriptions/stable/2022-12-01/examples/GetTenants.json
  it('GET /tenants lists the token tenant with the documented fields', async () => {
    const res = await arm('/tenants?api-version=2022-12-01', NOBODY)
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({
      value: [
        {
          id: `/tenants/${CUSTOMER}`,
          tenantId: CUSTOMER,
          countryCode: 'US',
          displayName: 'Fabrikam',
          domains: ['fabrikam.onmicrosoft.com'],
          tenantCategory: 'Home',
          defaultDomain: 'fabrikam.onmicrosoft.com',
          tenantType: 'AAD'
        }
      ]
    })
  })
})

describe('api-versions: every published version of an operation, with its shape', () => {
  it('refuses a missing or unpublished api-version on any ARM route', async () => {
    // Azure/azure-sdk-for-python#34747 (missing), hashicorp/vault-plugin-secrets-azure#13 (invalid)
    const missing = await arm('/subscriptions', NOBODY)
    expect([missing.status, missing.json()]).toEqual([
      400,
      {
        error: {
          code: 'MissingApiVersionParameter',
          message: 'The api-version query parameter (?api-version=) is required for all requests.'
        }
      }
    ])
    const invalid = await arm(
      `${RG}/providers/Microsoft.Authorization/roleDefinitions?api-version=2019-01-01`,
      NOBODY
    )
    expect(invalid.status).toBe(400)
    expect(invalid.json().error).toEqual({
      code: 'InvalidApiVersionParameter',
      message:
        "The api-version '2019-01-01' is invalid. The supported versions are '2022-05-01-preview,2022-04-01,2018-01-01-preview,2017-05-01,2015-07-01'."
    })
  })

  // Azure CLI lists role assignments with 2020-04-01-preview and role definitions with 2018-01-01-preview
  it('serves the versions clients send, each in its own shape', async () => {
    const path = `${RG}/providers/Microsoft.Authorization/roleAssignments`
    const preview = await arm(`${path}?api-version=2020-04-01-preview`, RG_OPERATOR)
    expect(preview.status).toBe(200)
    const current = (preview.json().value as { properties: Record<string, unknown> }[]).find(
      a => a.properties.scope === RG
    )
    expect(current?.properties).toMatchObject({ principalType: 'ServicePrincipal', scope: RG })
    // 2015-07-01/examples/GetRoleAssignmentByName.json: properties are roleDefinitionId, principalId, scope
    const legacy = await arm(`${path}?api-version=2015-07-01`, RG_OPERATOR)
    const first = (legacy.json().value as { properties: Record<string, unknown> }[])[0]
    expect(Object.keys(first?.properties ?? {}).sort()).toEqual(['principalId', 'roleDefinitionId', 'scope'])
    // 2015-07-01 Permission has actions / notActions only; 2018-01-01-preview adds the data actions
    const reader = `/providers/Microsoft.Authorization/roleDefinitions/${READER_GUID}`
    const old = (await arm(`${SUB_SCOPE}${reader}?api-version=2015-07-01`, MG_READER)).json()
    expect((old.properties as { permissions: unknown[] }).permissions).toEqual([
      { actions: ['*/read'], notActions: [] }
    ])
    const newer = (await arm(`${SUB_SCOPE}${reader}?api-version=2018-01-01-preview`, MG_READER)).json()
    expect((newer.properties as { permissions: unknown[] }).permissions).toEqual([
      { actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }
    ])
  })
})

describe('management groups, the built-in catalogue and custom roles', () => {
  // https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest (management group scope)
  it('lists role assignments at a management-group scope and inherits them into its subscriptions', async () => {
    const client = armClient(MG_READER)
    const atGroup = await all(client.roleAssignments.listForScope(MG_SCOPE, { filter: 'atScope()' }))
    expect(atGroup.map(a => [a.scope, a.principalId])).toEqual([[MG_SCOPE, MG_READER.spId]])
    // Reader at the group reads the subscription below it (scope-overview: inheritance)
    const atSub = await all(client.roleAssignments.listForScope(SUB_SCOPE))
    expect(atSub.map(a => a.scope)).toEqual(expect.arrayContaining([MG_SCOPE, RG]))
    // …but not the sandbox subscription outside the group
    const err = await restError(all(client.roleAssignments.listForScope(`/subscriptions/${OTHER_SUB}`)))
    expect([err.statusCode, err.code]).toEqual([403, 'AuthorizationFailed'])
  })

  // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
  it('serves every built-in role of the catalogue with its GUID and data actions', async () => {
    const roles = await all(
      armClient(MG_READER).roleDefinitions.list(SUB_SCOPE, { filter: "type eq 'BuiltInRole'" })
    )
    expect(roles.length).toBe(BUILT_IN_ROLES.length)
    expect(roles.length).toBeGreaterThan(800)
    const secretsUser = roles.find(r => r.roleName === 'Key Vault Secrets User')
    expect(secretsUser).toMatchObject({
      name: '4633458b-17de-408a-b874-0445c86b69e6',
      roleType: 'BuiltInRole',
      permissions: [
        {
          dataActions: [
            'Microsoft.KeyVault/vaults/secrets/getSecret/action',
            'Microsoft.KeyVault/vaults/secrets/readMetadata/action'
          ]
        }
      ]
    })
  })

  // https://learn.microsoft.com/azure/role-based-access-control/custom-roles
  it('serves a scenario custom role, lets ARM authorize with it and assign it', async () => {
    const client = armClient(RG_OPERATOR)
    const custom = await client.roleDefinitions.get(RG, CUSTOM_ROLE)
    expect(custom).toMatchObject({
      roleName: 'Fabrikam Access Operator',
      roleType: 'CustomRole',
      assignableScopes: [RG]
    })
    const listed = await all(client.roleDefinitions.list(RG, { filter: "type eq 'CustomRole'" }))
    expect(listed.map(r => r.name)).toEqual([CUSTOM_ROLE])
    const created = await client.roleAssignments.create(RG, '2e000000-0000-4000-8000-0000000000a1', {
      roleDefinitionId: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${CUSTOM_ROLE}`,
      principalId: TARGET.spId,
      principalType: 'ServicePrincipal'
    })
    expect(created.roleDefinitionId).toMatch(new RegExp(`/${CUSTOM_ROLE}$`))
  })
})

describe('401 challenges', () => {
  const assignments = `${SUB_SCOPE}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`

  it('sends WWW-Authenticate with every 401', async () => {
    const res = await arm(assignments, undefined)
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toMatch(
      new RegExp(`^Bearer authorization_uri="${emulator.endpoints.authorityHost}/", error="invalid_token"`)
    )
  })

  // hashicorp/terraform-provider-azurerm#20867: "The access token expiry UTC time '3/19/2023 8:55:46 AM' is
  // earlier than current UTC time '3/19/2023 8:55:57 AM'."
  it('answers an expired token with ExpiredAuthenticationToken', async () => {
    const old = await token(MG_READER)
    await emulator.control.advanceClock(2 * 3600 * 1000)
    const res = await rawRequest(`${emulator.endpoints.armEndpoint}${assignments}`, emulator.ca, {
      headers: { authorization: `Bearer ${old}` }
    })
    expect(res.status).toBe(401)
    expect(res.json().error).toEqual({
      code: 'ExpiredAuthenticationToken',
      message: expect.stringMatching(
        /^The access token expiry UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M' is earlier than current UTC time '\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2} [AP]M'\.$/
      )
    })
  })

  // https://learn.microsoft.com/entra/identity-platform/claims-challenge: 401 + WWW-Authenticate with
  // error="insufficient_claims" and claims="<base64>"; @azure/core-rest-pipeline asks for a new token with them
  it('challenges a token issued before a session revocation, and the SDK recovers with a fresh token', async () => {
    const client = armClient(MG_READER)
    await all(client.roleAssignments.listForScope(SUB_SCOPE))
    const old = await token(MG_READER)
    await emulator.control.advanceClock(60_000)
    await emulator.control.revokeSessions({ tenantId: CUSTOMER, id: MG_READER.spId })
    const stale = await rawRequest(`${emulator.endpoints.armEndpoint}${assignments}`, emulator.ca, {
      headers: { authorization: `Bearer ${old}` }
    })
    expect(stale.status).toBe(401)
    const challenge = String(stale.headers['www-authenticate'])
    expect(challenge).toContain('error="insufficient_claims"')
    const claims = /claims="([^"]+)"/.exec(challenge)?.[1] ?? ''
    expect(JSON.parse(Buffer.from(claims, 'base64').toString('utf8'))).toEqual({
      access_token: { nbf: { essential: true, value: expect.stringMatching(/^\d+$/) } }
    })
    await emulator.control.resetRequests()
    await expect(all(client.roleAssignments.listForScope(SUB_SCOPE))).resolves.toBeDefined()
    const log = (await emulator.control.requests()).map(r => `${r.route} ${r.status}`)
    expect(log).toEqual(['arm 401', 'token 200', 'arm 200'])
  })
})

describe('cloud metadata', () => {
  // the list form Azure CLI (`az cloud register --endpoint-resource-manager`) and the Go SDK read
  // (kubernetes-sigs/cloud-provider-azure, OverrideAzureCloudConfigAndEnvConfigFromMetadataService)
  it('GET /metadata/endpoints?api-version=2019-05-01 describes the emulator as a cloud', async () => {
    const res = await arm('/metadata/endpoints?api-version=2019-05-01', undefined)
    expect(res.status).toBe(200)
    const [cloud] = JSON.parse(res.text) as Record<string, unknown>[]
    const root = `${emulator.endpoints.armEndpoint}/`
    expect(cloud).toMatchObject({
      name: 'AzureCloud',
      resourceManager: root,
      authentication: {
        loginEndpoint: root,
        audiences: ['https://management.core.windows.net/', 'https://management.azure.com/'],
        tenant: 'common',
        identityProvider: 'AAD'
      },
      suffixes: { keyVaultDns: 'vault.azure.net' },
      microsoftGraphResourceId: 'https://graph.microsoft.com/'
    })
  })
})
