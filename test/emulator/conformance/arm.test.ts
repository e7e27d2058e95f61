/**
 * Conformance of the emulator's ARM Microsoft.Authorization service, driven through the real
 * @azure/arm-authorization 9 client and @azure/identity credentials over HTTPS. Expected bodies, codes and
 * messages come from the 2022-04-01 swagger examples and Microsoft's RBAC docs (https://learn.microsoft.com/rest/api/authorization/role-assignments).
 *
 * The CA is passed per client as `tlsOptions: { ca }` (PipelineOptions of @azure/core-rest-pipeline, which the
 * management clients and the credentials both accept): NODE_EXTRA_CA_CERTS would only be read at process start.
 */
import { request as httpsRequest } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { RoleAssignment } from '@azure/arm-authorization'
import { ClientSecretCredential } from '@azure/identity'
import type { RestError } from '@azure/core-rest-pipeline'
import { restError } from './support.js'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'

const CUSTOMER = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const PROVIDER = '11111111-1111-4111-8111-111111111111'
const SUB = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const PROVIDER_SUB = '5a000000-0000-4000-8000-000000000001'
const SUB_SCOPE = `/subscriptions/${SUB}`
const RG = `${SUB_SCOPE}/resourceGroups/rg-shared`
const KV_CMK = `${RG}/providers/Microsoft.KeyVault/vaults/kv-cmk`
const READER_GUID = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const ARM_SCOPE = 'https://management.azure.com/.default'
/** Service principals appear to ARM only after this long (the emulator's replication lag). */
const SP_LAG_MS = 120_000

interface Identity {
  appId: string
  spId: string
  secret: string
}

/** One single-tenant app per role the tests need, each with a client secret and its service principal. */
function identity(n: number): Identity {
  const hex = n.toString(16).padStart(2, '0')
  return {
    appId: `c1${hex}0000-0000-4000-8000-000000000001`,
    spId: `c2${hex}0000-0000-4000-8000-000000000001`,
    secret: `secret~${hex}.conformance`
  }
}
const ADMIN = identity(1) // Role Based Access Control Administrator on the subscription
const READER = identity(2) // Reader on rg-shared
const CONTRIBUTOR = identity(3) // Contributor on the subscription
const TARGET = identity(4) // gets roles assigned
const DELEGATE = identity(5) // Role Based Access Control Administrator on rg-other, conditioned to Reader for service principals
/** delegate-role-assignments-examples.md § "Constrain roles and principal types", narrowed to Reader */
const READER_ONLY_CONDITION =
  "((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR (@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {acdd72a7-3385-48ef-bd42-f606fba81ae7} AND @Request[Microsoft.Authorization/roleAssignments:PrincipalType] ForAnyOfAnyValues:StringEqualsIgnoreCase {'ServicePrincipal'}))"
const PROVIDER_APP = {
  appId: 'd1000000-0000-4000-8000-000000000001',
  spId: 'd2000000-0000-4000-8000-000000000001'
}

