/**
 * Customer access across the whole ARM hierarchy, against the emulator through the real SDKs: roles held at a
 * management group or the root `/` and inherited below (decided from ARM's own at-or-above answer, not from the
 * scope strings), assignments below a scope that grant nothing there, and required roles whose scope is itself a
 * management group — checked, applied through the hand-off's delegation, and handed off.
 * Sources: https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest,
 * https://learn.microsoft.com/azure/role-based-access-control/scope-overview
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { TenantsConfig } from '../../src/config/types.js'
import { roleAssignmentName } from '../../src/azure/role-assignments.js'
import type { Emulator } from '../emulator/index.js'
import { FABRIKAM_ADMIN, customerAdmin, delegateAsAdmin } from '../support/customer-admin.js'
import {
  bridge,
  emulator,
  stopEmulators,
  parseTenants,
  PROVIDER_APP_YAML,
  GITHUB_MAIN_FEDERATED_YAML,
  scenarioWith
} from './harness.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const FABRIKAM_SP = '7c000000-0000-4000-8000-000000000001'
const SUB_ID = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const SUB = `/subscriptions/${SUB_ID}`
const RG_DATA = `${SUB}/resourceGroups/rg-data`
const MG_TOP = '/providers/Microsoft.Management/managementGroups/mg-fabrikam'
const MG_PROD = '/providers/Microsoft.Management/managementGroups/mg-fabrikam-prod'
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const MONITORING_READER = '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
const COST_READER = '72fafb9e-0641-4937-9268-a91bfd8191a3'
const APP = 'app:contoso-provider-access'

/**
 * customer-access.yml with a management-group hierarchy in Fabrikam: mg-fabrikam (under the tenant root group) ›
 * mg-fabrikam-prod › the production subscription. The app holds Reader at mg-fabrikam, Monitoring Reader at the
 * root `/`, and Storage Blob Data Reader at rg-data only (below the subscription). The customer's admin owns
 * mg-fabrikam.
 */
function hierarchyScenario(): Record<string, unknown> {
  return scenarioWith('customer-access.yml', FABRIKAM, fabrikam => {
    fabrikam.managementGroups = [
      { id: 'mg-fabrikam', displayName: 'Fabrikam' },
      {
        id: 'mg-fabrikam-prod',
        displayName: 'Fabrikam Production',
        parent: 'mg-fabrikam',
        subscriptions: [SUB_ID]
      }
    ]
    fabrikam.roleAssignments = [
      ...(fabrikam.roleAssignments as unknown[]),
      { scope: MG_TOP, role: 'Reader', principal: APP },
      { scope: '/', role: 'Monitoring Reader', principal: APP },
      { scope: RG_DATA, role: 'Storage Blob Data Reader', principal: APP },
      { scope: MG_TOP, role: 'Owner', principal: 'app:fabrikam-admin' }
    ]
  })
}

function tenantsFile(roleAssignments: string): TenantsConfig {
  return parseTenants(`${PROVIDER_APP_YAML}${GITHUB_MAIN_FEDERATED_YAML}tenants:
  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
${roleAssignments}`)
}

let emu: Emulator
afterEach(stopEmulators)

