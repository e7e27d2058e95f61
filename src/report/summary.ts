/**
 * The job summary: the full report as GitHub renders a step summary (GFM with a little HTML). Outside text goes
 * through markdown.ts; links and code are made here.
 *
 * GitHub rejects a step summary over 1 MiB ("Job summary size limits",
 * https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits),
 * so the summary shortens itself in stages until it fits `maxBytes`: first the details of consented tenants go,
 * then the tenant table keeps only tenants that need attention (and the steps table only steps that matter), then
 * the compact forms of scale.ts (tenants that need attention listed by status, the others counted, the customer
 * tenants' steps counted by kind), and only past all that the text is cut between blocks with a note naming the
 * JSON report file.
 */
import { md, mdCell, mdCode, mdCodeBlock, mdLink } from './markdown.js'
import { aggregatedStepBlocks, groupBlocks, groupByStatus } from './scale.js'
import type {
  ConsentReport,
  CredentialReport,
  Report,
  RoleAssignmentReport,
  StepReport,
  TenantReport
} from '../model/report.js'
import {
  APP_WORDS,
  PROBE_WORDS,
  appNextStep,
  identityFinding,
  CONSENT_WORDS,
  CREDENTIAL_STATE_WORDS,
  MODE_WORDS,
  OUTCOME_WORDS,
  PLAN_NOT_RUN,
  PROVIDER_ERROR_WORDS,
  ROLE_WORDS,
  SECRET_WORDS,
  STEP_WORDS,
  type Words,
  secretNextStep
} from './words.js'

/** Under GitHub's 1 MiB step-summary limit, with room for what other steps of the job add. */
export const DEFAULT_SUMMARY_MAX_BYTES = 900 * 1024

export const SUMMARY_TITLE = 'entra-tenant-bridge'

/**
 * How far the summary had to shorten itself. `grouped` and `lines` (scale.ts) list the tenants that need action
 * by status and count the customer tenants' steps by kind; `grouped` keeps the details (errors, commands for the
 * customer's admin) of the tenants that need more than a consent, `lines` one line per tenant.
 */
const LEVEL = { full: 0, withoutConsentedDetails: 1, problemsOnly: 2, grouped: 3, lines: 4 } as const
type Level = (typeof LEVEL)[keyof typeof LEVEL]
const LEVELS: readonly Level[] = [
  LEVEL.full,
  LEVEL.withoutConsentedDetails,
  LEVEL.problemsOnly,
  LEVEL.grouped,
  LEVEL.lines
]

export interface SummaryOptions {
  maxBytes?: number
  /** Path of the JSON report file, named where the summary leaves data out. */
  reportFile?: string
}

export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_SUMMARY_MAX_BYTES
  const reportFile = options.reportFile ?? 'the JSON report file'
  let blocks: string[] = []
  for (const level of LEVELS) {
    blocks = summaryBlocks(report, level, reportFile)
    // UTF-8 takes at least one byte per UTF-16 unit: a form longer than that in units is too big in bytes too,
    // and is dropped without being joined or measured.
    if (unitsOf(blocks) > maxBytes) continue
    const text = joinBlocks(blocks)
    if (byteLength(text) <= maxBytes) return text
  }
  // Past every compact form, the tenant lines are cut — never the plan the headline promises.
  const steps = aggregatedStepBlocks(report.steps, report.mode === 'plan')
  const rest = blocks.slice(0, blocks.length - steps.length)
  const stepsText = joinBlocks(['', ...steps])
  return truncateBlocks(rest, maxBytes - byteLength(stepsText), truncationNote(reportFile)) + stepsText
}

/** A tenant that someone has to act on: not consented, or a role assignment that is not in place. */
export function needsAttention(tenant: TenantReport): boolean {
  return (
    tenant.consent.status !== 'consented' ||
    tenant.roleAssignments.some(roleNeedsAttention) ||
    tenant.drift.length > 0 ||
    tenant.unmanagedUnread !== undefined ||
    tenant.probes.some(probe => probe.status !== 'verified')
  )
}

