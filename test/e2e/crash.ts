/**
 * The crash test (run by crash.test.ts and crash.chaos.test.ts). Crash safety of a rotation, with the real bundle: `dist/index.js` runs `mode: apply, rotate: force` against an
 * app that already has a current and a previous managed password (so the run adds, proves, stores and retires).
 * For each kill point N the emulator handles the run's Nth request and never answers it (test/emulator/hold.ts);
 * the process is then killed with SIGKILL and the same run started once more. After the re-run, always: it
 * succeeded, the Key Vault's current secret authenticates (a real token request), no orphan is left and at most
 * two managed passwords remain.
 *
 * The action judges age by its own clock, which the emulator's cannot move; so between the killed run and the
 * re-run every password's start is moved back past the orphan grace (ORPHAN_GRACE_MS) — the same as the grace
 * having passed — so that the re-run may remove what the killed run left.
 *
 * `npm test` covers the points at which a write was handled but its answer lost, and the first request after
 * addPassword (the proof);
 * `npm run chaos` covers every request index of the run.
 */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { runAction } from '../action-runner.js'
import { bridge, emulator, stopEmulators, tenantsFile } from '../integration/harness.js'
import { MANAGED_MARKER, ORPHAN_GRACE_MS } from '../../src/plan/credentials.js'
import { resolveCloud, defaultScope } from '../../src/cloud.js'
import { secretCredential, tokenEndpoint } from '../../src/azure/credentials.js'
import { RetryBudget, clientOptions } from '../../src/azure/pipeline.js'

const APP = 'contoso-provider-access'
/** One customer keeps the run short: the kill points that matter are in the provider phase. */
const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
).replace(/\n {2}- name: Northwind[\s\S]*$/, '\n')

/** The provider after two rotations: a current and a previous managed password, plus the seeded foreign one. */
async function rotatedTwice(): Promise<Emulator> {
  const emu = await emulator('three-customers.yml')
  for (let i = 0; i < 2; i++) {
    await bridge(emu, tenantsFile('three-customers.tenants.yml'), { mode: 'apply', rotate: 'force' })
  }
  await emu.control.resetRequests()
  return emu
}

function actionInputs(emu: Emulator): Record<string, string> {
  return {
    mode: 'apply',
    rotate: 'force',
    'client-id': emu.endpoints.automation!.clientId,
    'tenant-id': emu.endpoints.automation!.tenantId,
    cloud: 'custom',
    'cloud-endpoints': emu.endpoints.cloudEndpoints
  }
}

const files = { '.github/tenants.yml': TENANTS }

interface Outcome {
  point: number
  held: string | null
  exitCode: number
  managed: number
  orphans: number
  authenticates: boolean
}

/** Kills the run at request `point`, lets the grace pass, re-runs it and reads the invariants. */
async function killAndRerun(point: number): Promise<Outcome> {
  const emu = await rotatedTwice()
  await emu.control.holdRequest(point)
  const abort = new AbortController()
  const killed = runAction({
    endpoints: emu.endpoints,
    inputs: actionInputs(emu),
    files,
    signal: abort.signal
  })
  let finished = false
  void killed.then(() => (finished = true))
  let held: string | null = null
  while (!finished) {
    const state = await emu.control.holdState()
    if (state.held) {
      held = `${state.held.method} ${state.held.route} ${state.held.path}`
      abort.abort()
      break
    }
    await new Promise(resolve => setTimeout(resolve, 10))
  }
  await killed
  await emu.control.releaseHold()
  const app = emu.directory.applicationByUniqueName(APP)!
  for (const password of app.passwordCredentials) {
    password.startDateTime = new Date(
      Date.parse(password.startDateTime) - ORPHAN_GRACE_MS - 60_000
    ).toISOString()
  }

  const rerun = await runAction({ endpoints: emu.endpoints, inputs: actionInputs(emu), files })
  const secret = emu.resources.secret(emu.resources.vault('kv-provider')!, APP)!
  const stored = new Set(secret.versions.filter(v => v.enabled).map(v => v.tags?.['entra-key-id']))
  const managed = app.passwordCredentials.filter(p => p.displayName?.startsWith(MANAGED_MARKER))
  return {
    point,
    held,
    exitCode: rerun.exitCode,
    managed: managed.length,
    orphans: managed.filter(p => !stored.has(p.keyId)).length,
    authenticates: await authenticates(emu, app.appId, emu.resources.secretValue('kv-provider', APP) ?? '')
  }
}

/** A real token request with the Key Vault's current value, in the provider tenant. */
async function authenticates(emu: Emulator, appId: string, value: string): Promise<boolean> {
  const cloud = resolveCloud('custom', emu.endpoints.cloudEndpoints)
  try {
    const entra = tokenEndpoint(cloud, clientOptions(new RetryBudget(30)), () => undefined)
    await secretCredential(entra, emu.endpoints.automation!.tenantId, appId, value).getToken(
      defaultScope(cloud.armAudience)
    )
    return true
  } catch {
    return false
  }
}

/** The crash test: every kill point (`npm run chaos`), or the points where a write was handled (`npm test`). */
export function crashTest(allPoints: boolean): void {
  afterEach(stopEmulators)
  describe('a rotation killed at any request, then run again', () => {
    it(
      allPoints ? 'recovers at every kill point' : 'recovers where a write was handled but its answer lost',
      async () => {
        // The reference run, uninterrupted: how many requests, and which are writes.
        const reference = await rotatedTwice()
        const run = await runAction({
          endpoints: reference.endpoints,
          inputs: actionInputs(reference),
          files
        })
        expect(run.exitCode).toBe(0)
        const requests = await reference.control.requests()
        await stopEmulators()
        const writes = requests.flatMap((r, i) => (r.write ? [i + 1] : []))
        expect(requests.filter(r => r.write).map(r => `${r.method} ${r.route}`)).toEqual([
          'POST graph', // addPassword
          'PUT keyvault', // the new version
          'POST graph', // removePassword of the oldest managed one
          'PATCH keyvault' // its version disabled
        ])
        const points = allPoints
          ? requests.map((_, i) => i + 1)
          : [...writes, writes[0]! + 1].sort((a, b) => a - b)

        const outcomes: Outcome[] = []
        for (const point of points) outcomes.push(await killAndRerun(point))
        const reached = outcomes.filter(o => o.held !== null)
        console.log(
          `crash test: killed at ${reached.length} of ${points.length} chosen points (the run sends ${requests.length} ` +
            `requests, ${writes.length} writes at ${writes.join(', ')}); after each re-run: ` +
            `max ${Math.max(...outcomes.map(o => o.managed))} managed passwords, ` +
            `${outcomes.reduce((n, o) => n + o.orphans, 0)} orphans, ` +
            `${outcomes.filter(o => o.authenticates).length}/${outcomes.length} current secrets authenticate`
        )
        for (const outcome of outcomes) {
          expect({ ...outcome, ok: true }).toEqual({
            ...outcome,
            ok: true,
            exitCode: 0,
            orphans: 0,
            authenticates: true,
            managed: Math.min(outcome.managed, 2)
          })
        }
        expect(reached.length).toBe(points.length)
      },
      allPoints ? 3_600_000 : 300_000
    )
  })
}
