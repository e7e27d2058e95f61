/**
 * Customer access against the emulator, through the real SDKs: every role-assignment status, the scope kinds,
 * drift apart from onboarding, the customer hand-off and its RBAC Administrator delegation, and the probes.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { resolveCloud } from '../../src/cloud.js'
import type { TenantsConfig } from '../../src/config/types.js'
import { RetryBudget, clientOptions } from '../../src/azure/pipeline.js'
import { ArmClients } from '../../src/azure/arm-clients.js'
import { secretCredential, tokenEndpoint } from '../../src/azure/credentials.js'
import { RoleAssignments, roleAssignmentName } from '../../src/azure/role-assignments.js'
import { RBAC_ADMINISTRATOR_ROLE_ID } from '../../src/model/roles.js'
import type { Emulator } from '../emulator/index.js'
import { FABRIKAM_ADMIN, WOODGROVE_ADMIN, customerAdmin, delegateAsAdmin } from '../support/customer-admin.js'
import { conditionHolds } from '../emulator/state/resources-condition.js'
import {
  GITHUB_MAIN_FEDERATED_YAML,
  PROVIDER_APP_YAML,
  bridge,
  emulator,
  parseTenants,
  stopEmulators,
  scenarioWith
} from './harness.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const WOODGROVE = '6e000000-0000-4000-8000-000000000001'
const FABRIKAM_SP = '7c000000-0000-4000-8000-000000000001'
const SUB = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const RG_SHARED = `${SUB}/resourceGroups/rg-shared`
const RG_DATA = `${SUB}/resourceGroups/rg-data`
const KV = `${RG_SHARED}/providers/Microsoft.KeyVault/vaults/kv-fabrikam`
const WG_SUB = '/subscriptions/6d000000-0000-4000-8000-000000000001'
const WG_RG = `${WG_SUB}/resourceGroups/rg-data`
const WG_KV = `${WG_RG}/providers/Microsoft.KeyVault/vaults/kv-woodgrove`
const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
const BLOB_READER = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
const UAA = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'

const APP = `${PROVIDER_APP_YAML}${GITHUB_MAIN_FEDERATED_YAML}tenants:
`

function tenantsFile(tenants: string): TenantsConfig {
  return parseTenants(`${APP}${tenants}`)
}

let emu: Emulator
afterEach(stopEmulators)

const writes = async (e: Emulator) =>
  (await e.control.requests()).filter(r => r.write).map(r => `${r.method} ${r.route}`)

/** An admin of a customer tenant, through the real ARM SDK (an app with Owner on the subscription). */
/** The provider's app in a customer tenant, signed in and reading ARM exactly as the action does. */
function appAssignmentsIn(e: Emulator, tenantId: string): RoleAssignments {
  const cloud = resolveCloud('custom', e.endpoints.cloudEndpoints)
  const options = clientOptions(new RetryBudget(60))
  const credential = secretCredential(
    tokenEndpoint(cloud, options, () => undefined),
    tenantId,
    '2b000000-0000-4000-8000-000000000001',
    'Qx7~seeded.provider.secret.2026-10-01'
  )
  const client = new ArmClients(cloud, options).client(credential)
  return new RoleAssignments(() => client)
}

