/**
 * The credential lifecycle against the emulator, with the real Graph, Key Vault and identity SDKs: the first
 * secret, rotation when due or forced, retirement after the overlap (at most two managed passwords, dead Key Vault
 * versions disabled), expired and orphaned passwords removed, foreign ones left alone, a stored secret that does
 * not authenticate replaced, and a clean-up that fails reported with its command.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { hashSecret } from '../emulator/state/directory.js'
import type { Emulator } from '../emulator/index.js'
import type { BridgeInputs } from '../../src/engine/index.js'
import { MANAGED_MARKER } from '../../src/plan/credentials.js'
import { type Run, bridge, emulator, stopEmulators, tenantsFile } from './harness.js'

const APP = 'contoso-provider-access'
const APP_ID = '2b000000-0000-4000-8000-000000000001'
const SEEDED_KEY = '2e000000-0000-4000-8000-000000000001'
const DAY_MS = 86_400_000

afterEach(stopEmulators)

/** Runs the pipeline on the emulator's clock, so that advancing it ages secrets for the action too. */
function run(emu: Emulator, overrides: Partial<BridgeInputs> = {}, file = 'three-customers.tenants.yml') {
  return bridge(emu, tenantsFile(file), overrides, {
    now: () => new Date(emu.clock.now()),
    replicationRetry: { delaysMs: [20, 20] }
  })
}

const app = (emu: Emulator) => emu.directory.applicationByUniqueName(APP)!
const managedKeys = (emu: Emulator) =>
  app(emu)
    .passwordCredentials.filter(p => p.displayName?.startsWith(MANAGED_MARKER))
    .map(p => p.keyId)
const versions = (emu: Emulator) =>
  emu.resources.secret(emu.resources.vault('kv-provider')!, APP)?.versions ?? []
const writes = async (emu: Emulator) =>
  (await emu.control.requests()).filter(r => r.write).map(r => `${r.method} ${r.route} ${r.path}`)

/** The current Key Vault value matches a live password of the app (what the token endpoint checks). */
function currentSecretMatches(emu: Emulator): boolean {
  const value = emu.resources.secretValue('kv-provider', APP)
  if (value === undefined) return false
  const hash = hashSecret(value)
  return app(emu).passwordCredentials.some(
    p => p.secretHash === hash && Date.parse(p.endDateTime) > emu.clock.now()
  )
}

const step = (r: Run, kind: string) => r.report.steps.filter(s => s.kind === kind)

