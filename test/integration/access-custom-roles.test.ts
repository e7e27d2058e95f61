/**
 * Custom roles against the emulator, through the real SDKs: resolved in the customer tenant by name (Role
 * Definitions – List with `roleName eq`, at the scope) or by GUID, judged from the app's effective permissions where
 * it may not read role assignments (the role's own actions and dataActions), applied under the hand-off's
 * delegation, and a name the tenant does not define reported as that role's error — not a crash, not "missing".
 * Sources: https://learn.microsoft.com/rest/api/authorization/role-definitions/list,
 * https://learn.microsoft.com/azure/role-based-access-control/custom-roles
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { TenantsConfig } from '../../src/config/types.js'
import { roleAssignmentName } from '../../src/azure/role-assignments.js'
import { failureFor } from '../../src/report/outputs.js'
import type { Emulator } from '../emulator/index.js'
import { FABRIKAM_ADMIN, customerAdmin, delegateAsAdmin } from '../support/customer-admin.js'
import { bridge, emulator, stopEmulators, parseTenants, PROVIDER_APP_YAML, scenarioWith } from './harness.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const FABRIKAM_SP = '7c000000-0000-4000-8000-000000000001'
const SUB_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const SUB = `/subscriptions/${SUB_ID}`
const RG_SHARED = `${SUB}/resourceGroups/rg-shared`
const RG_DATA = `${SUB}/resourceGroups/rg-data`
const AUDITOR = '7d000000-0000-4000-8000-0000000000a1'
const ROTATOR = '7d000000-0000-4000-8000-0000000000a2'

/**
 * customer-access.yml with two custom roles in Fabrikam, assignable in the production subscription: "Fabrikam Blob
 * Auditor" (held by the app at rg-data, where it may not read role assignments) and "Fabrikam Key Rotator" (held by
 * nobody).
 */
function customRoleScenario(): Record<string, unknown> {
  return scenarioWith('customer-access.yml', FABRIKAM, fabrikam => {
    fabrikam.roleDefinitions = [
      {
        name: AUDITOR,
        roleName: 'Fabrikam Blob Auditor',
        description: 'Reads blobs and their accounts.',
        assignableScopes: [SUB],
        permissions: [
          {
            actions: ['Microsoft.Storage/storageAccounts/read'],
            dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read']
          }
        ]
      },
      {
        name: ROTATOR,
        roleName: 'Fabrikam Key Rotator',
        assignableScopes: [SUB],
        permissions: [
          {
            actions: ['Microsoft.KeyVault/vaults/read'],
            dataActions: ['Microsoft.KeyVault/vaults/keys/rotate/action']
          }
        ]
      }
    ]
    fabrikam.roleAssignments = [
      ...(fabrikam.roleAssignments as unknown[]),
      { scope: RG_DATA, role: 'Fabrikam Blob Auditor', principal: 'app:contoso-provider-access' }
    ]
  })
}

function tenantsFile(roleAssignments: string): TenantsConfig {
  return parseTenants(`${PROVIDER_APP_YAML}tenants:
  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
${roleAssignments}`)
}

let emu: Emulator
afterEach(stopEmulators)

const FILE = `      - { scope: ${RG_DATA}, role: Fabrikam Blob Auditor }
      - { scope: ${RG_DATA}, role: ${ROTATOR} }
      - { scope: ${RG_SHARED}, role: Fabrikam Blob Auditor }
      - { scope: ${RG_DATA}, role: Fabrikam Blob Audtor }
`