describe('role-assignment statuses', () => {
  it('present, inherited, awaiting-customer and unverifiable in one plan, and unverifiable counts as drift', async () => {
    emu = await emulator('customer-access.yml')
    const config = tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
      - { scope: ${RG_SHARED}, role: Reader }
      - { scope: ${KV}, role: Reader }
      - { scope: ${RG_DATA}, role: Storage Blob Data Reader }
      - { scope: ${SUB}, role: Reader }
`)
    const { report } = await bridge(emu, config)
    const fabrikam = report.tenants[0]!
    expect(fabrikam.roleAssignments.map(a => [a.scope, a.status])).toEqual([
      [RG_SHARED, 'present'],
      [KV, 'inherited'],
      [RG_DATA, 'awaiting-customer'],
      [SUB, 'unverifiable']
    ])
    expect(fabrikam.roleAssignments[1]?.detail).toBe(`Held through an assignment at ${RG_SHARED}.`)
    // No read rights at rg-data: its effective permissions there (none) prove the role absent and not assignable.
    expect(fabrikam.roleAssignments[2]?.detail).toContain('roleAssignments/write')
    // A subscription has no documented Permissions – List: never green by silence.
    expect(fabrikam.roleAssignments[3]?.detail).toContain('ARM documents Permissions – List only for')
    expect(fabrikam.drift).toEqual(['2 required role assignments not in place'])
    expect(report.drift).toBe(true)
    expect(report.steps.map(s => s.kind)).toEqual(['request-grant', 'assign-role'])
    expect(fabrikam.handoff?.grants.map(g => g.roleDefinitionId)).toEqual([BLOB_READER, READER])
  })

  it('present from effective permissions alone, where the app may not read role assignments', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.deleteRoleAssignment(
      `${RG_SHARED}/providers/Microsoft.Authorization/roleAssignments/7a000000-0000-4000-8000-000000000001`
    )
    const { report } = await bridge(
      emu,
      tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
      - { scope: ${KV}, role: Key Vault Secrets User }
      - { scope: ${KV}, role: Key Vault Secrets Officer }
`)
    )
    const [user, officer] = report.tenants[0]!.roleAssignments
    expect(user).toMatchObject({
      status: 'present',
      detail: expect.stringContaining('effective permissions')
    })
    // Secrets Officer's secrets/* is more than Secrets User's two data actions: verified absent.
    expect(officer?.status).toBe('awaiting-customer')
    const listed = (await emu.control.requests()).filter(r => r.path.includes('/permissions'))
    expect(listed.length).toBeGreaterThan(0)
  })

  it('missing → applied at subscription, resource group and resource scope; the second apply sends no write', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.addRoleAssignment({ scope: SUB, roleDefinitionId: UAA, principalId: FABRIKAM_SP })
    const config = tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
      - { scope: ${SUB}, role: Storage Blob Data Reader }
      - { scope: ${RG_DATA}, role: Storage Blob Data Reader }
      - { scope: ${KV}, role: Key Vault Secrets Officer }
`)
    const plan = await bridge(emu, config)
    expect(plan.report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual([
      'missing',
      'missing',
      'missing'
    ])
    const first = await bridge(emu, config, { mode: 'apply' })
    expect(first.report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual([
      'applied',
      'applied',
      'applied'
    ])
    // Under the deterministic names the hand-off's ARM template uses too.
    const names = (await writes(emu)).filter(w => w.startsWith('PUT'))
    expect(names).toHaveLength(3)
    await emu.control.resetRequests()
    const second = await bridge(emu, config, { mode: 'apply' })
    // Each was created at its own scope: present there, although the subscription-wide one covers rg-data too.
    expect(second.report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual([
      'present',
      'present',
      'present'
    ])
    expect(await writes(emu)).toEqual([])
  })

  it('skipped before consent: onboarding is needs-consent, not drift; without onboarding it is drift', async () => {
    emu = await emulator('customer-access.yml')
    const woodgrove = (onboarding: boolean) =>
      tenantsFile(`  - name: Woodgrove
    tenantId: ${WOODGROVE}
    onboarding: ${onboarding}
    roleAssignments:
      - { scope: ${WG_RG}, role: Reader }
      - { scope: ${WG_KV}, role: Key Vault Secrets User }
`)
    const onboarding = (await bridge(emu, woodgrove(true))).report
    const tenant = onboarding.tenants[0]!
    expect(tenant.consent.status).toBe('needs-consent')
    expect(tenant.roleAssignments.map(a => a.status)).toEqual(['skipped', 'skipped'])
    expect(tenant.drift).toEqual([])
    expect(onboarding.drift).toBe(false)
    // The hand-off is ready before consent: by app id, as the principal id is not known yet.
    expect(tenant.handoff?.azScript).toContain('--assignee 2b000000-0000-4000-8000-000000000001')
    expect(tenant.handoff?.armTemplate).toBeNull()
    const established = (await bridge(emu, woodgrove(false))).report
    expect(established.tenants[0]!.drift).toEqual(['not consented, and not onboarding: consent was revoked'])
    expect(established.drift).toBe(true)
  })

  it('pages through more than 250 role assignments of the app', async () => {
    type Fabrikam = { subscriptions?: { resourceGroups: { name: string }[] }[]; roleAssignments?: unknown[] }
    const scenario = scenarioWith<Fabrikam>('customer-access.yml', FABRIKAM, fabrikam => {
      for (let i = 0; i < 260; i++) {
        fabrikam.subscriptions![0]!.resourceGroups.push({ name: `rg-${i}` })
        fabrikam.roleAssignments!.push({
          scope: `${SUB}/resourceGroups/rg-${i}`,
          role: 'Reader',
          principal: 'app:contoso-provider-access'
        })
      }
      fabrikam.roleAssignments!.push({ scope: SUB, role: 'Reader', principal: 'app:contoso-provider-access' })
      // Granted last: the listing at the subscription (every assignment below it too) must be followed to its end.
      fabrikam.roleAssignments!.push({
        scope: SUB,
        role: 'Storage Blob Data Reader',
        principal: 'app:contoso-provider-access'
      })
    })
    emu = await emulator(scenario)
    const { report } = await bridge(
      emu,
      tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
      - { scope: ${SUB}, role: Storage Blob Data Reader }
`)
    )
    expect(report.tenants[0]!.roleAssignments[0]?.status).toBe('present')
    const pages = (await emu.control.requests()).filter(
      r => r.method === 'GET' && r.path.startsWith(`${SUB}/providers/Microsoft.Authorization/roleAssignments`)
    )
    // 3 per page in the emulator: the listing was followed to its end, not cut at the first page.
    expect(pages.length).toBeGreaterThan(250 / 3)
  })
})