describe('the secret', () => {
  it('first secret into an empty vault: one managed password, its keyId in the version tag', async () => {
    const emu = await emulator('fresh-provider.yml')
    const { report } = await run(emu, { mode: 'apply' }, 'fresh-provider.tenants.yml')
    expect(report.secret.status).toBe('rotated')
    const [password] = app(emu).passwordCredentials
    expect(app(emu).passwordCredentials).toHaveLength(1)
    expect(password?.displayName).toMatch(new RegExp(`^${MANAGED_MARKER} \\d{4}-\\d{2}-\\d{2}$`))
    expect(versions(emu)).toHaveLength(1)
    expect(versions(emu)[0]?.tags?.['entra-key-id']).toBe(password?.keyId)
    expect(currentSecretMatches(emu)).toBe(true)
    expect(report.credentials).toContainEqual(
      expect.objectContaining({ kind: 'password', id: password?.keyId, managed: true, state: 'current' })
    )
  })

  it('not due: plan proves the stored secret (a read), apply sends no write', async () => {
    const emu = await emulator('three-customers.yml')
    await emu.control.resetRequests()
    const plan = await run(emu)
    expect(plan.report.secret.status).toBe('current')
    // The proof is a token request for the app in the provider tenant with the stored secret.
    const tokenRequests = (await emu.control.requests()).filter(
      r => r.route === 'token' && r.path.startsWith('/11111111-1111-4111-8111-111111111111/')
    )
    expect(tokenRequests.length).toBeGreaterThanOrEqual(2)
    await emu.control.resetRequests()
    const apply = await run(emu, { mode: 'apply' })
    expect(apply.report.secret.status).toBe('current')
    expect(await writes(emu)).toEqual([])
    expect(apply.report.changed).toBe(false)
  })

  it('due: rotated; the foreign password the vault held is left alone and reported', async () => {
    const emu = await emulator('three-customers.yml')
    // The seeded secret ends 2027-12-30: move the clock to 20 days before that.
    await emu.control.advanceClock(Date.parse('2027-12-10T00:00:00Z') - emu.clock.now())
    const plan = await run(emu)
    expect(plan.report.secret).toMatchObject({
      status: 'due',
      detail: expect.stringContaining('within rotateBeforeDays')
    })
    expect(plan.report.credentials).toContainEqual(
      expect.objectContaining({ id: SEEDED_KEY, managed: false, state: 'current', flag: 'expiring' })
    )
    const { report } = await run(emu, { mode: 'apply' })
    expect(report.secret.status).toBe('rotated')
    expect(app(emu).passwordCredentials.map(p => p.keyId)).toContain(SEEDED_KEY)
    expect(report.credentials).toContainEqual(
      expect.objectContaining({ id: SEEDED_KEY, managed: false, state: 'foreign' })
    )
    expect(managedKeys(emu)).toHaveLength(1)
    expect(currentSecretMatches(emu)).toBe(true)
    expect(step({ report } as Run, 'retire-password')).toEqual([])
  })

  it('force: rotates a secret that is not due', async () => {
    const emu = await emulator('three-customers.yml')
    const { report } = await run(emu, { mode: 'apply', rotate: 'force' })
    expect(report.secret.status).toBe('rotated')
    expect(managedKeys(emu)).toHaveLength(1)
    expect(report.tenants[0]?.consent.status).toBe('consented')
  })

  it('three rotations in a row leave two managed passwords; the removed one’s version is disabled', async () => {
    const emu = await emulator('three-customers.yml')
    const kept: string[][] = []
    for (let i = 0; i < 3; i++) {
      const { report } = await run(emu, { mode: 'apply', rotate: 'force' })
      expect(report.secret.status).toBe('rotated')
      expect(report.steps.filter(s => s.outcome === 'failed')).toEqual([])
      kept.push(managedKeys(emu))
    }
    expect(kept.map(keys => keys.length)).toEqual([1, 2, 2])
    const [first] = kept[0]!
    expect(kept[2]).not.toContain(first)
    const firstVersion = versions(emu).find(v => v.tags?.['entra-key-id'] === first)
    expect(firstVersion?.enabled).toBe(false)
    // The previous one stays for the overlap, and its version with it.
    const previous = kept[1]![1]!
    expect(versions(emu).find(v => v.tags?.['entra-key-id'] === previous)?.enabled).toBe(true)
    expect(currentSecretMatches(emu)).toBe(true)
  }, 60_000)

  it('after the overlap the previous password is removed, with no new rotation', async () => {
    const emu = await emulator('three-customers.yml')
    await run(emu, { mode: 'apply', rotate: 'force' })
    await run(emu, { mode: 'apply', rotate: 'force' })
    const [previous, current] = managedKeys(emu)
    await emu.control.advanceClock(8 * DAY_MS)
    const plan = await run(emu)
    expect(plan.report.steps.map(s => s.kind)).toEqual(expect.arrayContaining(['retire-password']))
    expect(plan.report.steps.find(s => s.kind === 'retire-password')?.reason).toContain('overlapDays (7)')
    await run(emu, { mode: 'apply' })
    expect(managedKeys(emu)).toEqual([current])
    expect(versions(emu).find(v => v.tags?.['entra-key-id'] === previous)?.enabled).toBe(false)
    expect(currentSecretMatches(emu)).toBe(true)
  }, 60_000)

  it('an expired managed password is removed once its successor is stored', async () => {
    const emu = await emulator('three-customers.yml')
    await run(emu, { mode: 'apply', rotate: 'force' })
    const [expiring] = managedKeys(emu)
    await emu.control.advanceClock(91 * DAY_MS)
    const plan = await run(emu)
    expect(plan.report.credentials).toContainEqual(
      expect.objectContaining({ id: expiring, managed: true, flag: 'expired' })
    )
    const { report } = await run(emu, { mode: 'apply' })
    expect(report.secret.status).toBe('rotated')
    expect(step({ report } as Run, 'retire-password')).toEqual([
      expect.objectContaining({ outcome: 'done', reason: expect.stringContaining('expired') })
    ])
    expect(managedKeys(emu)).not.toContain(expiring)
    expect(managedKeys(emu)).toHaveLength(1)
  }, 60_000)

  it('a stored secret that does not authenticate is invalid, and rotate: auto replaces it', async () => {
    const emu = await emulator('three-customers.yml')
    // The vault's value no longer matches the password (someone pasted a wrong value).
    const seeded = app(emu).passwordCredentials[0]!
    seeded.secretHash = hashSecret('not the stored value')
    const plan = await run(emu)
    expect(plan.report.secret).toMatchObject({
      status: 'invalid',
      detail: expect.stringContaining('7000215')
    })
    expect(plan.report.drift).toBe(true)
    expect(plan.report.steps).toContainEqual(expect.objectContaining({ kind: 'rotate-secret', write: true }))
    const never = await run(emu, { mode: 'apply', rotate: 'never' })
    expect(never.report.secret.status).toBe('invalid')
    const { report } = await run(emu, { mode: 'apply' })
    expect(report.secret.status).toBe('rotated')
    expect(currentSecretMatches(emu)).toBe(true)
    expect(report.tenants[0]?.consent.status).toBe('consented')
  }, 60_000)
})

