/**
 * Combines the reports of a sharded run — one from the provider job, one from each tenant shard — into the one
 * report a single job would have written: the provider's app, secret and steps, then every shard's tenants and
 * their steps in the order of the tenants file. A missing, repeated or foreign part is refused, never merged
 * around: a merged report that silently lacks a shard would show its tenants as fine by their absence.
 */
import { REPORT_VERSION, type Report, type TenantReport } from '../model/report.js'

export type MergeResult = { ok: true; report: Report } | { ok: false; problems: string[] }

/**
 * @param reports the parts, in any order
 * @param tenantIds the tenants file's customer tenant ids, in file order: every one must be in exactly one shard
 */
export function mergeReports(reports: readonly Report[], tenantIds: readonly string[]): MergeResult {
  const problems: string[] = []
  const providers = reports.filter(report => report.part?.phase === 'provider')
  const shards = reports.flatMap(report =>
    report.part?.phase === 'tenants' ? [{ report, shard: report.part.shard, of: report.part.of }] : []
  )
  const whole = reports.length - providers.length - shards.length
  if (whole > 0) problems.push(`${whole} report(s) are not part of a sharded run (no "part")`)
  if (providers.length !== 1) problems.push(`expected one provider report, found ${providers.length}`)
  const counts = new Set(shards.map(s => s.of))
  if (shards.length === 0) problems.push('found no tenant shard report')
  if (counts.size > 1) problems.push(`the shards disagree on their number: ${[...counts].join(', ')}`)
  const of = shards[0]?.of ?? 0
  for (let index = 1; index <= of; index++) {
    const found = shards.filter(s => s.shard === index).length
    if (found !== 1) problems.push(`shard ${index}/${of}: expected one report, found ${found}`)
  }
  const provider = providers[0]
  for (const field of ['version', 'mode', 'cloud', 'tenantsFile'] as const) {
    const values = new Set(reports.map(report => String(report[field])))
    if (values.size > 1) problems.push(`the reports disagree on ${field}: ${[...values].join(', ')}`)
  }
  const order = new Map(tenantIds.map((id, position) => [id.toLowerCase(), position]))
  const tenants = shards.flatMap(s => s.report.tenants)
  problems.push(...coverageProblems(tenants, order))
  if (problems.length > 0 || !provider) return { ok: false, problems }

  const position = (tenantId: string | undefined): number => order.get(tenantId?.toLowerCase() ?? '') ?? -1
  const sortedTenants = [...tenants].sort((a, b) => position(a.tenantId) - position(b.tenantId))
  const tenantSteps = shards
    .flatMap(s => s.report.steps)
    .map((step, seq) => ({ step, seq }))
    .sort((a, b) => position(a.step.tenantId) - position(b.step.tenantId) || a.seq - b.seq)
    .map(({ step }) => step)
  const { part: _part, ...base } = provider
  return {
    ok: true,
    report: {
      ...base,
      generatedAt:
        reports
          .map(report => report.generatedAt)
          .sort()
          .at(-1) ?? provider.generatedAt,
      tenants: sortedTenants,
      steps: [...provider.steps, ...tenantSteps],
      totals: {
        tenants: sortedTenants.length,
        consented: sum(shards, s => s.report.totals.consented),
        needsConsent: sum(shards, s => s.report.totals.needsConsent),
        problems: sum(shards, s => s.report.totals.problems)
      },
      drift: reports.some(report => report.drift),
      changed: reports.some(report => report.changed)
    }
  }
}

function coverageProblems(tenants: readonly TenantReport[], order: ReadonlyMap<string, number>): string[] {
  const problems: string[] = []
  const seen = new Map<string, number>()
  for (const tenant of tenants)
    seen.set(tenant.tenantId.toLowerCase(), (seen.get(tenant.tenantId.toLowerCase()) ?? 0) + 1)
  const repeated = [...seen].filter(([, n]) => n > 1).map(([id]) => id)
  const foreign = [...seen.keys()].filter(id => !order.has(id))
  const missing = [...order.keys()].filter(id => !seen.has(id))
  if (repeated.length > 0) problems.push(`tenants in more than one shard: ${listed(repeated)}`)
  if (foreign.length > 0) problems.push(`tenants not in the tenants file: ${listed(foreign)}`)
  if (missing.length > 0) problems.push(`tenants of the tenants file in no shard report: ${listed(missing)}`)
  return problems
}

/** How many ids a problem names before "and N more". */
const IDS_NAMED = 5

function listed(ids: readonly string[]): string {
  const more = ids.length - IDS_NAMED
  return ids.slice(0, IDS_NAMED).join(', ') + (more > 0 ? ` and ${more} more` : '')
}

function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0)
}

/** A parsed JSON file as a report of this version, or why it is not one. */
export function asReport(value: unknown): Report | string {
  if (typeof value !== 'object' || value === null) return 'not a JSON object'
  const candidate = value as Partial<Report>
  if (candidate.version !== REPORT_VERSION)
    return `report version ${String(candidate.version)}, expected ${REPORT_VERSION}`
  if (
    !Array.isArray(candidate.tenants) ||
    !Array.isArray(candidate.steps) ||
    !candidate.app ||
    !candidate.totals
  )
    return 'not an entra-tenant-bridge report (tenants, steps, app or totals missing)'
  return candidate as Report
}