export function roleNeedsAttention(assignment: RoleAssignmentReport): boolean {
  return !ROLE_IN_PLACE.has(assignment.status)
}

const ROLE_IN_PLACE: ReadonlySet<RoleAssignmentReport['status']> = new Set<RoleAssignmentReport['status']>([
  'present',
  'inherited',
  'applied'
])

/** The headline: counts and mode, as one Markdown line. Shared with the PR comment. */
export function headline(report: Report): string {
  const { totals } = report
  return (
    `**${totals.tenants} ${plural(totals.tenants, 'tenant', 'tenants')}**: ` +
    `${totals.consented} consented · ${totals.needsConsent} ${plural(totals.needsConsent, 'needs', 'need')} consent · ` +
    `${totals.problems} with problems — mode **${report.mode}**: ${MODE_WORDS[report.mode]}`
  )
}

/** The status of a tenant's consent in words: label, AADSTS code, and the code's own meaning when it has one. */
export function consentWords(consent: ConsentReport): Words {
  const words = CONSENT_WORDS[consent.status]
  const known =
    consent.status === 'provider-error' && consent.code !== null
      ? PROVIDER_ERROR_WORDS[consent.code]
      : undefined
  const label =
    consent.code === null || consent.status === 'consented'
      ? words.label
      : `${words.label} (AADSTS${consent.code})`
  return { label, meaning: known?.meaning ?? words.meaning, next: known?.next ?? words.next }
}

/** The consent links as Markdown, or '' when there are none. */
export function consentLinksMarkdown(consent: ConsentReport): string {
  const links = [
    consent.link ? mdLink('Consent link', consent.link) : undefined,
    consent.linkV2 ? mdLink('v2.0 link', consent.linkV2) : undefined
  ].filter((link): link is string => link !== undefined)
  return links.join(' · ')
}

/** The one-cell "what to do next" for a tenant. */
export function nextStepMarkdown(tenant: TenantReport): string {
  const words = consentWords(tenant.consent)
  const parts: string[] = []
  if (words.next) parts.push(md(words.next))
  const links = consentLinksMarkdown(tenant.consent)
  if (links) parts.push(links)
  const roleProblems = tenant.roleAssignments.filter(roleNeedsAttention)
  if (tenant.consent.status === 'consented' && roleProblems.length > 0)
    parts.push(md(roleProblemsInWords(roleProblems)))
  if (tenant.consent.status !== 'consented' && roleProblems.length > 0)
    parts.push(
      md(
        `Then ${roleProblems.length} role ${plural(roleProblems.length, 'grant', 'grants')}: ${roleProblems.map(a => `${a.role} at ${a.scope}`).join('; ')} (hand-off ready)`
      )
    )
  if (tenant.drift.length > 0) parts.push(md(`Drift: ${tenant.drift.join('; ')}`))
  return parts.length > 0 ? parts.join(' · ') : 'Nothing to do'
}

/** "Role assignments: 1 missing, 1 unverifiable; see the details", counted by status in the order of ROLE_WORDS. */
function roleProblemsInWords(problems: readonly RoleAssignmentReport[]): string {
  const counts = (Object.keys(ROLE_WORDS) as RoleAssignmentReport['status'][])
    .map(status => ({ status, n: problems.filter(assignment => assignment.status === status).length }))
    .filter(({ n }) => n > 0)
    .map(({ status, n }) => `${n} ${ROLE_WORDS[status].label}`)
  return `Role assignments: ${counts.join(', ')}; see the details for what to do`
}