describe('roles held above the scope', () => {
  it('inherited from a management group two levels up and from the root; an assignment below is no coverage', async () => {
    emu = await emulator(hierarchyScenario())
    const { report } = await bridge(
      emu,
      tenantsFile(`      - { scope: ${SUB}, role: Reader }
      - { scope: ${RG_DATA}, role: Reader }
      - { scope: ${SUB}, role: Monitoring Reader }
      - { scope: ${SUB}, role: Storage Blob Data Reader }
      - { scope: ${MG_PROD}, role: Reader }
      - { scope: ${MG_TOP}, role: Reader }
`)
    )
    const fabrikam = report.tenants[0]!
    expect(fabrikam.roleAssignments.map(a => [a.scope, a.status, a.detail])).toEqual([
      [SUB, 'inherited', `Held through an assignment at ${MG_TOP}.`],
      [RG_DATA, 'inherited', `Held through an assignment at ${MG_TOP}.`],
      [SUB, 'inherited', 'Held through an assignment at /.'],
      // Held at rg-data only: nothing at the subscription, whatever the prefix of the strings says.
      [SUB, 'missing', undefined],
      [MG_PROD, 'inherited', `Held through an assignment at ${MG_TOP}.`],
      [MG_TOP, 'present', undefined]
    ])
    // The assignments that carry a required role are the file's, not extras; the one below the scope is an extra.
    const extras = fabrikam.unmanaged.map(u => [u.scope, u.roleDefinitionId])
    expect(extras).toContainEqual([RG_DATA, BLOB_READER])
    expect(extras).not.toContainEqual([MG_TOP, READER])
    expect(extras).not.toContainEqual(['/', MONITORING_READER])
    expect(fabrikam.drift[0]).toBe('1 required role assignment not in place')
    // The question ARM was asked: this principal, at the scope or above (no client-side hierarchy walk).
    const checks = (await emu.control.requests()).filter(
      r =>
        r.route === 'arm' &&
        r.method === 'GET' &&
        r.path === `${SUB}/providers/Microsoft.Authorization/roleAssignments`
    )
    expect(checks.map(r => new URLSearchParams(r.query).get('$filter'))).toContain(
      `atScope() and assignedTo('${FABRIKAM_SP}')`
    )
  })

  it('a role held at the scope itself is present, even where a management group above holds it too', async () => {
    const scenario = hierarchyScenario()
    const fabrikam = (scenario.tenants as Record<string, unknown>[]).find(t => t.id === FABRIKAM)!
    fabrikam.roleAssignments = [
      ...(fabrikam.roleAssignments as unknown[]),
      { scope: SUB, role: 'Reader', principal: APP }
    ]
    emu = await emulator(scenario)
    const { report } = await bridge(emu, tenantsFile(`      - { scope: ${SUB}, role: Reader }\n`))
    expect(report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual(['present'])
  })
})

describe('a required role at a management-group scope', () => {
  it('missing → awaiting the customer with a hand-off at the group → delegated → applied there → present, 0 writes', async () => {
    emu = await emulator(hierarchyScenario())
    const config = tenantsFile(`      - { scope: ${MG_PROD}, role: Cost Management Reader }
`)
    const plan = (await bridge(emu, config)).report.tenants[0]!
    // Read through Reader at mg-fabrikam; Permissions – List has no management-group form, so plan says missing.
    expect(plan.roleAssignments.map(a => a.status)).toEqual(['missing'])

    const refused = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    expect(refused.roleAssignments.map(a => a.status)).toEqual(['awaiting-customer'])
    const handoff = refused.handoff!
    expect(handoff.azScript).toContain(
      `az role assignment create --assignee-object-id ${FABRIKAM_SP} --assignee-principal-type ServicePrincipal --role ${COST_READER} --scope ${MG_PROD}`
    )
    expect(handoff.powershell).toContain(`-RoleDefinitionId '${COST_READER}' -Scope '${MG_PROD}'`)
    // A subscription deployment cannot create an assignment at a management group: no template that pretends to,
    // but a management-group deployment for the group.
    expect(handoff.armTemplate).toBeNull()
    expect(handoff.managementGroupTemplates?.map(t => t.managementGroupId)).toEqual(['mg-fabrikam-prod'])
    expect(handoff.delegation?.scopes).toEqual([MG_PROD])

    // The customer's admin runs the delegation at the group, as its script does.
    const admin = customerAdmin(emu, FABRIKAM_ADMIN)
    await delegateAsAdmin(admin, MG_PROD, FABRIKAM_SP, handoff.delegation!.condition)
    await emu.control.resetRequests()
    const applied = (await bridge(emu, config, { mode: 'apply' })).report
    expect(applied.tenants[0]!.roleAssignments.map(a => a.status)).toEqual(['applied'])
    const puts = (await emu.control.requests()).filter(r => r.method === 'PUT')
    expect(puts.map(r => [r.path, r.status])).toEqual([
      [
        `${MG_PROD}/providers/Microsoft.Authorization/roleAssignments/${roleAssignmentName(MG_PROD, FABRIKAM_SP, COST_READER)}`,
        201
      ]
    ])
    // As ARM shows it: at the group, with the tenant-level role definition id.
    const created = await admin.roleAssignments.get(
      MG_PROD,
      roleAssignmentName(MG_PROD, FABRIKAM_SP, COST_READER)
    )
    expect(created).toMatchObject({
      scope: MG_PROD,
      principalId: FABRIKAM_SP,
      roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${COST_READER}`
    })

    await emu.control.resetRequests()
    const again = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    expect(again.roleAssignments.map(a => a.status)).toEqual(['present'])
    expect((await emu.control.requests()).filter(r => r.write)).toEqual([])
  })

  it('without read rights at the group: unverifiable, with the documented reason, and counted as drift', async () => {
    const scenario = hierarchyScenario()
    const fabrikam = (scenario.tenants as Record<string, unknown>[]).find(t => t.id === FABRIKAM)!
    // Neither Reader at mg-fabrikam nor Monitoring Reader at the root (*/read): no roleAssignments/read at the group.
    fabrikam.roleAssignments = (fabrikam.roleAssignments as { scope: string; principal: string }[]).filter(
      a => !((a.scope === MG_TOP || a.scope === '/') && a.principal === APP)
    )
    emu = await emulator(scenario)
    const { report } = await bridge(
      emu,
      tenantsFile(`      - { scope: ${MG_PROD}, role: Cost Management Reader }\n`)
    )
    const [assignment] = report.tenants[0]!.roleAssignments
    expect(assignment?.status).toBe('unverifiable')
    expect(assignment?.detail).toContain('AuthorizationFailed (HTTP 403)')
    expect(assignment?.detail).toContain('ARM documents Permissions – List only for')
    expect(report.drift).toBe(true)
  })

  it('the management-group template creates what apply checks for: deployed as written, the next run says present', async () => {
    emu = await emulator(hierarchyScenario())
    const config = tenantsFile(`      - { scope: ${MG_PROD}, role: Cost Management Reader }\n`)
    const handoff = (await bridge(emu, config)).report.tenants[0]!.handoff!
    const template = handoff.managementGroupTemplates![0]!.template
    const [resource] = template.resources as {
      name: string
      properties: { roleDefinitionId: string; principalId: string; principalType: 'ServicePrincipal' }
    }[]
    // What `az deployment mg create` does with it: PUT the assignment at the group, under the template's name.
    await customerAdmin(emu, FABRIKAM_ADMIN).roleAssignments.create(
      MG_PROD,
      resource!.name,
      resource!.properties
    )
    await emu.control.resetRequests()
    const after = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    expect(after.roleAssignments.map(a => a.status)).toEqual(['present'])
    expect(after.handoff).toBeNull()
    expect((await emu.control.requests()).filter(r => r.write)).toEqual([])
  })
})