describe('writing role assignments', () => {
  it('a 409 for the same assignment under a foreign name is "present", not a failure', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.addRoleAssignment({ scope: SUB, roleDefinitionId: UAA, principalId: FABRIKAM_SP })
    // The customer granted it by hand, under a name of their own.
    await emu.control.addRoleAssignment({
      scope: RG_DATA,
      roleDefinitionId: BLOB_READER,
      principalId: FABRIKAM_SP
    })
    const assignments = appAssignmentsIn(emu, FABRIKAM)
    await expect(assignments.assign(RG_DATA, BLOB_READER, FABRIKAM_SP)).resolves.toEqual({
      status: 'present'
    })
    const puts = (await emu.control.requests()).filter(r => r.method === 'PUT')
    expect(puts.map(r => r.status)).toEqual([409])
  })

  it('during the replication lag of a just-consented principal: created, because principalType is stated', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.setLags({ servicePrincipalMs: 0 })
    const sp = await emu.control.consent(WOODGROVE, '2b000000-0000-4000-8000-000000000001')
    await emu.control.setLags({ servicePrincipalMs: 600_000 })
    const admin = customerAdmin(emu, WOODGROVE_ADMIN)
    // Without principalType ARM answers PrincipalNotFound while the principal replicates…
    await expect(
      admin.roleAssignments.create(WG_RG, roleAssignmentName(WG_RG, sp.id, READER), {
        roleDefinitionId: `${WG_SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
        principalId: sp.id
      })
    ).rejects.toMatchObject({ code: 'PrincipalNotFound' })
    // …the hand-off's and apply's requests state it, and go through.
    await expect(
      admin.roleAssignments.create(WG_RG, roleAssignmentName(WG_RG, sp.id, READER), {
        roleDefinitionId: `${WG_SUB}/providers/Microsoft.Authorization/roleDefinitions/${READER}`,
        principalId: sp.id,
        principalType: 'ServicePrincipal'
      })
    ).resolves.toMatchObject({ principalId: sp.id })
  })
})

describe('the RBAC Administrator delegation of the hand-off', () => {
  it('lets apply create exactly the listed roles, and refuses one more', async () => {
    emu = await emulator('customer-access.yml')
    const config = tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
      - { scope: ${RG_DATA}, role: Storage Blob Data Reader }
      - { scope: ${KV}, role: Key Vault Secrets Officer }
      - { scope: ${RG_SHARED}, role: Reader }
      - { scope: ${KV}, role: Key Vault Secrets User }
`)
    const before = (await bridge(emu, config, { mode: 'apply' })).report.tenants[0]!
    expect(before.roleAssignments.map(a => a.status)).toEqual([
      'awaiting-customer',
      'awaiting-customer',
      'present',
      'present'
    ])
    const delegation = before.handoff?.delegation
    expect(delegation?.scopes).toEqual([SUB])
    // The condition the hand-off generates, judged by the emulator's evaluator.
    const request = (role: string) => ({
      action: 'Microsoft.Authorization/roleAssignments/write',
      request: { roleDefinitionId: role, principalId: FABRIKAM_SP, principalType: 'ServicePrincipal' }
    })
    expect(conditionHolds(delegation!.condition, request(BLOB_READER))).toBe(true)
    expect(conditionHolds(delegation!.condition, request(UAA))).toBe(false)

    // The customer's admin grants it, as the script does.
    await delegateAsAdmin(customerAdmin(emu, FABRIKAM_ADMIN), SUB, FABRIKAM_SP, delegation!.condition)
    const after = (await bridge(emu, config, { mode: 'apply' })).report
    expect(after.tenants[0]!.roleAssignments.map(a => a.status)).toEqual([
      'applied',
      'applied',
      'present',
      'present'
    ])
    // The delegation is how apply manages grants: not an unmanaged extra.
    expect(after.tenants[0]!.unmanaged).toEqual([])
    expect(after.drift).toBe(false)

    // One role more than the file lists: the condition refuses it.
    const assignments = appAssignmentsIn(emu, FABRIKAM)
    await expect(assignments.assign(RG_DATA, UAA, FABRIKAM_SP)).resolves.toMatchObject({
      status: 'not-permitted',
      detail: expect.stringContaining('ABAC condition')
    })
  })
})

