/** A few seeds of the chaos run in every `npm test`; `npm run chaos` runs twenty (test/chaos). */
import { describe, expect, it } from '@jest/globals'
import { chaosRun, cleanRun } from '../chaos/chaos.js'
import { stopEmulators } from './harness.js'

describe('plan and apply at ~20% faults, before and after processing', () => {
  it.each([3, 11])(
    'seed %i equals the fault-free run, with faults injected',
    async seed => {
      const clean = await cleanRun(stopEmulators)
      const result = await chaosRun(seed, clean, stopEmulators)
      expect(result.faults).toBeGreaterThan(10)
      expect({ plan: result.plan, apply: result.apply }).toEqual({ plan: clean[0], apply: clean[1] })
    },
    120_000
  )
})