function app(who: Identity, name: string) {
  return {
    id: who.appId.replace(/^c1/, 'c3'),
    appId: who.appId,
    uniqueName: name,
    displayName: name,
    passwords: [
      { secret: who.secret, startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2099-01-01T00:00:00Z' }
    ]
  }
}

const scenario = {
  lags: { servicePrincipalMs: SP_LAG_MS },
  tenants: [
    {
      id: PROVIDER,
      displayName: 'Contoso',
      applications: [
        {
          id: 'd3000000-0000-4000-8000-000000000001',
          appId: PROVIDER_APP.appId,
          uniqueName: 'contoso-provider-access',
          displayName: 'Contoso Provider Access',
          signInAudience: 'AzureADMultipleOrgs'
        }
      ],
      servicePrincipals: [{ id: PROVIDER_APP.spId, app: 'contoso-provider-access' }],
      subscriptions: [{ id: PROVIDER_SUB, resourceGroups: [{ name: 'rg-provider' }] }]
    },
    {
      id: CUSTOMER,
      displayName: 'Fabrikam',
      applications: [
        app(ADMIN, 'rbac-admin'),
        app(READER, 'reader'),
        app(CONTRIBUTOR, 'contributor'),
        app(TARGET, 'target'),
        app(DELEGATE, 'delegate')
      ],
      servicePrincipals: [ADMIN, READER, CONTRIBUTOR, TARGET, DELEGATE].map((who, i) => ({
        id: who.spId,
        app: ['rbac-admin', 'reader', 'contributor', 'target', 'delegate'][i]
      })),
      subscriptions: [
        {
          id: SUB,
          displayName: 'Fabrikam Production',
          resourceGroups: [
            { name: 'rg-shared', resources: [{ type: 'Microsoft.KeyVault/vaults', name: 'kv-cmk' }] },
            { name: 'rg-other' }
          ]
        }
      ],
      roleAssignments: [
        { scope: SUB_SCOPE, role: 'Role Based Access Control Administrator', principal: 'app:rbac-admin' },
        { scope: RG, role: 'Reader', principal: 'app:reader' },
        { scope: SUB_SCOPE, role: 'Contributor', principal: 'app:contributor' },
        { scope: SUB_SCOPE, role: 'Reader', principal: 'app:target' },
        { scope: RG, role: 'Storage Blob Data Reader', principal: 'app:target' },
        { scope: KV_CMK, role: 'Key Vault Crypto Service Encryption User', principal: 'app:target' },
        {
          scope: `${SUB_SCOPE}/resourceGroups/rg-other`,
          role: 'Role Based Access Control Administrator',
          principal: 'app:delegate',
          condition: READER_ONLY_CONDITION
        }
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

function credential(who: Identity, tenantId = CUSTOMER): ClientSecretCredential {
  return new ClientSecretCredential(tenantId, who.appId, who.secret, {
    authorityHost: emulator.endpoints.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.ca }
  })
}

function armClient(who: Identity, subscriptionId = SUB, scope = ARM_SCOPE): AuthorizationManagementClient {
  return new AuthorizationManagementClient(credential(who), subscriptionId, {
    endpoint: emulator.endpoints.armEndpoint,
    credentialScopes: [scope],
    tlsOptions: { ca: emulator.ca }
  })
}

/** A plain HTTPS request, for what the SDK never sends (no token, no api-version). */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { ca: emulator.ca, headers }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')
        })
      )
    })
    req.on('error', reject)
    req.end()
  })
}

async function all<T>(pages: AsyncIterable<T[]>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = []
  let count = 0
  for await (const page of pages) {
    items.push(...page)
    count += 1
  }
  return { items, pages: count }
}

describe('ARM authentication and request checks', () => {
  it('answers MissingApiVersionParameter and InvalidApiVersionParameter', async () => {
    const token = (await credential(ADMIN).getToken(ARM_SCOPE))?.token as string
    const url = `${emulator.endpoints.armEndpoint}${SUB_SCOPE}/providers/Microsoft.Authorization/roleAssignments`
    const missing = await raw(url, { authorization: `Bearer ${token}` })
    expect(missing).toEqual({
      status: 400,
      body: {
        error: {
          code: 'MissingApiVersionParameter',
          message: 'The api-version query parameter (?api-version=) is required for all requests.'
        }
      }
    })
    const old = await raw(`${url}?api-version=2019-01-01`, { authorization: `Bearer ${token}` })
    expect(old.status).toBe(400)
    expect((old.body as { error: { code: string } }).error.code).toBe('InvalidApiVersionParameter')
  })

  it('refuses a request without a token', async () => {
    const res = await raw(
      `${emulator.endpoints.armEndpoint}${SUB_SCOPE}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`
    )
    expect(res).toEqual({
      status: 401,
      body: {
        error: {
          code: 'AuthenticationFailed',
          message: "Authentication failed. The 'Authorization' header is missing."
        }
      }
    })
  })

  it('refuses a token for another audience', async () => {
    const client = armClient(ADMIN, SUB, 'https://vault.azure.net/.default')
    const err = await restError(all(client.roleAssignments.listForScope(SUB_SCOPE).byPage()))
    expect(err.statusCode).toBe(401)
    expect(err.code).toBe('InvalidAuthenticationToken')
    expect(err.message).toMatch(
      /^The access token has been obtained for wrong audience or resource 'https:\/\/vault\.azure\.net/
    )
  })

  it('refuses a token from another tenant with InvalidAuthenticationTokenTenant', async () => {
    const scope = `/subscriptions/${PROVIDER_SUB}`
    const err = await restError(
      all(armClient(ADMIN, PROVIDER_SUB).roleAssignments.listForScope(scope).byPage())
    )
    expect(err.statusCode).toBe(401)
    expect(err.code).toBe('InvalidAuthenticationTokenTenant')
    // https://learn.microsoft.com/rest/api/authorization/role-assignments (Azure/azure-sdk-for-net#49391)
    expect(err.message).toContain(
      `The access token is from the wrong issuer 'https://sts.windows.net/${CUSTOMER}/'. It must match the tenant 'https://sts.windows.net/${PROVIDER}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${PROVIDER}' to get the token.`
    )
  })

  it('answers SubscriptionNotFound and ResourceGroupNotFound', async () => {
    const ghost = '00000000-0000-4000-8000-00000000dead'
    const sub = await restError(all(armClient(ADMIN, ghost).roleAssignments.listForSubscription().byPage()))
    expect([sub.statusCode, sub.code, sub.message]).toEqual([
      404,
      'SubscriptionNotFound',
      `The subscription '${ghost}' could not be found.`
    ])
    const rg = await restError(all(armClient(ADMIN).roleAssignments.listForResourceGroup('rg-gone').byPage()))
    expect([rg.statusCode, rg.code, rg.message]).toEqual([
      404,
      'ResourceGroupNotFound',
      "Resource group 'rg-gone' could not be found."
    ])
  })
})