describe('probes', () => {
  it('verified, denied with the code, and error', async () => {
    emu = await emulator('customer-access.yml')
    const { report } = await bridge(
      emu,
      tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    roleAssignments:
      - { scope: ${RG_SHARED}, role: Reader }
    probes:
      - { keyVault: kv-fabrikam, secret: cmk-check }
      - { arm: ${RG_SHARED} }
      - { arm: ${RG_DATA} }
      - { keyVault: kv-fabrikam, secret: no-such-secret }
      - { keyVault: kv-woodgrove, secret: app-check }
`)
    )
    const probes = report.tenants[0]!.probes
    expect(probes.map(p => [p.target, p.status])).toEqual([
      ['kv-fabrikam › cmk-check', 'verified'],
      [RG_SHARED, 'verified'],
      [RG_DATA, 'denied'],
      ['kv-fabrikam › no-such-secret', 'error'],
      // Another customer's vault: the app cannot even get a token for that tenant.
      ['kv-woodgrove › app-check', 'error']
    ])
    expect(probes[2]?.code).toBe('AuthorizationFailed (HTTP 403)')
    expect(probes[3]?.code).toBe('SecretNotFound')
    expect(report.tenants[0]!.drift).toEqual(['1 probe denied'])
    // The probe reads attributes only: the value never reaches the action.
    expect(JSON.stringify(report)).not.toContain('fabrikam.probe.value.never.read')
    const vaultReads = (await emu.control.requests()).filter(
      r => r.route === 'keyvault' && /cmk-check|no-such-secret/.test(r.path)
    )
    expect(vaultReads.length).toBeGreaterThan(0)
    expect(vaultReads.every(r => r.path.endsWith('/versions'))).toBe(true)

    // The customer takes the data role away: the vault refuses the app.
    await emu.control.deleteRoleAssignment(
      `${KV}/providers/Microsoft.Authorization/roleAssignments/7a000000-0000-4000-8000-000000000002`
    )
    const again = await bridge(
      emu,
      tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    probes:
      - { keyVault: kv-fabrikam, secret: cmk-check }
`)
    )
    expect(again.report.tenants[0]!.probes[0]).toMatchObject({
      status: 'denied',
      code: expect.stringContaining('403')
    })
  })
})

