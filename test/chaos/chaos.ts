/**
 * The chaos run: plan then apply over a 40-customer scenario while about one request in five fails — throttled
 * (429 and 503 with Retry-After), a server error, a connection reset before the request is processed, or one
 * after it was (the change is made, the answer lost) — compared with the same runs without faults. Equal means
 * every verdict, every step and its outcome are the same: transient failures were retried, writes were
 * idempotent, and nothing transient became a verdict.
 */
import type { Emulator } from '../emulator/index.js'
import type { FaultRule } from '../emulator/faults.js'
import { generateScenario } from '../emulator/scenarios/generate.js'
import { bridge, emulator, generatedTenantsConfig } from '../integration/harness.js'
import type { Report } from '../../src/model/report.js'

export const TENANTS = 40

/** About 20% of requests, every service, GitHub's OIDC token endpoint included. */
export const CHAOS: FaultRule[] = [
  { fault: 429, rate: 0.05, retryAfterSeconds: 0 },
  { fault: 503, rate: 0.04, retryAfterSeconds: 0 },
  { fault: 500, rate: 0.04 },
  { fault: 'reset', rate: 0.04 },
  { fault: 'reset-after', rate: 0.04 }
]

/** What a user acts on: every status, every step and its outcome; not ids of new objects nor times. */
export function verdictsOf(report: Report): unknown {
  return {
    app: report.app.status,
    secret: report.secret.status,
    tenants: report.tenants.map(t => [
      t.tenantId,
      t.consent.status,
      t.consent.code,
      t.principalId,
      t.roleAssignments.map(a => a.status)
    ]),
    steps: report.steps.map(s => [s.kind, s.target, s.write, s.outcome ?? null]),
    drift: report.drift,
    changed: report.changed
  }
}

async function planThenApply(emu: Emulator): Promise<[unknown, unknown]> {
  const { customers } = generateScenario(TENANTS)
  const config = generatedTenantsConfig(customers)
  const plan = await bridge(emu, config, { concurrency: 8 })
  const apply = await bridge(emu, config, { mode: 'apply', rotate: 'force', concurrency: 8 })
  return [verdictsOf(plan.report), verdictsOf(apply.report)]
}

/** The fault-free plan and apply, once: the yardstick every seed is held to. */
export async function cleanRun(stop: () => Promise<void>): Promise<[unknown, unknown]> {
  const emu = await emulator(generateScenario(TENANTS).scenario, { seed: 1 })
  try {
    return await planThenApply(emu)
  } finally {
    await stop()
  }
}

export interface SeedResult {
  seed: number
  equal: boolean
  faults: number
  plan: unknown
  apply: unknown
}

export async function chaosRun(
  seed: number,
  clean: [unknown, unknown],
  stop: () => Promise<void>
): Promise<SeedResult> {
  const emu = await emulator(generateScenario(TENANTS).scenario, { seed })
  try {
    await emu.control.setFaults(CHAOS, seed)
    const [plan, apply] = await planThenApply(emu)
    const faults = (await emu.control.requests()).filter(r => r.fault !== undefined).length
    const equal = JSON.stringify([plan, apply]) === JSON.stringify(clean)
    return { seed, equal, faults, plan, apply }
  } finally {
    await stop()
  }
}
