/**
 * ARM's answers along the whole scope hierarchy — root `/` › management groups › subscription › resource group ›
 * resource — through the real @azure/arm-authorization client: what Role Assignments – List For Scope returns
 * with each documented filter, what Permissions – List counts, and how a custom role is found by name or GUID.
 * Sources (each expectation below names the sentence it follows):
 * - https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope — "Use $filter=atScope() to
 *   return all role assignments at or above the scope. Use $filter=principalId eq {id} to return all role
 *   assignments at, above or below the scope for the specified principal."
 * - https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest — `atScope()` "not
 *   including the role assignments at subscopes"; `atScope()+and+assignedTo('{objectId}')`; role definitions by
 *   `roleName eq '{roleDisplayName}'`.
 * - https://learn.microsoft.com/azure/role-based-access-control/scope-overview — inheritance from parent scopes.
 * - https://learn.microsoft.com/rest/api/authorization/permissions — "Gets all permissions the caller has".
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { ClientSecretCredential } from '@azure/identity'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'

const PROVIDER = '31111111-1111-4111-8111-111111111111'
const CUSTOMER = '37f3a2c1-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const SUB = '3b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const SUB_SCOPE = `/subscriptions/${SUB}`
const RG = `${SUB_SCOPE}/resourceGroups/rg-data`
const TOP = '/providers/Microsoft.Management/managementGroups/mg-top'
const PROD = '/providers/Microsoft.Management/managementGroups/mg-prod'
const AUDITOR = '3d000000-0000-4000-8000-0000000000a1'
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const MONITORING_READER = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
const ARM_SCOPE = 'https://management.azure.com/.default'

const APP = { appId: '3e100000-0000-4000-8000-000000000001', spId: '3e200000-0000-4000-8000-000000000001' }
const SECRET = 'secret~hierarchy.conformance'

const scenario = {
  tenants: [
    { id: PROVIDER, displayName: 'Contoso' },
    {
      id: CUSTOMER,
      displayName: 'Fabrikam',
      applications: [
        {
          id: '3e300000-0000-4000-8000-000000000001',
          appId: APP.appId,
          uniqueName: 'auditor',
          displayName: 'auditor',
          passwords: [
            { secret: SECRET, startDateTime: '2026-01-01T00:00:00Z', endDateTime: '2099-01-01T00:00:00Z' }
          ]
        }
      ],
      servicePrincipals: [{ id: APP.spId, app: 'auditor' }],
      subscriptions: [{ id: SUB, resourceGroups: [{ name: 'rg-data' }] }],
      managementGroups: [{ id: 'mg-top' }, { id: 'mg-prod', parent: 'mg-top', subscriptions: [SUB] }],
      roleDefinitions: [
        {
          name: AUDITOR,
          roleName: 'Fabrikam Blob Auditor',
          assignableScopes: [TOP],
          permissions: [
            {
              actions: ['Microsoft.Storage/storageAccounts/read'],
              dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']
            }
          ]
        }
      ],
      roleAssignments: [
        { scope: '/', role: 'Monitoring Reader', principal: 'app:auditor' },
        { scope: TOP, role: 'Fabrikam Blob Auditor', principal: 'app:auditor' },
        { scope: PROD, role: 'Reader', principal: 'app:auditor' },
        { scope: RG, role: 'Storage Blob Data Reader', principal: 'app:auditor' }
      ]
    }
  ]
}

let emulator: Emulator
let client: AuthorizationManagementClient

beforeAll(async () => {
  emulator = await startEmulator({ scenario })
  const credential = new ClientSecretCredential(CUSTOMER, APP.appId, SECRET, {
    authorityHost: emulator.endpoints.authorityHost,
    disableInstanceDiscovery: true,
    tlsOptions: { ca: emulator.ca }
  })
  client = new AuthorizationManagementClient(credential, SUB, {
    endpoint: emulator.endpoints.armEndpoint,
    credentialScopes: [ARM_SCOPE],
    tlsOptions: { ca: emulator.ca }
  })
})
afterAll(async () => {
  await emulator?.stop()
})

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = []
  for await (const item of pages) items.push(item)
  return items
}

const scopesOf = (items: { scope?: string }[]): string[] => items.map(a => a.scope ?? '').sort()

describe('Role Assignments – List For Scope along the hierarchy', () => {
  it('atScope() at a subscription: at or above it — its management groups and the root — never below', async () => {
    const listed = await all(client.roleAssignments.listForScope(SUB_SCOPE, { filter: 'atScope()' }))
    expect(scopesOf(listed)).toEqual(['/', PROD, TOP].sort())
  })

  it('atScope() and assignedTo() at a resource group: the principal’s assignments there and above', async () => {
    const listed = await all(
      client.roleAssignments.listForScope(RG, { filter: `atScope() and assignedTo('${APP.spId}')` })
    )
    expect(scopesOf(listed)).toEqual(['/', PROD, RG, TOP].sort())
    expect(listed.find(a => a.scope === '/')).toMatchObject({
      id: `/providers/Microsoft.Authorization/roleAssignments/${listed.find(a => a.scope === '/')?.name}`,
      roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${MONITORING_READER}`,
      principalId: APP.spId
    })
  })

  it('principalId eq at a management group: at, above and below it', async () => {
    const listed = await all(
      client.roleAssignments.listForScope(PROD, { filter: `principalId eq '${APP.spId}'` })
    )
    expect(scopesOf(listed)).toEqual(['/', PROD, RG, TOP].sort())
    // the role definition id of an assignment outside a subscription is the tenant-level one
    expect(listed.find(a => a.scope === PROD)?.roleDefinitionId).toBe(
      `/providers/Microsoft.Authorization/roleDefinitions/${READER}`
    )
    expect(listed.find(a => a.scope === RG)?.roleDefinitionId).toBe(
      `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${BLOB_READER}`
    )
  })

  it('atScope() at a management group: the group and its ancestors, not the subscriptions below', async () => {
    const listed = await all(client.roleAssignments.listForScope(PROD, { filter: 'atScope()' }))
    expect(scopesOf(listed)).toEqual(['/', PROD, TOP].sort())
  })
})

describe('Permissions – List counts roles inherited through management groups and the root', () => {
  it('a resource group below mg-prod › mg-top › / reports the blocks of every role held above it', async () => {
    const blocks = await all(client.permissions.listForResourceGroup('rg-data'))
    const actions = blocks.flatMap(b => b.actions ?? [])
    const dataActions = blocks.flatMap(b => b.dataActions ?? [])
    expect(actions).toContain('*/read') // Reader at mg-prod, Monitoring Reader at /
    expect(actions).toContain('Microsoft.Storage/storageAccounts/read') // the custom role at mg-top
    expect(dataActions).toContain('Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read')
    expect(blocks).toHaveLength(4)
  })
})

describe('custom roles, by name and by GUID, where they are assignable', () => {
  it('Role Definitions – List with roleName eq finds a custom role below its assignable scope', async () => {
    const found = await all(
      client.roleDefinitions.list(RG, { filter: "roleName eq 'Fabrikam Blob Auditor'" })
    )
    expect(found.map(r => [r.name, r.roleType])).toEqual([[AUDITOR, 'CustomRole']])
    expect(found[0]?.permissions?.[0]?.dataActions).toEqual([
      'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
    ])
    await expect(
      all(client.roleDefinitions.list(RG, { filter: "roleName eq 'Fabrikam Blob Audtor'" }))
    ).resolves.toEqual([])
  })

  it('Role Definitions – Get by GUID at a subscription returns the subscription-qualified id', async () => {
    const role = await client.roleDefinitions.get(SUB_SCOPE, AUDITOR)
    expect(role).toMatchObject({
      id: `${SUB_SCOPE}/providers/Microsoft.Authorization/roleDefinitions/${AUDITOR}`,
      roleName: 'Fabrikam Blob Auditor',
      assignableScopes: [TOP]
    })
  })
})