describe('custom roles', () => {
  it('by name and by GUID, judged from effective permissions without read rights; an unknown name is that role’s error', async () => {
    emu = await emulator(customRoleScenario())
    const { report } = await bridge(emu, tenantsFile(FILE))
    const roles = report.tenants[0]!.roleAssignments
    expect(roles.map(a => [a.role, a.roleDefinitionId, a.status])).toEqual([
      // rg-data: no roleAssignments/read there; Permissions – List shows the role's action and data action
      ['Fabrikam Blob Auditor', AUDITOR, 'present'],
      // by GUID: its keys/rotate data action is not among the app's permissions, nor roleAssignments/write
      [ROTATOR, ROTATOR, 'awaiting-customer'],
      // rg-shared: Reader there lets the app list assignments: verified absent, and it may not assign it itself
      ['Fabrikam Blob Auditor', AUDITOR, 'awaiting-customer'],
      ['Fabrikam Blob Audtor', '', 'error']
    ])
    expect(roles[0]?.detail).toContain('effective permissions')
    expect(roles[3]?.detail).toBe(
      `No role named "Fabrikam Blob Audtor" is defined at ${RG_DATA} in this tenant (neither built in nor a custom role assignable there): check the name in the tenants file, or ask the customer's admin to create the custom role with this scope among its assignable scopes.`
    )
    // A typo fails the run as an error (fail-on's default), not as drift to wait out.
    expect(failureFor(report, new Set(['error']))).toContain('1 role assignment in error')
    expect(report.tenants[0]!.drift).toEqual(['2 required role assignments not in place'])

    // Asked of the tenant, at the scope: by name with the documented filter, by GUID with a GET.
    const definitions = (await emu.control.requests()).filter(r => r.path.includes('/roleDefinitions'))
    expect(definitions.map(r => [r.path, new URLSearchParams(r.query).get('$filter')])).toEqual(
      expect.arrayContaining([
        [
          `${RG_DATA}/providers/Microsoft.Authorization/roleDefinitions`,
          "roleName eq 'Fabrikam Blob Auditor'"
        ],
        [`${RG_DATA}/providers/Microsoft.Authorization/roleDefinitions/${ROTATOR}`, null],
        [`${RG_DATA}/providers/Microsoft.Authorization/roleDefinitions`, "roleName eq 'Fabrikam Blob Audtor'"]
      ])
    )
    const permissions = (await emu.control.requests()).filter(r => r.path.endsWith('/permissions'))
    // (the SDK writes the resourcegroups segment in lower case, as its swagger path does)
    expect(permissions.map(r => r.path.toLowerCase())).toContain(
      `${RG_DATA}/providers/Microsoft.Authorization/permissions`.toLowerCase()
    )
  })

  it('applied under the delegation, which names the custom roles’ GUIDs; the second apply writes nothing', async () => {
    emu = await emulator(customRoleScenario())
    const config = tenantsFile(FILE)
    const first = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    const delegation = first.handoff?.delegation
    expect(delegation?.condition).toContain(`{${AUDITOR}, ${ROTATOR}}`)
    // The customer's admin delegates, as the hand-off's script does.
    await delegateAsAdmin(customerAdmin(emu, FABRIKAM_ADMIN), SUB, FABRIKAM_SP, delegation!.condition)
    await emu.control.resetRequests()
    const applied = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    expect(applied.roleAssignments.map(a => a.status)).toEqual(['present', 'applied', 'applied', 'error'])
    const puts = (await emu.control.requests()).filter(r => r.method === 'PUT')
    expect(puts.map(r => [r.path, r.status])).toEqual([
      [
        `${RG_DATA}/providers/Microsoft.Authorization/roleAssignments/${roleAssignmentName(RG_DATA, FABRIKAM_SP, ROTATOR)}`,
        201
      ],
      [
        `${RG_SHARED}/providers/Microsoft.Authorization/roleAssignments/${roleAssignmentName(RG_SHARED, FABRIKAM_SP, AUDITOR)}`,
        201
      ]
    ])
    await emu.control.resetRequests()
    const again = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    expect(again.roleAssignments.map(a => a.status)).toEqual(['present', 'present', 'present', 'error'])
    expect((await emu.control.requests()).filter(r => r.write)).toEqual([])
  })
})