describe('listing role assignments', () => {
  it('lists a resource group with the inherited subscription assignments, across pages', async () => {
    const { items, pages } = await all(
      armClient(ADMIN).roleAssignments.listForResourceGroup('rg-shared').byPage()
    )
    // RoleAssignments_ListForResourceGroup.json returns subscription-scope assignments too
    expect(items.map(a => a.scope).sort()).toEqual(
      [SUB_SCOPE, SUB_SCOPE, SUB_SCOPE, RG, RG, KV_CMK].sort() // below-scope kv-cmk included without a filter
    )
    expect(pages).toBe(2)
  })

  it('filters with atScope(), principalId eq and atScope() and assignedTo()', async () => {
    const client = armClient(READER)
    const atScope = await all(client.roleAssignments.listForScope(RG, { filter: 'atScope()' }).byPage())
    expect(atScope.items.map(a => a.scope).sort()).toEqual([SUB_SCOPE, SUB_SCOPE, SUB_SCOPE, RG, RG].sort())
    const principal = await all(
      client.roleAssignments.listForScope(RG, { filter: `principalId eq '${TARGET.spId}'` }).byPage()
    )
    expect(principal.items.map(a => `${a.scope}|${a.roleDefinitionId?.split('/').at(-1)}`).sort()).toEqual(
      [
        `${SUB_SCOPE}|${READER_GUID}`,
        `${RG}|2a2b9908-6ea1-4ae2-8e65-a410df84e7d1`,
        `${KV_CMK}|e147488a-f6f5-4113-8e2d-b22465e65bf6`
      ].sort()
    )
    const both = await all(
      client.roleAssignments
        .listForScope(RG, { filter: `atScope() and assignedTo('${TARGET.spId}')` })
        .byPage()
    )
    expect(both.items.map(a => a.scope).sort()).toEqual([SUB_SCOPE, RG])
  })

  it('returns each assignment in the documented 2022-04-01 shape', async () => {
    const { items } = await all(
      armClient(READER)
        .roleAssignments.listForScope(KV_CMK, { filter: `atScope() and assignedTo('${TARGET.spId}')` })
        .byPage()
    )
    const cmk = items.find(a => a.scope === KV_CMK) as RoleAssignment
    // role-assignments-list-rest.md "example of the output", field by field
    expect(cmk).toEqual({
      id: `${KV_CMK}/providers/Microsoft.Authorization/roleAssignments/${cmk.name}`,
      name: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'Microsoft.Authorization/roleAssignments',
      scope: KV_CMK,
      roleDefinitionId: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/e147488a-f6f5-4113-8e2d-b22465e65bf6`,
      principalId: TARGET.spId,
      principalType: 'ServicePrincipal',
      description: null,
      condition: null,
      conditionVersion: null,
      createdOn: expect.any(Date),
      updatedOn: expect.any(Date),
      createdBy: null,
      updatedBy: null,
      delegatedManagedIdentityResourceId: null
    })
  })

  it('needs roleAssignments/read at or above the scope', async () => {
    const err = await restError(
      all(armClient(READER).roleAssignments.listForScope(`${SUB_SCOPE}/resourceGroups/rg-other`).byPage())
    )
    expect(err.statusCode).toBe(403)
    expect(err.code).toBe('AuthorizationFailed')
    expect(err.message).toBe(
      `The client '${READER.spId}' with object id '${READER.spId}' does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope '${SUB_SCOPE}/resourceGroups/rg-other' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    )
  })
})

describe('creating and deleting role assignments', () => {
  const readerRole = `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${READER_GUID}`
  const rgOther = `${SUB_SCOPE}/resourceGroups/rg-other`

  it('creates, restates and deletes an assignment as the examples show', async () => {
    const client = armClient(ADMIN)
    const name = '05c5a614-a7d6-4502-b150-c2fb455033ff'
    const params = {
      roleDefinitionId: readerRole,
      principalId: TARGET.spId,
      principalType: 'ServicePrincipal'
    }
    const created = await client.roleAssignments.create(rgOther, name, params)
    // RoleAssignments_CreateForSubscription.json response fields
    expect(created).toMatchObject({
      id: `${rgOther}/providers/Microsoft.Authorization/roleAssignments/${name}`,
      name,
      type: 'Microsoft.Authorization/roleAssignments',
      scope: rgOther,
      roleDefinitionId: readerRole,
      principalId: TARGET.spId,
      principalType: 'ServicePrincipal',
      createdBy: ADMIN.spId
    })
    const again = await client.roleAssignments.create(rgOther, name, params)
    expect(again.id).toBe(created.id)
    const got = await armClient(READER)
      .roleAssignments.get(rgOther, name)
      .catch((e: RestError) => e)
    expect((got as RestError).statusCode).toBe(403) // Reader holds rg-shared, not rg-other
    expect((await client.roleAssignments.get(rgOther, name)).principalId).toBe(TARGET.spId)
    const deleted = await client.roleAssignments.delete(rgOther, name)
    expect(deleted.id).toBe(created.id)
    const gone = await client.roleAssignments.delete(rgOther, name) // 204: "already deleted or does not exist"
    expect(gone.id).toBeUndefined()
    const notFound = await restError(client.roleAssignments.get(rgOther, name))
    expect([notFound.statusCode, notFound.code]).toEqual([404, 'RoleAssignmentNotFound'])
  })

  it('refuses the same assignment under a second name, and a name that would move', async () => {
    const client = armClient(ADMIN)
    const first = 'b0f43c54-e787-4862-89b1-a653fa9cf747'
    const params = {
      roleDefinitionId: readerRole,
      principalId: TARGET.spId,
      principalType: 'ServicePrincipal'
    }
    await client.roleAssignments.create(rgOther, first, params)
    const dup = await restError(
      client.roleAssignments.create(rgOther, '96786e4b-dede-4c2e-8736-8ab911987f08', params)
    )
    expect([dup.statusCode, dup.code, dup.message]).toEqual([
      409,
      'RoleAssignmentExists',
      'The role assignment already exists. The ID of the existing role assignment is b0f43c54e787486289b1a653fa9cf747.'
    ])
    const moved = await restError(client.roleAssignments.create(RG, first, params))
    expect([moved.statusCode, moved.code, moved.message]).toEqual([
      400,
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.'
    ])
    await client.roleAssignments.delete(rgOther, first)
  })

  it('validates the assignment name', async () => {
    const err = await restError(
      armClient(ADMIN).roleAssignments.create(rgOther, 'kv-role-assignement3', {
        roleDefinitionId: readerRole,
        principalId: TARGET.spId
      })
    )
    expect([err.statusCode, err.code, err.message]).toEqual([
      400,
      'InvalidRoleAssignmentId',
      "The role assignment ID 'kv-role-assignement3' is not valid. The role assignment ID must be a GUID."
    ])
  })

  it('needs roleAssignments/write: Contributor is refused', async () => {
    const name = '6b0e5c1a-0000-4000-8000-000000000001'
    const err = await restError(
      armClient(CONTRIBUTOR).roleAssignments.create(rgOther, name, {
        roleDefinitionId: readerRole,
        principalId: TARGET.spId
      })
    )
    expect(err.statusCode).toBe(403)
    expect(err.code).toBe('AuthorizationFailed')
    // learn.microsoft.com/azure/role-based-access-control/troubleshooting § Unable to assign a role
    expect(err.message).toBe(
      `The client '${CONTRIBUTOR.spId}' with object id '${CONTRIBUTOR.spId}' does not have authorization or an ABAC condition not fulfilled to perform action 'Microsoft.Authorization/roleAssignments/write' over scope '${rgOther}/providers/Microsoft.Authorization/roleAssignments/${name}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    )
  })

  it('lets a conditioned administrator assign only what the condition allows', async () => {
    const client = armClient(DELEGATE)
    const contributorRole = `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/b24988ac-6180-42a0-ab88-20f7382dd24c`
    const refused = await restError(
      client.roleAssignments.create(rgOther, '8d2e0000-0000-4000-8000-000000000001', {
        roleDefinitionId: contributorRole,
        principalId: TARGET.spId,
        principalType: 'ServicePrincipal'
      })
    )
    expect([refused.statusCode, refused.code]).toEqual([403, 'AuthorizationFailed'])
    const allowed = await client.roleAssignments.create(rgOther, '8d2e0000-0000-4000-8000-000000000002', {
      roleDefinitionId: readerRole,
      principalId: TARGET.spId,
      principalType: 'ServicePrincipal'
    })
    expect(allowed.scope).toBe(rgOther)
    await client.roleAssignments.delete(rgOther, '8d2e0000-0000-4000-8000-000000000002')
  })

  it('answers PrincipalNotFound while a new service principal replicates, unless principalType is set', async () => {
    // the customer admin consents: the provider app's service principal is created in the customer tenant
    const sp = await emulator.control.consent(CUSTOMER, PROVIDER_APP.appId)
    const client = armClient(ADMIN)
    const untyped = await restError(
      client.roleAssignments.create(rgOther, '7c1d0000-0000-4000-8000-000000000001', {
        roleDefinitionId: readerRole,
        principalId: sp.id
      })
    )
    expect(untyped.statusCode).toBe(400)
    expect(untyped.code).toBe('PrincipalNotFound')
    expect(untyped.message).toMatch(
      new RegExp(
        `^Principal ${sp.id.replace(/-/g, '')} does not exist in the directory ${CUSTOMER}\\. Check that you have the correct principal ID\\. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay\\. In this case, set the role assignment principalType property to a value, such as ServicePrincipal`
      )
    )
    const typed = await client.roleAssignments.create(rgOther, '7c1d0000-0000-4000-8000-000000000002', {
      roleDefinitionId: readerRole,
      principalId: sp.id,
      principalType: 'ServicePrincipal'
    })
    expect(typed.principalId).toBe(sp.id)
    const unknown = await restError(
      client.roleAssignments.create(rgOther, '7c1d0000-0000-4000-8000-000000000003', {
        roleDefinitionId: readerRole,
        principalId: '0dd00000-0000-4000-8000-000000000001',
        principalType: 'ServicePrincipal'
      })
    )
    expect(unknown.code).toBe('PrincipalNotFound')
  })
})

describe('role definitions', () => {
  it('finds a built-in role by name with the subscription in its id', async () => {
    const { items } = await all(
      armClient(READER).roleDefinitions.list(SUB_SCOPE, { filter: "roleName eq 'Reader'" }).byPage()
    )
    // GetRoleDefinitionByName.json shape; content from built-in-roles/general.md
    expect(items).toEqual([
      {
        id: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${READER_GUID}`,
        name: READER_GUID,
        type: 'Microsoft.Authorization/roleDefinitions',
        roleName: 'Reader',
        roleType: 'BuiltInRole',
        description: 'View all resources, but does not allow you to make any changes.',
        assignableScopes: ['/'],
        permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
      }
    ])
  })

  it('gets a role by GUID at a scope and by its tenant-level id', async () => {
    const client = armClient(READER)
    const officer = await client.roleDefinitions.get(RG, 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7')
    expect(officer.roleName).toBe('Key Vault Secrets Officer')
    expect(officer.permissions?.[0]?.dataActions).toEqual(['Microsoft.KeyVault/vaults/secrets/*'])
    const rbacAdmin = await client.roleDefinitions.getById(
      '/providers/Microsoft.Authorization/roleDefinitions/f58310d9-a9f6-439a-9e8d-f62e7b41a168'
    )
    expect(rbacAdmin.id).toBe(
      '/providers/Microsoft.Authorization/roleDefinitions/f58310d9-a9f6-439a-9e8d-f62e7b41a168'
    )
    expect(rbacAdmin.permissions?.[0]?.actions).toContain('Microsoft.Authorization/roleAssignments/write')
    const missing = await restError(client.roleDefinitions.get(RG, '00000000-0000-4000-8000-00000000abcd'))
    expect([missing.statusCode, missing.code]).toEqual([404, 'RoleDefinitionDoesNotExist'])
  })
})
