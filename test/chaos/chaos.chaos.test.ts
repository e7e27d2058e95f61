/** `npm run chaos`: many seeds of the chaos run (test/chaos/chaos.ts); prints how many equal the fault-free run. */
import { describe, expect, it } from '@jest/globals'
import { stopEmulators } from '../integration/harness.js'
import { chaosRun, cleanRun } from './chaos.js'

const SEEDS = Number(process.env.CHAOS_SEEDS ?? 20)

describe(`chaos: ${SEEDS} seeds × plan and apply at ~20% faults`, () => {
  it('every seed equals the fault-free run', async () => {
    const clean = await cleanRun(stopEmulators)
    const results = []
    for (let seed = 1; seed <= SEEDS; seed++) results.push(await chaosRun(seed, clean, stopEmulators))
    const equal = results.filter(r => r.equal).length
    const faults = results.reduce((sum, r) => sum + r.faults, 0)
    process.stdout.write(
      `chaos: ${equal}/${SEEDS} seeds equal the fault-free run (${faults} faults injected)\n`
    )
    expect(results.filter(r => !r.equal).map(r => ({ seed: r.seed, plan: r.plan, apply: r.apply }))).toEqual(
      []
    )
  }, 1_800_000)
})