function summaryBlocks(report: Report, level: Level, reportFile: string): string[] {
  if (level >= LEVEL.grouped) return groupedBlocks(report, level, reportFile)
  const consented = report.tenants.filter(tenant => !needsAttention(tenant))
  const notes: string[] = []
  if (level >= LEVEL.withoutConsentedDetails && consented.length > 0) {
    notes.push(
      `> Shortened to fit GitHub's summary size limit: the details of ${consented.length} ` +
        `${plural(consented.length, 'tenant', 'tenants')} with nothing to do are left out; ${md(reportFile)} has them.`
    )
  }
  if (level >= LEVEL.problemsOnly && consented.length > 0) {
    notes.push(
      `> Shortened further: the tables list only tenants that need attention and steps that write or need a person.`
    )
  }
  const tenantsShown = level >= LEVEL.problemsOnly ? report.tenants.filter(needsAttention) : report.tenants
  const detailed =
    level >= LEVEL.withoutConsentedDetails ? report.tenants.filter(needsAttention) : report.tenants
  const steps = level >= LEVEL.problemsOnly ? report.steps.filter(stepMatters) : report.steps
  return [
    `## ${SUMMARY_TITLE} · ${report.mode}`,
    '',
    headline(report),
    ...notes.flatMap(note => ['', note]),
    ...report.notices.flatMap(notice => ['', `> **Notice**: ${md(notice)}`]),
    '',
    ...identityBlock(report),
    ...appBlocks(report),
    '',
    secretBlock(report),
    '',
    ...credentialBlocks(report),
    '### Tenants',
    '',
    ...tenantTable(tenantsShown),
    '',
    ...detailed.flatMap(tenantDetails),
    ...stepBlocks(report, steps)
  ]
}

/** The compact form (scale.ts): every tenant that needs action, by status; the others counted; steps by kind. */
function groupedBlocks(report: Report, level: Level, reportFile: string): string[] {
  const attention = report.tenants.filter(needsAttention)
  const fine = report.tenants.length - attention.length
  const detailed =
    level === LEVEL.grouped
      ? attention.filter(tenant => tenant.consent.status !== 'needs-consent').flatMap(tenantDetails)
      : []
  return [
    `## ${SUMMARY_TITLE} · ${report.mode}`,
    '',
    headline(report),
    '',
    ...identityBlock(report),
    `> Shortened to fit GitHub's summary size limit: every tenant that needs attention is listed below by status; ` +
      `the ${fine} ${plural(fine, 'tenant', 'tenants')} with nothing to do are counted, not listed, and the ` +
      `customer tenants' steps are counted by kind; ${md(reportFile)} has everything.`,
    '',
    ...appBlocks(report),
    '',
    secretBlock(report),
    '',
    '### Tenants',
    '',
    `**${fine} ${plural(fine, 'tenant', 'tenants')} with nothing to do**: consented, every role assignment in place.`,
    '',
    ...(attention.length === 0 ? ['No tenant needs attention.', ''] : []),
    ...groupByStatus(attention).flatMap(group => [...groupBlocks(group, '####'), '']),
    ...(detailed.length > 0 ? ['#### Details', '', ...detailed] : []),
    ...aggregatedStepBlocks(report.steps, report.mode === 'plan')
  ]
}

function identityBlock(report: Report): string[] {
  const finding = identityFinding(report.identity)
  return finding ? [`**Least privilege** ${md(finding)}`, ''] : []
}

function appBlocks(report: Report): string[] {
  const { app } = report
  const words = APP_WORDS[app.status]
  const id = app.appId ? ` · app id ${mdCode(app.appId)}` : ''
  const blocks = [
    `**App** ${md(app.displayName)} (${mdCode(app.uniqueName)})${id} · **${words.label}**: ${md(words.meaning)}` +
      (app.detail ? ` ${md(app.detail)}` : '') +
      (appNextStep(app) ? ` ${md(appNextStep(app))}${app.fixCommand ? ':' : '.'}` : '')
  ]
  if (app.fixCommand) blocks.push('', mdCodeBlock(app.fixCommand, 'sh'))
  if (app.federatedCredentials.length > 0) {
    blocks.push(
      '',
      `<details><summary>Federated credentials (${app.federatedCredentials.length})</summary>`,
      '',
      '| Name | Subject | Status |',
      '|---|---|---|',
      ...app.federatedCredentials.map(
        fic => `| ${mdCell(fic.name)} | ${mdCode(fic.subject, 'table')} | ${mdCell(fic.status)} |`
      ),
      '',
      '</details>'
    )
  }
  return blocks
}