describe('prune', () => {
  it('lists unmanaged assignments of the app in the plan, removes them in apply, and they no longer count', async () => {
    emu = await emulator('customer-access.yml')
    // The delegation path of the hand-off (RBAC Administrator): not unmanaged, and it lets apply remove.
    await emu.control.addRoleAssignment({
      scope: SUB,
      roleDefinitionId: RBAC_ADMINISTRATOR_ROLE_ID,
      principalId: FABRIKAM_SP
    })
    const config = tenantsFile(`  - name: Fabrikam
    tenantId: ${FABRIKAM}
    prune: true
    roleAssignments:
      - { scope: ${RG_SHARED}, role: Reader }
`)
    const plan = (await bridge(emu, config)).report
    expect(plan.tenants[0]!.unmanaged.map(u => [u.scope, u.roleDefinitionId])).toEqual([
      [KV, '4633458b-17de-408a-b874-0445c86b69e6']
    ])
    expect(plan.tenants[0]!.drift).toEqual(['1 unmanaged role assignment of the app'])
    expect(plan.steps).toContainEqual(expect.objectContaining({ kind: 'remove-assignment', write: true }))
    const applied = (await bridge(emu, config, { mode: 'apply' })).report
    expect(applied.steps.find(s => s.kind === 'remove-assignment')?.outcome).toBe('done')
    expect(applied.tenants[0]!.unmanaged).toEqual([])
    expect(applied.drift).toBe(false)
    expect((await writes(emu)).filter(w => w.startsWith('DELETE'))).toHaveLength(1)
  })
})

describe('ARM clients for many tenants', () => {
  it('share one pipeline but never a token: each tenant’s client signs in to its own tenant', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.setLags({ servicePrincipalMs: 0 })
    await emu.control.consent(WOODGROVE, '2b000000-0000-4000-8000-000000000001')
    const cloud = resolveCloud('custom', emu.endpoints.cloudEndpoints)
    const options = clientOptions(new RetryBudget(60))
    const entra = tokenEndpoint(cloud, options, () => undefined)
    const arm = new ArmClients(cloud, options)
    const signedIn = (tenantId: string, subscription: string) =>
      arm.client(
        secretCredential(
          entra,
          tenantId,
          '2b000000-0000-4000-8000-000000000001',
          'Qx7~seeded.provider.secret.2026-10-01'
        ),
        subscription.split('/')[2]
      )
    const fabrikam = signedIn(FABRIKAM, SUB)
    const woodgrove = signedIn(WOODGROVE, WG_SUB)
    // ARM refuses a token of another tenant (InvalidAuthenticationTokenTenant): both answers prove the right one.
    for (const [client, group] of [
      [fabrikam, 'rg-data'],
      [woodgrove, 'rg-data'],
      [fabrikam, 'rg-shared']
    ] as const) {
      const pages = client.permissions.listForResourceGroup(group).byPage()
      await expect(pages.next()).resolves.toMatchObject({ done: false })
    }
    const tokens = (await emu.control.requests()).filter(r => r.route === 'token')
    expect(tokens.map(r => r.path.split('/')[1]).sort()).toEqual([FABRIKAM, WOODGROVE].sort())
  })
})
