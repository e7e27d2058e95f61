/**
 * The sticky pull-request comment: the headline, the tenants someone must act on (with consent links) and the
 * steps that write. One comment per pull request, found again by a hidden marker and updated in place.
 */
import { md, mdCell, mdLink } from './markdown.js'
import {
  consentWords,
  handoffMarkdown,
  headline,
  needsAttention,
  nextStepMarkdown,
  SUMMARY_TITLE
} from './summary.js'
import type { Report, StepReport } from '../model/report.js'
import { OUTCOME_WORDS, STEP_WORDS } from './words.js'
import { aggregateSteps, groupBlocks, groupByStatus, isTenantStep } from './scale.js'

export const COMMENT_MARKER = '<!-- entra-tenant-bridge:plan -->'

/**
 * GitHub rejects an issue comment body over 65,536 characters ("body is too long (maximum is 65536
 * characters)", REST API `POST /repos/{owner}/{repo}/issues/{issue_number}/comments`, 422).
 */
export const MAX_COMMENT_CHARS = 65_536

/** Comments per page when looking for ours; 100 is the REST API's maximum `per_page`. */
export const COMMENTS_PER_PAGE = 100

export function renderComment(report: Report, options: { runUrl?: string } = {}): string {
  const attention = report.tenants.filter(needsAttention)
  const writes = report.steps.filter(step => step.write)
  const plan = report.mode === 'plan'
  const head = [
    COMMENT_MARKER,
    `### ${SUMMARY_TITLE} · ${report.mode}`,
    '',
    headline(report),
    ...(options.runUrl ? ['', `Full report: ${mdLink('job summary', options.runUrl)}`] : []),
    ''
  ]
  const writeHeading = ['', plan ? '**`apply` would write:**' : '**Written by `apply`:**', '']
  const full = [
    ...head,
    ...(attention.length > 0
      ? [
          '| Tenant | Status | Next step |',
          '|---|---|---|',
          ...attention.map(
            tenant =>
              `| ${mdCell(tenant.name)} | **${md(consentWords(tenant.consent).label)}** | ${nextStepMarkdown(tenant)} |`
          )
        ]
      : ['Every tenant is consented and has its role assignments.']),
    ...attention.flatMap(tenant =>
      tenant.handoff ? ['', `#### ${md(tenant.name)}`, ...handoffMarkdown(tenant).slice(1)] : []
    ),
    ...writeHeading,
    ...(writes.length > 0 ? writes.map(step => stepLine(step, plan)) : ['- nothing'])
  ].join('\n')
  if (full.length <= MAX_COMMENT_CHARS) return full
  // Too long: the tenants that need attention by status (each group's meaning and link pattern once), the
  // customer tenants' writes counted by kind; the tenant lines are what gets cut, never the writes.
  const tenants = groupByStatus(attention).flatMap(group => [...groupBlocks(group, '####'), ''])
  const steps = [...writeHeading, ...compactWrites(writes, plan)]
  return fitTenantLines(head, tenants, steps, MAX_COMMENT_CHARS, runUrlNote(options.runUrl))
}

function stepLine(step: StepReport, plan: boolean): string {
  const outcome = !plan && step.outcome ? ` — ${OUTCOME_WORDS[step.outcome]}` : ''
  return `- ${md(STEP_WORDS[step.kind])}: ${md(step.target)} (${md(step.reason)})${outcome}`
}

/** The provider's writes one by one, the customer tenants' counted by kind and outcome. */
function compactWrites(writes: readonly StepReport[], plan: boolean): string[] {
  if (writes.length === 0) return ['- nothing']
  return [
    ...writes.filter(step => !isTenantStep(step)).map(step => stepLine(step, plan)),
    ...aggregateSteps(writes.filter(isTenantStep)).map(row => {
      const outcome = !plan && row.outcome ? ` — ${OUTCOME_WORDS[row.outcome]}` : ''
      return `- ${md(STEP_WORDS[row.kind])}: ${row.count} customer ${row.count === 1 ? 'tenant' : 'tenants'}${outcome}`
    })
  ]
}

function runUrlNote(runUrl: string | undefined): string {
  const where = runUrl ? mdLink('the job summary', runUrl) : 'the job summary'
  return `> Cut to fit GitHub's comment size limit; the full report is in ${where}.`
}

/** The head and the steps whole; the tenant lines while they fit, then the note where they were cut. */
function fitTenantLines(
  head: readonly string[],
  tenants: readonly string[],
  steps: readonly string[],
  maxChars: number,
  note: string
): string {
  const all = [...head, ...tenants, ...steps].join('\n')
  if (all.length <= maxChars) return all
  const fixed = [...head, ...steps].join('\n').length + note.length + 4
  const kept: string[] = []
  let used = fixed
  for (const line of tenants) {
    if (used + line.length + 1 > maxChars) break
    kept.push(line)
    used += line.length + 1
  }
  return [...head, ...kept, '', note, ...steps].join('\n')
}

/** The small part of Octokit's REST API the sticky comment uses (`octokit.rest.issues`). */
export interface CommentApi {
  listComments(p: {
    owner: string
    repo: string
    issue_number: number
    per_page: number
    page: number
  }): Promise<{ data: { id: number; body?: string | null; user?: { type?: string } | null }[] }>
  createComment(p: {
    owner: string
    repo: string
    issue_number: number
    body: string
  }): Promise<{ data: { id: number } }>
  updateComment(p: {
    owner: string
    repo: string
    comment_id: number
    body: string
  }): Promise<{ data: { id: number } }>
}

export type UpsertResult =
  { status: 'created' | 'updated'; id: number } | { status: 'skipped'; reason: string }

/**
 * GitHub answers 403 when the token may not write (a pull request from a fork gets a read-only `GITHUB_TOKEN`,
 * https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication)
 * and 404 when it may not even see the pull request; neither should fail the run, the summary has everything.
 */
const SKIPPED_STATUSES: ReadonlySet<number> = new Set([403, 404])

export async function upsertComment(
  api: CommentApi,
  target: { owner: string; repo: string; issueNumber: number },
  body: string
): Promise<UpsertResult> {
  const where = { owner: target.owner, repo: target.repo }
  try {
    const existing = await findOurComment(api, { ...where, issue_number: target.issueNumber })
    if (existing !== undefined) {
      const { data } = await api.updateComment({ ...where, comment_id: existing, body })
      return { status: 'updated', id: data.id }
    }
    const { data } = await api.createComment({ ...where, issue_number: target.issueNumber, body })
    return { status: 'created', id: data.id }
  } catch (error) {
    const status = httpStatusOf(error)
    if (status !== undefined && SKIPPED_STATUSES.has(status)) {
      return {
        status: 'skipped',
        reason:
          `GitHub refused the pull request comment (HTTP ${status}): the token cannot write to this pull request ` +
          '(pull requests from forks get a read-only token); the job summary has the full report'
      }
    }
    throw error
  }
}

/** Our comment starts with the marker; a reply that quotes it does not, and is left alone. */
async function findOurComment(
  api: CommentApi,
  issue: { owner: string; repo: string; issue_number: number }
): Promise<number | undefined> {
  for (let page = 1; ; page++) {
    const { data } = await api.listComments({ ...issue, per_page: COMMENTS_PER_PAGE, page })
    const ours = data.find(comment => (comment.body ?? '').trimStart().startsWith(COMMENT_MARKER))
    if (ours) return ours.id
    if (data.length < COMMENTS_PER_PAGE) return undefined
  }
}

function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined
  const status = (error as { status: unknown }).status
  return typeof status === 'number' ? status : undefined
}
