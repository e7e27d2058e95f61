/**
 * A customer consents moments before apply: the app's service principal is brand new, and ARM may answer the
 * role-assignment PUT with 400 PrincipalNotFound until the principal has replicated to the region serving it
 * (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---assigning-a-role-to-a-new-principal-sometimes-fails).
 * A whole apply run — consent probe, role reads, the write — against the emulator through the real SDKs: the run
 * retries the write and ends `applied`, and the request log shows the retries; a lag longer than the retries is
 * reported, not hidden.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { TenantsConfig } from '../../src/config/types.js'
import { roleAssignmentName } from '../../src/azure/role-assignments.js'
import { delegationCondition } from '../../src/plan/handoff.js'
import type { Emulator } from '../emulator/index.js'
import { WOODGROVE_ADMIN, customerAdmin, delegateAsAdmin } from '../support/customer-admin.js'
import { FAST_RETRY, bridge, emulator, stopEmulators, parseTenants, PROVIDER_APP_YAML } from './harness.js'

const WOODGROVE = '6e000000-0000-4000-8000-000000000001'
const PROVIDER_APP = '2b000000-0000-4000-8000-000000000001'
const WG_SUB_ID = '6d000000-0000-4000-8000-000000000001'
const WG_SUB = `/subscriptions/${WG_SUB_ID}`
const WG_RG = `${WG_SUB}/resourceGroups/rg-data`
const WG_KV = `${WG_RG}/providers/Microsoft.KeyVault/vaults/kv-woodgrove`
const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6'

function tenantsFile(): TenantsConfig {
  return parseTenants(`${PROVIDER_APP_YAML}tenants:
  - name: Woodgrove
    tenantId: ${WOODGROVE}
    onboarding: true
    roleAssignments:
      - { scope: ${WG_KV}, role: Key Vault Secrets User }
`)
}

let emu: Emulator
afterEach(stopEmulators)

/**
 * Woodgrove's admin consents and, at once, delegates the grant to the new principal with the hand-off's condition
 * (stating principalType, as the hand-off does, so ARM takes it during the lag). Returns the principal's object id.
 */
async function consentAndDelegate(e: Emulator): Promise<string> {
  const sp = await e.control.consent(WOODGROVE, PROVIDER_APP)
  await delegateAsAdmin(
    customerAdmin(e, WOODGROVE_ADMIN),
    WG_SUB,
    sp.id,
    delegationCondition([SECRETS_USER], sp.id)
  )
  return sp.id
}

const PUT_ASSIGNMENT = '/providers/Microsoft\\.Authorization/roleAssignments/'

describe('PrincipalNotFound while a just-consented principal replicates, through a full apply run', () => {
  it('the write is retried until ARM sees the principal: applied, and the log shows each retry', async () => {
    emu = await emulator('customer-access.yml')
    // The token endpoint has the new principal; the ARM region serving the writes does not, for two more tries.
    await emu.control.setLags({ servicePrincipalMs: 0 })
    const principalId = await consentAndDelegate(emu)
    await emu.control.resetRequests()
    await emu.control.setFaults([
      { route: 'arm', method: 'PUT', path: PUT_ASSIGNMENT, fault: 'principal-not-found', count: 2 }
    ])
    const { report } = await bridge(emu, tenantsFile(), { mode: 'apply' })
    const woodgrove = report.tenants[0]!
    expect(woodgrove.consent.status).toBe('consented')
    expect(woodgrove.roleAssignments.map(a => a.status)).toEqual(['applied'])
    expect(report.steps.find(s => s.kind === 'assign-role')?.outcome).toBe('done')
    const name = roleAssignmentName(WG_KV, principalId, SECRETS_USER)
    const puts = (await emu.control.requests()).filter(r => r.method === 'PUT' && r.route === 'arm')
    expect(puts.map(r => [r.path, r.status, r.fault])).toEqual([
      [`${WG_KV}/providers/Microsoft.Authorization/roleAssignments/${name}`, 400, 'principal-not-found'],
      [`${WG_KV}/providers/Microsoft.Authorization/roleAssignments/${name}`, 400, 'principal-not-found'],
      [`${WG_KV}/providers/Microsoft.Authorization/roleAssignments/${name}`, 201, undefined]
    ])
    // Onboarding is complete: the plan proposes dropping the flag; nothing drifted.
    expect(woodgrove.drift).toEqual([])
    expect(report.drift).toBe(false)
  })

  it('a lag that outlasts the retries is a failed step with ARM’s words, and the next run applies it', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.setLags({ servicePrincipalMs: 0 })
    await consentAndDelegate(emu)
    await emu.control.resetRequests()
    await emu.control.setFaults([
      { route: 'arm', method: 'PUT', path: PUT_ASSIGNMENT, fault: 'principal-not-found', count: 50 }
    ])
    const { report } = await bridge(emu, tenantsFile(), { mode: 'apply' })
    const [assignment] = report.tenants[0]!.roleAssignments
    expect(assignment?.status).toBe('missing')
    expect(assignment?.detail).toMatch(
      /^PrincipalNotFound \(HTTP 400\): Principal [0-9a-f]{32} does not exist/
    )
    expect(report.steps.find(s => s.kind === 'assign-role')?.outcome).toBe('failed')
    const puts = (await emu.control.requests()).filter(r => r.method === 'PUT' && r.route === 'arm')
    expect(puts).toHaveLength(FAST_RETRY.delaysMs.length + 1)

    await emu.control.clearFaults()
    const next = await bridge(emu, tenantsFile(), { mode: 'apply' })
    expect(next.report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual(['applied'])
  })
})
