/**
 * The job summary and the PR comment at 10,000 tenants: under GitHub's limits, every section the headline
 * promises present, every tenant that needs action listed (with its consent link, directly or by the group's
 * pattern), the others counted.
 */
import { describe, expect, it } from '@jest/globals'
import { MAX_COMMENT_CHARS, renderComment } from '../../src/report/comment.js'
import { md } from '../../src/report/markdown.js'
import { TENANT_ID_PLACEHOLDER, aggregateSteps, linkPattern } from '../../src/report/scale.js'
import { DEFAULT_SUMMARY_MAX_BYTES, needsAttention, renderSummary } from '../../src/report/summary.js'
import type { TenantReport } from '../../src/model/report.js'
import { expectInert, expectTablesIntact } from './structure.js'
import { hostileReport, tenant, tenantsAtScale } from './fixtures/reports.js'

/** Whether the tenant's consent link is in the text: itself, or the pattern given once for its group. */
function linkShown(text: string, t: TenantReport): boolean {
  const link = t.consent.link
  if (!link) return true
  return text.includes(link) || text.includes(link.split(t.tenantId).join(TENANT_ID_PLACEHOLDER))
}

describe('the job summary at 10,000 tenants', () => {
  const report = tenantsAtScale(10_000)
  const summary = renderSummary(report, { reportFile: 'report.json' })
  const attention = report.tenants.filter(needsAttention)

  it("stays under GitHub's 1 MiB limit, with room for the job's other steps", () => {
    expect(Buffer.byteLength(renderSummary(report, { maxBytes: Number.MAX_SAFE_INTEGER }))).toBeGreaterThan(
      DEFAULT_SUMMARY_MAX_BYTES
    )
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(DEFAULT_SUMMARY_MAX_BYTES)
    expect(summary).not.toContain('Cut here')
  })

  it('keeps every section the headline promises: app, secret, tenants, the plan', () => {
    expect(summary).toContain('**10000 tenants**')
    expect(summary).toContain('the steps below are what `apply` would do')
    for (const heading of ['**App**', '**Secret**', '### Tenants', '### Plan: what `apply` would do'])
      expect(summary).toContain(heading)
    expect(summary).toContain(
      '| rotate the secret in Key Vault | kv-provider/contoso-provider-access | write |'
    )
    const requests = report.steps.filter(step => step.kind === 'request-consent').length
    expect(summary).toContain(
      `| ask the customer's admin for consent | ${requests} customer tenants | read |`
    )
    const assigns = report.steps.filter(step => step.kind === 'assign-role').length
    expect(summary).toContain(`| create a role assignment | ${assigns} customer tenants | write |`)
  })

  it('lists every tenant that needs action with its id, its consent link, and what failed', () => {
    expect(attention.length).toBeGreaterThan(3000)
    for (const t of attention) {
      expect(summary).toContain(`- ${md(t.name)} · \`${t.tenantId}\``)
      expect(linkShown(summary, t)).toBe(true)
    }
    const failed = attention.find(t => t.consent.status === 'error')!
    expect(summary).toContain('The service is temporarily unavailable.')
    expect(summary).toContain(failed.tenantId)
  })

  it('counts the tenants with nothing to do instead of listing them', () => {
    const fine = report.tenants.filter(t => !needsAttention(t))
    expect(summary).toContain(`**${fine.length} tenants with nothing to do**`)
    expect(summary).not.toContain(`\`${fine[0]!.tenantId}\``)
  })

  it('keeps its tables intact and outside text inert', () => {
    expectTablesIntact(summary)
    const hostile = hostileReport()
    hostile.tenants = [...hostile.tenants, ...tenantsAtScale(10_000).tenants]
    expectInert(renderSummary(hostile))
  })
})

it('keeps the plan even where the tenant lines must be cut', () => {
  const summary = renderSummary(tenantsAtScale(10_000), { maxBytes: 40_000, reportFile: 'report.json' })
  expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(40_000)
  expect(summary).toContain("Cut here to stay under GitHub's summary size limit")
  expect(summary).toContain('### Plan: what `apply` would do')
  expect(summary).toContain(
    '| rotate the secret in Key Vault | kv-provider/contoso-provider-access | write |'
  )
  expectTablesIntact(summary)
})

describe('the PR comment at scale', () => {
  const report = tenantsAtScale(1_000)
  const comment = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/1' })

  it('lists every tenant that needs action at 1,000 tenants, by status, under 65,536 characters', () => {
    expect(comment.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(comment).not.toContain('Cut to fit')
    for (const t of report.tenants.filter(needsAttention)) expect(comment).toContain(t.tenantId)
    expect(comment).toContain('**`apply` would write:**')
  })

  it('at 10,000 tenants says where it was cut, and still has the steps it would write', () => {
    const big = renderComment(tenantsAtScale(10_000), { runUrl: 'https://github.com/o/r/actions/runs/1' })
    expect(big.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS)
    expect(big).toContain('**`apply` would write:**')
    expect(big).toContain('rotate the secret in Key Vault')
    expect(big).toContain("Cut to fit GitHub's comment size limit")
    expectTablesIntact(big)
  })
})

describe('compact forms', () => {
  it('give one consent-link pattern only when every link of the group follows it', () => {
    const a = tenant({ name: 'A', index: 1, status: 'needs-consent' })
    const b = tenant({ name: 'B', index: 2, status: 'needs-consent' })
    expect(linkPattern([a, b], c => c.link)).toContain(TENANT_ID_PLACEHOLDER)
    const odd = { ...b, consent: { ...b.consent, link: 'https://login.example/other' } }
    expect(linkPattern([a, odd], c => c.link)).toBeUndefined()
    expect(linkPattern([tenant({ name: 'C', index: 3, status: 'consented' })], c => c.link)).toBeUndefined()
  })

  it('count steps by kind, write and outcome', () => {
    const step = { kind: 'assign-role' as const, target: 't', reason: 'r', write: true }
    expect(aggregateSteps([step, step, { ...step, outcome: 'failed' as const }])).toEqual([
      { kind: 'assign-role', write: true, count: 2 },
      { kind: 'assign-role', write: true, outcome: 'failed', count: 1 }
    ])
  })
})
