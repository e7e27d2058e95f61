import { describe, expect, it } from '@jest/globals'
import { InputError, getInputs } from '../../src/inputs.js'
import { fnv1a32, parseShard, shardOf, tenantsOfShard } from '../../src/plan/shard.js'
import { asReport, mergeReports } from '../../src/report/merge.js'
import type { Report } from '../../src/model/report.js'
import { tenantIdFor, tenantsAtScale } from '../report/fixtures/reports.js'

describe('the shard partition', () => {
  it('is FNV-1a 32 over the lower-case id (the published test vectors)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5)
    expect(fnv1a32('a')).toBe(0xe40c292c)
    expect(fnv1a32('foobar')).toBe(0xbf9cf968)
    expect(shardOf('ABCDEF00-0000-4000-8000-000000000001', 7)).toBe(
      shardOf('abcdef00-0000-4000-8000-000000000001', 7)
    )
  })

  it('puts every tenant in exactly one shard, stable whatever the order, and spreads them', () => {
    const tenants = Array.from({ length: 1000 }, (_, i) => ({ tenantId: tenantIdFor(i) }))
    const shards = [1, 2, 3, 4].map(index => tenantsOfShard(tenants, { index, count: 4 }))
    expect(
      shards
        .flat()
        .map(t => t.tenantId)
        .sort()
    ).toEqual(tenants.map(t => t.tenantId).sort())
    for (const shard of shards) expect(shard.length).toBeGreaterThan(150)
    const reversed = [1, 2, 3, 4].map(index => tenantsOfShard([...tenants].reverse(), { index, count: 4 }))
    expect(reversed.map(s => new Set(s.map(t => t.tenantId)))).toEqual(
      shards.map(s => new Set(s.map(t => t.tenantId)))
    )
  })

  it.each([
    ['1/1', { index: 1, count: 1 }],
    [' 3 / 4 ', { index: 3, count: 4 }],
    ['0/4', undefined],
    ['5/4', undefined],
    ['1/0', undefined],
    ['a/b', undefined]
  ])('parses %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard)
  })
})

describe('the sharding inputs', () => {
  const minimal = {
    'client-id': '11111111-2222-4333-8444-555555555555',
    'tenant-id': '11111111-2222-4333-8444-555555555555'
  }
  const read = (values: Record<string, string>) => (name: string) => values[name] ?? ''

  it('default to one job doing everything', () => {
    expect(getInputs(read(minimal))).toMatchObject({
      phase: 'all',
      shard: { index: 1, count: 1 },
      shardReports: ''
    })
  })

  it('take a shard and refuse a bad one with how to write it', () => {
    expect(getInputs(read({ ...minimal, phase: 'tenants', 'tenants-shard': '2/4' })).shard).toEqual({
      index: 2,
      count: 4
    })
    expect(() => getInputs(read({ ...minimal, 'tenants-shard': '5/4' }))).toThrow(InputError)
    expect(() => getInputs(read({ ...minimal, 'tenants-shard': '1/257' }))).toThrow(/i\/N/)
    expect(() => getInputs(read({ ...minimal, phase: 'sideways' }))).toThrow(
      /phase must be one of all, provider, tenants, merge/
    )
  })

  it('merge needs the reports, not an identity', () => {
    expect(() => getInputs(read({ phase: 'merge' }))).toThrow(/shard-reports is required/)
    expect(getInputs(read({ phase: 'merge', 'shard-reports': 'reports/' }))).toMatchObject({
      phase: 'merge',
      clientId: ''
    })
  })
})

/** A 12-tenant report split as a sharded run would: the provider part and `count` tenant parts. */
function parts(count: number): { whole: Report; parts: Report[]; ids: string[] } {
  const whole = tenantsAtScale(12)
  const ids = whole.tenants.map(t => t.tenantId)
  const providerSteps = whole.steps.filter(step => step.tenantId === undefined)
  const provider: Report = {
    ...whole,
    tenants: [],
    steps: providerSteps,
    totals: { tenants: 0, consented: 0, needsConsent: 0, problems: 0 },
    drift: false,
    part: { phase: 'provider' }
  }
  const shards = Array.from({ length: count }, (_, i): Report => {
    const tenants = tenantsOfShard(whole.tenants, { index: i + 1, count })
    const mine = new Set(tenants.map(t => t.tenantId))
    return {
      ...whole,
      tenants,
      steps: whole.steps.filter(step => step.tenantId !== undefined && mine.has(step.tenantId)),
      totals: {
        tenants: tenants.length,
        consented: tenants.filter(t => t.consent.status === 'consented').length,
        needsConsent: tenants.filter(t => t.consent.status === 'needs-consent').length,
        problems: tenants.filter(t => !['consented', 'needs-consent'].includes(t.consent.status)).length
      },
      drift: tenants.some(
        t => t.consent.status !== 'consented' || t.roleAssignments.some(r => r.status === 'missing')
      ),
      part: { phase: 'tenants', shard: i + 1, of: count }
    }
  })
  return { whole, parts: [provider, ...shards], ids }
}

describe('mergeReports', () => {
  it('gives back the whole from its parts, in any order', () => {
    const { whole, parts: all, ids } = parts(3)
    expect(mergeReports([...all].reverse(), ids)).toEqual({ ok: true, report: whole })
  })

  it.each([
    [
      'a missing shard',
      (p: Report[]) => p.filter(r => !(r.part?.phase === 'tenants' && r.part.shard === 2)),
      /shard 2\/3: expected one report, found 0/
    ],
    ['a repeated shard', (p: Report[]) => [...p, p[1]!], /shard 1\/3: expected one report, found 2/],
    ['no provider', (p: Report[]) => p.slice(1), /expected one provider report, found 0/],
    [
      'a one-job report',
      (p: Report[]) => [...p, { ...p[1]!, part: undefined } as Report],
      /not part of a sharded run/
    ],
    [
      'another mode',
      (p: Report[]) => [...p.slice(0, 3), { ...p[3]!, mode: 'apply' as const }],
      /disagree on mode/
    ]
  ])('refuses %s', (_name, change, problem) => {
    const { parts: all, ids } = parts(3)
    const merged = mergeReports(change(all), ids)
    expect(merged.ok).toBe(false)
    if (!merged.ok) expect(merged.problems.join('; ')).toMatch(problem)
  })

  it('refuses tenants the file does not list, and file tenants no shard reports', () => {
    const { parts: all, ids } = parts(2)
    const merged = mergeReports(all, [...ids.slice(1), tenantIdFor(999)])
    expect(merged.ok).toBe(false)
    if (!merged.ok) {
      expect(merged.problems).toContainEqual(expect.stringMatching(/tenants not in the tenants file: /))
      expect(merged.problems).toContainEqual(expect.stringMatching(/in no shard report: /))
    }
  })

  it('reads only reports of its version', () => {
    expect(asReport({ version: 1 })).toBe(
      'not an entra-tenant-bridge report (tenants, steps, app or totals missing)'
    )
    expect(asReport(null)).toBe('not a JSON object')
    expect(asReport({ version: 99 })).toMatch(/report version 99/)
    const report = tenantsAtScale(1)
    expect(asReport(JSON.parse(JSON.stringify(report)))).toEqual(report)
  })
})