function secretBlock(report: Report): string {
  const { secret } = report
  const words = SECRET_WORDS[secret.status]
  const where =
    secret.keyVault && secret.secretName ? ` ${md(secret.keyVault)} › ${md(secret.secretName)}` : ''
  const version = secret.version ? ` · version ${mdCode(secret.version)}` : ''
  const expires = secret.expiresOn ? ` · expires ${md(secret.expiresOn)}` : ''
  const nextStep = secretNextStep(secret)
  const next = nextStep ? ` ${md(nextStep)}.` : ''
  const detail = secret.detail ? ` ${md(secret.detail)}` : ''
  return `**Secret**${where} · **${words.label}**: ${md(words.meaning)}${detail}${next}${version}${expires}`
}

/** Every credential of the app, with its expiry; orphans with the command that removes them by hand. */
function credentialBlocks(report: Report): string[] {
  const { credentials } = report
  const blocks: string[] = []
  if (credentials.length > 0) {
    const flagged = credentials.filter(c => c.flag !== undefined || c.state === 'orphan').length
    blocks.push(
      `### Credentials (${credentials.length}${flagged > 0 ? `, ${flagged} need attention` : ''})`,
      '',
      '| Kind | Id | Managed | Hint | Start | End | Days left | State |',
      '|---|---|---|---|---|---|---|---|',
      ...credentials.map(credentialRow),
      ''
    )
    const commands = credentials.filter(c => c.state === 'orphan' && c.fixCommand).map(c => c.fixCommand!)
    if (commands.length > 0) {
      blocks.push(
        'Orphan passwords (stored nowhere; the next apply removes them, or remove them by hand):',
        '',
        mdCodeBlock(commands.join('\n'), 'sh'),
        ''
      )
    }
  }
  const subjects = report.federatedSubjects ?? []
  if (subjects.length > 0) {
    blocks.push(
      '**Federated credential subjects the app needs** (issuer https://token.actions.githubusercontent.com):',
      '',
      '| Subject | Why | On the app | This run |',
      '|---|---|---|---|',
      ...subjects.map(
        s =>
          `| ${mdCode(s.subject, 'table')} | ${mdCell(s.why)} | ${s.onApp ? 'yes' : '**missing**'} | ${s.presented ? 'presented' : ''} |`
      ),
      ''
    )
  }
  return blocks
}

function credentialRow(credential: CredentialReport): string {
  const flag =
    credential.flag === 'expired'
      ? ' · **expired**'
      : credential.flag === 'expiring'
        ? ' · **expiring soon**'
        : ''
  const days = credential.daysLeft === null ? '—' : String(credential.daysLeft)
  const state = `${md(CREDENTIAL_STATE_WORDS[credential.state])}${flag}`
  const id =
    credential.kind === 'federated'
      ? `${md(credential.id)}: ${mdCode(credential.subject ?? '', 'table')}`
      : mdCode(credential.id, 'table')
  return (
    `| ${credential.kind} | ${id} | ${credential.managed ? 'yes' : 'no'} | ${credential.hint ? mdCode(credential.hint, 'table') : '—'} | ` +
    `${md(credential.start?.slice(0, 10) ?? '—')} | ${md(credential.end?.slice(0, 10) ?? '—')} | ${days} | ${state} |`
  )
}

