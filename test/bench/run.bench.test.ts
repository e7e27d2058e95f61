/**
 * `npm run bench`: the pipeline over 1,000 customer tenants against the emulator with emulated network latency,
 * at several concurrencies. Prints wall time, requests sent and the job summary's size; asserts only that every
 * tenant was classified as the scenario says (a benchmark that measures a broken run measures nothing).
 */
import { describe, expect, it } from '@jest/globals'
import { generateScenario } from '../emulator/scenarios/generate.js'
import { renderSummary } from '../../src/report/summary.js'
import { bridge, emulator, generatedTenantsConfig } from '../integration/harness.js'

const TENANTS = Number(process.env.BENCH_TENANTS ?? 1000)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 25)
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '4,16,64').split(',').map(Number)
const EXPECTED = { needsConsent: Math.floor((TENANTS + 1) / 3), consented: Math.ceil(TENANTS / 3) }

describe(`${TENANTS} tenants, ${LATENCY_MS} ms latency per request`, () => {
  it.each(CONCURRENCIES)(
    'plan at concurrency %i',
    async concurrency => {
      const { scenario, customers } = generateScenario(TENANTS)
      const emu = await emulator(scenario, { latencyMs: LATENCY_MS })
      try {
        const started = performance.now()
        const { report } = await bridge(emu, generatedTenantsConfig(customers), { concurrency })
        const seconds = (performance.now() - started) / 1000
        const counts = await emu.control.requestCounts()
        const summaryBytes = Buffer.byteLength(renderSummary(report, { reportFile: 'report.json' }))
        console.log(
          `tenants=${TENANTS} latency=${LATENCY_MS}ms concurrency=${concurrency}: ${seconds.toFixed(1)} s, ` +
            `${(TENANTS / seconds).toFixed(1)} tenants/s, ${JSON.stringify(counts)}, summary ${(summaryBytes / 1024).toFixed(0)} KiB`
        )
        expect(report.totals.consented).toBe(EXPECTED.consented)
        expect(report.totals.needsConsent).toBe(EXPECTED.needsConsent)
        expect(summaryBytes).toBeLessThan(1024 * 1024)
      } finally {
        await emu.stop()
      }
    },
    600_000
  )
})
