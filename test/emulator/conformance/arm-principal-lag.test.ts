/**
 * ARM's PrincipalNotFound while a new principal replicates, through the real @azure/arm-authorization client:
 * the lag model (a request without `principalType` is refused, one stating it is taken — the documented remedy,
 * https://learn.microsoft.com/azure/role-based-access-control/role-assignments-rest#new-service-principal) and the
 * `principal-not-found` fault, ARM's answer when the assignment "sometimes fails" anyway
 * (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---assigning-a-role-to-a-new-principal-sometimes-fails),
 * in the error shape and words that page quotes.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { ClientSecretCredential } from '@azure/identity'
import { restError } from './support.js'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'
import { fileURLToPath } from 'node:url'

const WOODGROVE = '6e000000-0000-4000-8000-000000000001'
const PROVIDER_APP = '2b000000-0000-4000-8000-000000000001'
const SUB_ID = '6d000000-0000-4000-8000-000000000001'
const RG = `/subscriptions/${SUB_ID}/resourceGroups/rg-data`
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const NAME = '6f000000-0000-4000-8000-0000000000a1'

let emulator: Emulator
let admin: AuthorizationManagementClient
let principalId: string

beforeAll(async () => {
  emulator = await startEmulator({
    scenario: fileURLToPath(new URL('../scenarios/customer-access.yml', import.meta.url))
  })
  admin = new AuthorizationManagementClient(
    new ClientSecretCredential(WOODGROVE, '6b100000-0000-4000-8000-000000000001', 'woodgrove.admin.secret', {
      authorityHost: emulator.endpoints.authorityHost,
      disableInstanceDiscovery: true,
      tlsOptions: { ca: emulator.ca }
    }),
    SUB_ID,
    {
      endpoint: emulator.endpoints.armEndpoint,
      credentialScopes: ['https://management.azure.com/.default'],
      tlsOptions: { ca: emulator.ca },
      retryOptions: { maxRetries: 0 }
    }
  )
  await emulator.control.setLags({ servicePrincipalMs: 600_000 })
  principalId = (await emulator.control.consent(WOODGROVE, PROVIDER_APP)).id
})
afterAll(async () => {
  await emulator?.stop()
})

const body = (principalType?: 'ServicePrincipal') => ({
  roleDefinitionId: `/subscriptions/${SUB_ID}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
  principalId,
  ...(principalType ? { principalType } : {})
})

const DOCUMENTED = (id: string) =>
  `Principal ${id.replace(/-/g, '')} does not exist in the directory ${WOODGROVE}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`

describe('a principal still replicating', () => {
  it('without principalType: 400 PrincipalNotFound, in the troubleshooting page’s words', async () => {
    const err = await restError(admin.roleAssignments.create(RG, NAME, body()))
    expect([err.statusCode, err.code, err.message]).toEqual([
      400,
      'PrincipalNotFound',
      DOCUMENTED(principalId)
    ])
  })

  it('the principal-not-found fault answers the same for N requests that state principalType, then ARM decides', async () => {
    await emulator.control.addFault({
      route: 'arm',
      method: 'PUT',
      path: '/roleAssignments/',
      fault: 'principal-not-found',
      count: 2
    })
    for (let i = 0; i < 2; i++) {
      const err = await restError(admin.roleAssignments.create(RG, NAME, body('ServicePrincipal')))
      expect([err.statusCode, err.code, err.message]).toEqual([
        400,
        'PrincipalNotFound',
        DOCUMENTED(principalId)
      ])
    }
    await expect(admin.roleAssignments.create(RG, NAME, body('ServicePrincipal'))).resolves.toMatchObject({
      principalId,
      principalType: 'ServicePrincipal',
      scope: RG
    })
    const puts = (await emulator.control.requests()).filter(r => r.method === 'PUT')
    expect(puts.slice(-3).map(r => [r.status, r.fault ?? null])).toEqual([
      [400, 'principal-not-found'],
      [400, 'principal-not-found'],
      [201, null]
    ])
  })

  it('refuses the fault on any route but ARM', async () => {
    await expect(
      emulator.control.addFault({ route: 'graph', fault: 'principal-not-found', count: 1 })
    ).rejects.toThrow(/route must be 'arm'/)
  })
})