function tenantTable(tenants: readonly TenantReport[]): string[] {
  if (tenants.length === 0) return ['No tenant needs attention.']
  return ['| Tenant | Tenant id | Status | Next step |', '|---|---|---|---|', ...tenants.map(tenantRow)]
}

/**
 * A tenant's row and details are the same at every level of shortening: each is rendered once per report, not
 * once per level tried (at thousands of tenants, that was most of the summary's CPU).
 */
function once<T>(render: (tenant: TenantReport) => T): (tenant: TenantReport) => T {
  const rendered = new WeakMap<TenantReport, T>()
  return tenant => {
    if (!rendered.has(tenant)) rendered.set(tenant, render(tenant))
    return rendered.get(tenant) as T
  }
}

const tenantRow = once(tenant => {
  const words = consentWords(tenant.consent)
  return (
    `| ${mdCell(tenant.name)} | ${mdCode(tenant.tenantId, 'table')} | ` +
    `**${md(words.label)}**: ${md(words.meaning)} | ${nextStepMarkdown(tenant)} |`
  )
})

const tenantDetails = once(renderTenantDetails)

function renderTenantDetails(tenant: TenantReport): string[] {
  const { consent } = tenant
  const words = consentWords(consent)
  const facts = [
    `- Consent: **${md(words.label)}**: ${md(words.meaning)}`,
    consent.detail
      ? `- ${consent.code === null ? 'Detail' : 'What Entra said'}: ${md(consent.detail)}`
      : undefined,
    consent.traceId ? `- Trace id: ${mdCode(consent.traceId)}` : undefined,
    tenant.principalId ? `- Service principal object id: ${mdCode(tenant.principalId)}` : undefined,
    consentLinksMarkdown(consent) ? `- ${consentLinksMarkdown(consent)}` : undefined
  ].filter((line): line is string => line !== undefined)
  return [
    `<details><summary>${md(tenant.name)} — ${md(words.label)}</summary>`,
    '',
    ...facts,
    ...(tenant.drift.length > 0 ? [`- Drift: ${md(tenant.drift.join('; '))}`] : []),
    ...(tenant.onboarding ? ['- Onboarding: not consented yet is expected (not drift)'] : []),
    ...roleTable(tenant.roleAssignments),
    ...probeTable(tenant),
    ...unmanagedLines(tenant),
    ...handoffMarkdown(tenant),
    '',
    '</details>',
    ''
  ]
}

function probeTable(tenant: TenantReport): string[] {
  if (tenant.probes.length === 0) return []
  return [
    '',
    '| Probe | Target | Status |',
    '|---|---|---|',
    ...tenant.probes.map(probe => {
      const words = PROBE_WORDS[probe.status]
      const code = probe.code ? ` ${mdCode(probe.code, 'table')}` : ''
      const detail = probe.detail ? ` ${md(probe.detail)}` : ''
      return `| ${probe.kind === 'arm' ? 'ARM read' : 'Key Vault secret attributes'} | ${mdCode(probe.target, 'table')} | **${md(words.label)}**${code}:${detail} |`
    })
  ]
}

function unmanagedLines(tenant: TenantReport): string[] {
  if (tenant.unmanagedUnread) return ['', md(tenant.unmanagedUnread)]
  if (tenant.unmanaged.length === 0) return []
  return [
    '',
    'Role assignments of the app that the tenants file does not list (`prune: true` removes them):',
    '',
    ...tenant.unmanaged.map(u => `- ${mdCode(u.roleDefinitionId)} at ${mdCode(u.scope)}`)
  ]
}

