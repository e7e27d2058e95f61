/**
 * A sharded run — the provider job, N tenant shards, the merge — against the emulator with the real SDKs: the
 * merged report is the one-job report, and the shards never write the provider's app, its credentials or its
 * secret, even in apply mode with a forced rotation (proved by the emulator's request log).
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/model/report.js'
import { type Shard, shardOf, tenantsOfShard } from '../../src/plan/shard.js'
import { mergeReports } from '../../src/report/merge.js'
import { renderComment } from '../../src/report/comment.js'
import { renderSummary } from '../../src/report/summary.js'
import { generateScenario } from '../emulator/scenarios/generate.js'
import type { TenantsConfig } from '../../src/model/config.js'
import { type Emulator } from '../emulator/index.js'
import { bridge, emulator, generatedTenantsConfig, stopEmulators } from './harness.js'

afterEach(stopEmulators)

const SHARDS = 4

/** What differs between any two runs: the time, and the trace id Entra gives each failed token request. */
function runIndependent(report: Report): Report {
  return {
    ...report,
    generatedAt: '<time>',
    tenants: report.tenants.map(t => {
      const { traceId: _trace, ...consent } = t.consent
      return { ...t, consent }
    })
  }
}

async function shardedRun(
  emu: Emulator,
  config: TenantsConfig,
  overrides: Parameters<typeof bridge>[2] = {}
): Promise<{ provider: Report; shards: Report[] }> {
  const provider = await bridge(emu, config, { ...overrides, phase: 'provider' })
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, (_, i) => {
      const shard: Shard = { index: i + 1, count: SHARDS }
      return bridge(
        emu,
        { ...config, tenants: tenantsOfShard(config.tenants, shard) },
        { ...overrides, phase: 'tenants', shard }
      )
    })
  )
  return { provider: provider.report, shards: shards.map(run => run.report) }
}

describe('a sharded run', () => {
  it('merges the provider report and 4 shard reports into the one-job report', async () => {
    const { scenario, customers } = generateScenario(30)
    const config = generatedTenantsConfig(customers)
    const emu = await emulator(scenario)
    const single = (await bridge(emu, config)).report
    const { provider, shards } = await shardedRun(emu, config)

    expect(provider.part).toEqual({ phase: 'provider' })
    expect(provider.tenants).toEqual([])
    for (const [i, shard] of shards.entries()) {
      expect(shard.part).toEqual({ phase: 'tenants', shard: i + 1, of: SHARDS })
      expect(shard.tenants.length).toBeGreaterThan(0)
      expect(shard.steps.every(step => step.tenantId !== undefined)).toBe(true)
      for (const t of shard.tenants) expect(shardOf(t.tenantId, SHARDS)).toBe(i + 1)
    }
    const merged = mergeReports(
      [...shards].reverse().concat(provider),
      config.tenants.map(t => t.tenantId)
    )
    if (!merged.ok) throw new Error(merged.problems.join('; '))
    expect(runIndependent(merged.report)).toEqual(runIndependent(single))
    expect(renderSummary(runIndependent(merged.report))).toBe(renderSummary(runIndependent(single)))
    expect(renderComment(runIndependent(merged.report))).toBe(renderComment(runIndependent(single)))
    expect(single.totals.needsConsent).toBeGreaterThan(0)
  })

  it('lets only the provider job write the app and the secret, even when the shards run apply in parallel', async () => {
    const { scenario, customers } = generateScenario(12)
    const config = generatedTenantsConfig(customers)
    const emu = await emulator(scenario)
    await emu.control.resetRequests()
    await bridge(emu, config, { mode: 'apply', rotate: 'force', phase: 'provider' })
    const providerWrites = (await emu.control.requests()).filter(r => r.write)
    expect(providerWrites.filter(r => r.route === 'keyvault').length).toBe(1)
    expect(providerWrites.filter(r => r.route === 'graph').length).toBeGreaterThan(0)

    await emu.control.resetRequests()
    const shards = await Promise.all(
      [1, 2].map(index =>
        bridge(
          emu,
          { ...config, tenants: tenantsOfShard(config.tenants, { index, count: 2 }) },
          { mode: 'apply', rotate: 'force', phase: 'tenants', shard: { index, count: 2 } }
        )
      )
    )
    const shardRequests = await emu.control.requests()
    // They read the app and the secret it signs in with, and reach the customer tenants with it …
    expect(shardRequests.some(r => r.route === 'graph' && r.method === 'GET')).toBe(true)
    expect(shardRequests.some(r => r.route === 'keyvault' && r.method === 'GET')).toBe(true)
    expect(shards.flatMap(s => s.report.tenants).filter(t => t.consent.status === 'consented').length).toBe(4)
    // … and never write the app, its credentials or its secret.
    expect(shardRequests.filter(r => r.write && (r.route === 'graph' || r.route === 'keyvault'))).toEqual([])
    for (const shard of shards)
      expect(shard.report.steps.every(step => step.tenantId !== undefined)).toBe(true)
  })
})
