/**
 * The summary and the PR comment at any number of tenants: the compact forms used when the full ones do not fit.
 * Tenants that need action stay listed one by one — grouped by status, the status's meaning and next step said
 * once per group — while tenants with nothing to do become a count, and repeated steps of the same kind become
 * one row with their number. The consent links of a group differ only in the tenant id, so when every link of a
 * group follows one pattern, the pattern is given once and each tenant's row names its id.
 */
import { md, mdCell, mdCode, mdLink } from './markdown.js'
import type {
  ConsentReport,
  ConsentStatus,
  RoleAssignmentReport,
  StepReport,
  TenantReport
} from '../model/report.js'
import { CONSENT_WORDS, OUTCOME_WORDS, PLAN_NOT_RUN, ROLE_WORDS, STEP_WORDS } from './words.js'

/** Stands for the tenant's id in a link pattern. */
export const TENANT_ID_PLACEHOLDER = '{tenant-id}'

/** A group of tenants that need action, by consent status, in the order of CONSENT_WORDS. */
export interface TenantGroup {
  status: ConsentStatus
  tenants: TenantReport[]
}

export function groupByStatus(tenants: readonly TenantReport[]): TenantGroup[] {
  return (Object.keys(CONSENT_WORDS) as ConsentStatus[])
    .map(status => ({ status, tenants: tenants.filter(tenant => tenant.consent.status === status) }))
    .filter(group => group.tenants.length > 0)
}

/**
 * The consent link of every tenant of the group with its tenant id replaced by the placeholder, when they are all
 * one pattern; undefined when a link is missing or differs (then each row carries its own link).
 */
export function linkPattern(
  tenants: readonly TenantReport[],
  pick: (c: ConsentReport) => string | null
): string | undefined {
  let pattern: string | undefined
  for (const tenant of tenants) {
    const link = pick(tenant.consent)
    if (!link || !link.includes(tenant.tenantId)) return undefined
    const own = link.split(tenant.tenantId).join(TENANT_ID_PLACEHOLDER)
    if (pattern !== undefined && own !== pattern) return undefined
    pattern = own
  }
  return pattern
}

/** Role assignments that are not in place, counted by status: "1 missing, 2 unverifiable". */
export function roleCounts(assignments: readonly RoleAssignmentReport[]): string {
  return (Object.keys(ROLE_WORDS) as RoleAssignmentReport['status'][])
    .filter(status => status !== 'present' && status !== 'applied')
    .map(status => ({ status, n: assignments.filter(a => a.status === status).length }))
    .filter(({ n }) => n > 0)
    .map(({ status, n }) => `${n} ${ROLE_WORDS[status].label}`)
    .join(', ')
}

/**
 * One group as Markdown: a heading with the count, the meaning and next step once, the link pattern once when
 * there is one, then one line per tenant: name, id, its own link (when there is no pattern), its role problems,
 * and what Entra said.
 */
export function groupBlocks(group: TenantGroup, heading: string): string[] {
  const words = CONSENT_WORDS[group.status]
  const pattern = linkPattern(group.tenants, consent => consent.link)
  const blocks = [
    `${heading} ${md(words.label)} (${group.tenants.length})`,
    '',
    `${md(words.meaning)}${words.next ? ` ${md(words.next)}` : ''}`
  ]
  if (pattern) {
    blocks.push(
      '',
      `Consent link of each tenant below: ${mdCode(pattern)} with ${mdCode(TENANT_ID_PLACEHOLDER)} replaced by its tenant id.`
    )
  }
  blocks.push('')
  for (const tenant of group.tenants) blocks.push(tenantLine(tenant, pattern === undefined))
  return blocks
}

function tenantLine(tenant: TenantReport, ownLink: boolean): string {
  const parts = [`- ${md(tenant.name)} · ${mdCode(tenant.tenantId)}`]
  if (tenant.consent.code !== null && tenant.consent.status !== 'consented')
    parts.push(`AADSTS${tenant.consent.code}`)
  if (ownLink && tenant.consent.link) parts.push(mdLink('Consent link', tenant.consent.link))
  const roles = roleCounts(tenant.roleAssignments)
  if (roles && tenant.consent.status === 'consented') parts.push(`role assignments: ${md(roles)}`)
  for (const assignment of tenant.roleAssignments.filter(
    a => a.detail && a.status !== 'present' && a.status !== 'applied'
  ))
    parts.push(`${md(assignment.role)}: ${md(assignment.detail ?? '')}`)
  if (tenant.consent.detail) parts.push(md(tenant.consent.detail))
  if (tenant.consent.traceId) parts.push(`trace id ${mdCode(tenant.consent.traceId)}`)
  return parts.join(' · ')
}

/** Steps that act in a customer tenant (by their tenant id, or by kind for reports without one). */
const TENANT_STEP_KINDS: ReadonlySet<StepReport['kind']> = new Set([
  'request-consent',
  'check-role-assignment',
  'assign-role'
])

export function isTenantStep(step: StepReport): boolean {
  return step.tenantId !== undefined || TENANT_STEP_KINDS.has(step.kind)
}

/** Steps of one kind, write flag and outcome, with their number: the rows of an aggregated plan. */
export interface StepAggregate {
  kind: StepReport['kind']
  write: boolean
  outcome?: StepReport['outcome']
  count: number
}

export function aggregateSteps(steps: readonly StepReport[]): StepAggregate[] {
  const byKey = new Map<string, StepAggregate>()
  for (const step of steps) {
    const key = `${step.kind}|${step.write}|${step.outcome ?? ''}`
    const found = byKey.get(key)
    if (found) found.count++
    else
      byKey.set(key, {
        kind: step.kind,
        write: step.write,
        ...(step.outcome ? { outcome: step.outcome } : {}),
        count: 1
      })
  }
  return [...byKey.values()]
}

/** The plan or the steps: the provider's steps one by one, the customer tenants' steps counted by kind. */
export function aggregatedStepBlocks(steps: readonly StepReport[], plan: boolean): string[] {
  const heading = plan ? '### Plan: what `apply` would do' : '### Steps'
  if (steps.length === 0) return [heading, '', plan ? '`apply` would change nothing.' : 'Nothing to do.']
  const provider = steps.filter(step => !isTenantStep(step))
  const tenant = aggregateSteps(steps.filter(isTenantStep))
  const outcomeOf = (outcome: StepReport['outcome']): string =>
    plan ? PLAN_NOT_RUN : outcome ? OUTCOME_WORDS[outcome] : 'not run'
  return [
    heading,
    '',
    `${steps.length} steps; the customer tenants' steps are counted by kind (the tenants are listed above, the JSON report has each step).`,
    '',
    `| ${plan ? 'apply would' : 'Step'} | Target | Read/write | Outcome |`,
    '|---|---|---|---|',
    ...provider.map(
      step =>
        `| ${md(STEP_WORDS[step.kind])} | ${mdCell(step.target)} | ${step.write ? 'write' : 'read'} | ` +
        `${md(outcomeOf(step.outcome))}${step.detail ? `: ${md(step.detail)}` : ''} |`
    ),
    ...tenant.map(
      row =>
        `| ${md(STEP_WORDS[row.kind])} | ${row.count} customer ${row.count === 1 ? 'tenant' : 'tenants'} | ` +
        `${row.write ? 'write' : 'read'} | ${md(outcomeOf(row.outcome))} |`
    )
  ]
}