/** The hand-off: what the customer's admin runs. Shared with the PR comment. */
export function handoffMarkdown(tenant: TenantReport): string[] {
  const handoff = tenant.handoff
  if (!handoff) return []
  const when = tenant.consent.status === 'consented' ? '' : ' once they have consented'
  const lines = [
    '',
    `**Hand-off for the customer's admin${when}** (${handoff.grants.length} ${plural(handoff.grants.length, 'grant', 'grants')}; the same files are in the report folder under ${mdCode(`handoff/${tenant.tenantId}/`)}):`,
    '',
    mdCodeBlock(handoff.azScript.trimEnd(), 'sh'),
    '',
    '<details><summary>PowerShell</summary>',
    '',
    mdCodeBlock(handoff.powershell.trimEnd(), 'powershell'),
    '',
    '</details>'
  ]
  if (handoff.delegation) {
    lines.push(
      '',
      '<details><summary>Or once: let the app assign exactly these roles itself (RBAC Administrator with a condition)</summary>',
      '',
      mdCodeBlock(handoff.delegation.azScript.trimEnd(), 'sh'),
      '',
      '</details>'
    )
  }
  return lines
}

function roleTable(assignments: readonly RoleAssignmentReport[]): string[] {
  if (assignments.length === 0) return []
  return [
    '',
    '| Role | Scope | Status |',
    '|---|---|---|',
    ...assignments.map(assignment => {
      const words = ROLE_WORDS[assignment.status]
      const detail = assignment.detail ? ` ${md(assignment.detail)}` : ''
      return (
        `| ${mdCell(assignment.role)} | ${mdCode(assignment.scope, 'table')} | ` +
        `**${md(words.label)}**: ${md(words.meaning)}${detail} |`
      )
    })
  ]
}

/** Steps kept when the summary is shortened: those that write and those whose outcome someone must act on. */
function stepMatters(step: StepReport): boolean {
  return step.write || step.outcome === 'failed' || step.outcome === 'manual'
}

function stepBlocks(report: Report, steps: readonly StepReport[]): string[] {
  const plan = report.mode === 'plan'
  const heading = plan ? '### Plan: what `apply` would do' : '### Steps'
  if (steps.length === 0) return [heading, '', plan ? '`apply` would change nothing.' : 'Nothing to do.']
  return [
    heading,
    '',
    `| # | ${plan ? 'apply would' : 'Step'} | Target | Reason | Read/write | Outcome |`,
    '|---|---|---|---|---|---|',
    ...steps.map((step, index) => {
      const outcome = plan ? PLAN_NOT_RUN : step.outcome ? OUTCOME_WORDS[step.outcome] : 'not run'
      const detail = step.detail ? `: ${md(step.detail)}` : ''
      return (
        `| ${index + 1} | ${md(STEP_WORDS[step.kind])} | ${mdCell(step.target)} | ${mdCell(step.reason)} | ` +
        `${step.write ? 'write' : 'read'} | ${md(outcome)}${detail} |`
      )
    })
  ]
}

function truncationNote(reportFile: string): string {
  return `> Cut here to stay under GitHub's summary size limit: the full data is in ${md(reportFile)}.`
}

/**
 * Keeps whole blocks (a table row, a line, a details section's line) while they fit, then adds the note. A cut
 * inside `<details>` would leave it open, so the cut backs up to before the open section.
 */
function truncateBlocks(blocks: readonly string[], maxBytes: number, note: string): string {
  const budget = maxBytes - byteLength(`\n\n${note}\n`)
  const kept: string[] = []
  let used = 0
  let openDetailsAt = -1
  for (const block of blocks) {
    const size = byteLength(block) + 1
    if (used + size > budget) break
    if (block.startsWith('<details>')) openDetailsAt = kept.length
    if (block === '</details>') openDetailsAt = -1
    kept.push(block)
    used += size
  }
  if (openDetailsAt >= 0) kept.length = openDetailsAt
  return `${joinBlocks(kept)}\n\n${note}\n`
}

function joinBlocks(blocks: readonly string[]): string {
  return `${blocks.join('\n')}\n`
}

/** The length of `joinBlocks(blocks)` in UTF-16 units. */
function unitsOf(blocks: readonly string[]): number {
  let units = blocks.length
  for (const block of blocks) units += block.length
  return units
}

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many
}
