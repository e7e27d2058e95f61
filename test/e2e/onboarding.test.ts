/**
 * The whole onboarding story of a new customer, through dist/index.js as the runner runs it: the PR plan shows the
 * consent link and the grants to come → the customer consents → the merge's apply hands the grants off
 * (awaiting-customer, drift) → the customer's admin delegates RBAC Administrator with the generated condition →
 * apply creates the grants and the probes verify → a second apply writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { roleAssignmentName } from '../../src/azure/role-assignments.js'
import { renderComment } from '../../src/report/comment.js'
import type { Report } from '../../src/model/report.js'
import { type ActionRun, runAction } from '../action-runner.js'
import type { Emulator } from '../emulator/index.js'
import { WOODGROVE_ADMIN, customerAdmin, delegateAsAdmin } from '../support/customer-admin.js'
import {
  GITHUB_MAIN_FEDERATED_YAML,
  PROVIDER_APP_YAML,
  emulator,
  stopEmulators
} from '../integration/harness.js'

const APP_ID = '2b000000-0000-4000-8000-000000000001'
const WOODGROVE = '6e000000-0000-4000-8000-000000000001'
const WG_SUB = '/subscriptions/6d000000-0000-4000-8000-000000000001'
const WG_RG = `${WG_SUB}/resourceGroups/rg-data`
const WG_KV = `${WG_RG}/providers/Microsoft.KeyVault/vaults/kv-woodgrove`
const SEEDED_SECRET = 'Qx7~seeded.provider.secret.2026-10-01'
const PROBED_VALUE = 'woodgrove.probe.value.never.read'

const TENANTS = `# yaml-language-server: $schema=../schema/tenants.schema.json
${PROVIDER_APP_YAML}${GITHUB_MAIN_FEDERATED_YAML}tenants:
  - name: Fabrikam
    tenantId: 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b
    roleAssignments:
      - scope: /subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/resourceGroups/rg-shared
        role: Reader
  - name: Woodgrove
    tenantId: ${WOODGROVE}
    onboarding: true
    roleAssignments:
      - scope: ${WG_RG}
        role: Reader
      - scope: ${WG_KV}
        role: Key Vault Secrets User
    probes:
      - keyVault: kv-woodgrove
        secret: app-check
      - arm: ${WG_RG}
`

describe('onboarding a new customer, end to end through dist/index.js', () => {
  let emu: Emulator
  const runs: ActionRun[] = []
  const writes = async () => (await emu.control.requests()).filter(r => r.write)
  const run = async (mode: 'plan' | 'apply', eventName = 'push'): Promise<ActionRun> => {
    const result = await runAction({
      endpoints: emu.endpoints,
      eventName,
      inputs: {
        mode,
        'client-id': emu.endpoints.automation!.clientId,
        'tenant-id': emu.endpoints.automation!.tenantId,
        cloud: 'custom',
        'cloud-endpoints': emu.endpoints.cloudEndpoints,
        'fail-on': 'error,drift',
        'pr-comment': 'false'
      },
      files: { '.github/tenants.yml': TENANTS }
    })
    runs.push(result)
    return result
  }
  const woodgrove = (r: ActionRun) => (r.report as Report).tenants.find(t => t.tenantId === WOODGROVE)!

  beforeAll(async () => {
    emu = await emulator('customer-access.yml')
  })
  afterAll(stopEmulators)

  it('tells the whole story', async () => {
    // 1. The pull request adding Woodgrove: one place with the consent link and the grants that will follow.
    await emu.control.resetRequests()
    const plan = await run('plan', 'pull_request')
    expect(plan.exitCode).toBe(0)
    expect(plan.outputs).toMatchObject({ 'needs-consent': `["${WOODGROVE}"]`, drift: 'false' })
    expect(await writes()).toEqual([])
    const pending = woodgrove(plan)
    expect(pending.roleAssignments.map(a => a.status)).toEqual(['skipped', 'skipped'])
    expect(plan.summary).toContain(`${WOODGROVE}/adminconsent?client_id=${APP_ID}`)
    expect(plan.summary).toContain('Then 2 role grants')
    expect(plan.summary).toContain(`az role assignment create --assignee ${APP_ID} --role`)
    const comment = renderComment(plan.report as Report)
    expect(comment).toContain(`${WOODGROVE}/adminconsent?client_id=${APP_ID}`)
    expect(comment).toContain(
      `--assignee ${APP_ID} --role acdd72a7-3385-48ef-bd42-f606fba81ae7 --scope ${WG_RG}`
    )

    // 2. Woodgrove's admin consents.
    const sp = await emu.control.consent(WOODGROVE, APP_ID)

    // 3. The merge's apply: the app may not assign roles there, so the grants are handed off; drift fails the job.
    const handedOff = await run('apply')
    expect(handedOff.exitCode).toBe(1)
    expect(handedOff.outputs.drift).toBe('true')
    const waiting = woodgrove(handedOff)
    expect(waiting.roleAssignments.map(a => a.status)).toEqual(['awaiting-customer', 'awaiting-customer'])
    expect(waiting.drift).toEqual(['2 required role assignments not in place', '2 probes denied'])
    // The hand-off files, next to report.json.
    const folder = `handoff/${WOODGROVE}`
    expect(Object.keys(handedOff.reportFolder).sort()).toEqual(
      [
        'report.json',
        `${folder}/delegate-rbac-administrator.ps1`,
        `${folder}/delegate-rbac-administrator.sh`,
        `${folder}/grant.ps1`,
        `${folder}/grant.sh`,
        `${folder}/grant.template.json`
      ].sort()
    )
    const template = JSON.parse(handedOff.reportFolder[`${folder}/grant.template.json`] ?? '') as object
    expect(JSON.stringify(template)).toContain(
      roleAssignmentName(WG_RG, sp.id, 'acdd72a7-3385-48ef-bd42-f606fba81ae7')
    )
    expect(handedOff.reportFolder[`${folder}/grant.sh`]).toContain(`--assignee-object-id ${sp.id}`)

    // 4. The customer's admin delegates RBAC Administrator, limited by the generated condition.
    const condition = waiting.handoff!.delegation!.condition
    await delegateAsAdmin(customerAdmin(emu, WOODGROVE_ADMIN), WG_SUB, sp.id, condition)

    // 5. Apply creates the grants itself; the probes prove the access.
    const granted = await run('apply')
    expect(granted.exitCode).toBe(0)
    expect(granted.outputs).toMatchObject({ drift: 'false', changed: 'true' })
    const done = woodgrove(granted)
    expect(done.roleAssignments.map(a => a.status)).toEqual(['applied', 'applied'])
    expect(done.probes.map(p => [p.kind, p.status])).toEqual([
      ['keyVault', 'verified'],
      ['arm', 'verified']
    ])

    // 6. Nothing left to write; the plan proposes ending the onboarding.
    await emu.control.resetRequests()
    const again = await run('apply')
    expect(again.exitCode).toBe(0)
    expect(await writes()).toEqual([])
    expect(woodgrove(again).roleAssignments.map(a => a.status)).toEqual(['present', 'present'])
    expect((again.report as Report).steps).toContainEqual(
      expect.objectContaining({ kind: 'finish-onboarding', target: `Woodgrove (${WOODGROVE})` })
    )

    // No secret and no probed value anywhere the action wrote (`::add-mask::` lines are the runner's instruction to
    // hide a value; it never shows them).
    for (const r of runs) {
      const shown = r.everything
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      expect(shown).not.toContain(SEEDED_SECRET)
      expect(r.everything).not.toContain(PROBED_VALUE)
    }
  }, 120_000)
})