describe('orphans and clean-up', () => {
  it('a managed password stored nowhere: in flight within the grace, removed first after it', async () => {
    const emu = await emulator('three-customers.yml')
    const orphan = emu.directory.addPassword(app(emu), {
      secretText: 'orphan-secret-value',
      displayName: `${MANAGED_MARKER} 2026-11-28`
    })
    const early = await run(emu, { mode: 'apply' })
    expect(early.report.credentials).toContainEqual(
      expect.objectContaining({ id: orphan.keyId, state: 'in-flight' })
    )
    expect(managedKeys(emu)).toEqual([orphan.keyId])
    await emu.control.advanceClock(16 * 60_000)
    const plan = await run(emu, { rotate: 'force' })
    expect(plan.report.steps[0]).toMatchObject({
      kind: 'remove-orphan',
      target: expect.stringContaining(orphan.keyId)
    })
    await run(emu, { mode: 'apply' })
    expect(managedKeys(emu)).toEqual([])
  })

  it('a failed Key Vault write whose clean-up fails too: the orphan is reported with its command', async () => {
    const emu = await emulator('three-customers.yml')
    await emu.control.setFaults([
      { route: 'keyvault', method: 'PUT', fault: 500 },
      { route: 'graph', method: 'POST', path: 'removePassword$', fault: 500 }
    ])
    const { report } = await run(emu, { mode: 'apply', rotate: 'force' })
    const [left] = managedKeys(emu)
    expect(left).toBeDefined()
    const command = `az ad app credential delete --id ${APP_ID} --key-id ${left}`
    expect(report.secret).toMatchObject({ status: 'failed', detail: expect.stringContaining(command) })
    expect(report.secret.detail).toContain(`orphan password ${left} is left`)
    expect(report.secret.detail).not.toContain('so it was removed')
    expect(report.credentials).toContainEqual(
      expect.objectContaining({ id: left, state: 'orphan', fixCommand: command })
    )
    // The next apply after the grace, once the faults are gone, removes it.
    await emu.control.clearFaults()
    await emu.control.advanceClock(16 * 60_000)
    await run(emu, { mode: 'apply' })
    expect(managedKeys(emu)).toEqual([])
  }, 60_000)
})
