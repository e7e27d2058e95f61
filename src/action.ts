/**
 * The action once its inputs and tenants file are good (main.ts checked them): sign in, observe, plan, apply through
 * the engine, then publish — job log, report files, annotations, job summary, PR comment, outputs. With main.ts, the
 * only module that knows GitHub Actions exists; everything below them takes plain values.
 *
 * Loaded by main.ts with a dynamic `import()` (ncc emits it as a chunk), and with it @actions/core and its HTTP
 * client: a run that stops at a mistake in the inputs or the tenants file never loads them. The engine — and with
 * it the Azure SDKs, most of the bundle — loads while GitHub's OIDC token is requested. @actions/github is loaded
 * only to comment on a pull request.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { glob, readFile, readdir, stat } from 'node:fs/promises'
import { EOL, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import * as core from '@actions/core'
import type { TenantsConfig } from './model/config.js'
import { type Inputs, InputError, type Phase } from './inputs.js'
import { tenantsOfShard } from './plan/shard.js'
import { type Annotation, annotationsFor } from './report/annotations.js'
import { renderComment, upsertComment } from './report/comment.js'
import { handoffFiles } from './plan/handoff.js'
import { inertCommandText, inertLogLine } from './report/log-line.js'
import { asReport, mergeReports } from './report/merge.js'
import { failureFor, outputsFor } from './report/outputs.js'
import { renderSummary } from './report/summary.js'
import type { Report } from './model/report.js'

/** A run of phase all, provider or tenants: sign in, run the engine over the (shard's) tenants, publish. */
export async function runAction(
  inputs: Inputs & { phase: Exclude<Phase, 'merge'> },
  file: TenantsConfig
): Promise<void> {
  const config =
    inputs.phase === 'tenants' ? { ...file, tenants: tenantsOfShard(file.tenants, inputs.shard) } : file
  core.info(inertLogLine(`${inputs.mode}: ${scopeInWords(inputs, file, config)}, cloud ${inputs.cloud.name}`))
  const getIdToken = earlyIdToken(inputs.cloud.oidcAudience)
  const { runBridge } = await import('./engine/index.js')
  const report = await runBridge(inputs, config, {
    getIdToken,
    info: message => core.info(inertLogLine(message)),
    mask: value => core.setSecret(value)
  })
  await publish(report, inputs)
}

/** The merge job: the parts' reports as one, published as a one-job run would publish it. */
export async function runMerge(inputs: Inputs, config: TenantsConfig): Promise<void> {
  await publish(await mergedReport(inputs, config), inputs)
}

/**
 * GitHub's OIDC token for the cloud's audience is asked for at once, while the engine and the Azure SDKs load: the
 * run's first request overlaps the load instead of waiting for it. It is handed out once (the first sign-in);
 * any later call, such as a long run's refresh before the token's `exp`, fetches a fresh one.
 */
function earlyIdToken(audience: string): (audience: string) => Promise<string> {
  let early: Promise<string> | undefined = core.getIDToken(audience)
  // Its failure is the sign-in's to report, when the engine asks for it; until then it is not unhandled.
  early.catch(() => undefined)
  return requested => {
    if (early === undefined || requested !== audience) return core.getIDToken(requested)
    const token = early
    early = undefined
    return token
  }
}

function scopeInWords(inputs: Inputs, file: TenantsConfig, config: TenantsConfig): string {
  const where = `in ${inputs.tenantsFile}`
  if (inputs.phase === 'provider') return `provider phase (app, credentials, secret) of ${inputs.tenantsFile}`
  if (inputs.phase === 'tenants') {
    return `shard ${inputs.shard.index}/${inputs.shard.count}: ${config.tenants.length} of ${file.tenants.length} customer tenant(s) ${where} (the provider is only read)`
  }
  return `${config.tenants.length} customer tenant(s) ${where}`
}

/** The merge job: the provider's and every shard's report, found under `shard-reports`, as one report. */
async function mergedReport(inputs: Inputs, config: TenantsConfig): Promise<Report> {
  const files = await reportFiles(inputs.shardReports)
  if (files.length === 0)
    throw new InputError(
      `shard-reports: no report-provider.json or report-shard-*.json at ${inputs.shardReports}`
    )
  const reports = await Promise.all(
    files.map(async file => {
      let parsed: unknown
      try {
        parsed = JSON.parse(await readFile(file, 'utf8'))
      } catch (error) {
        throw new InputError(`shard-reports: ${file} is not JSON (${(error as Error).message})`)
      }
      const report = asReport(parsed)
      if (typeof report === 'string') throw new InputError(`shard-reports: ${file}: ${report}`)
      return report
    })
  )
  const merged = mergeReports(
    reports,
    config.tenants.map(tenant => tenant.tenantId)
  )
  if (!merged.ok) {
    throw new InputError(
      `cannot merge the ${files.length} report(s) in ${inputs.shardReports}: ${merged.problems.join('; ')}`
    )
  }
  core.info(
    inertLogLine(
      `merge: ${files.length} report(s) from ${inputs.shardReports}, ${merged.report.totals.tenants} customer tenant(s)`
    )
  )
  return merged.report
}

/** The names the provider job and the shards give their report files (reportFileName); hand-off files are skipped. */
const PART_REPORT = /^report-(provider|shard-\d+-of-\d+)\.json$/

/** A directory is searched recursively for the parts' report files (download-artifact puts each artifact in its own); anything else is a glob. */
async function reportFiles(where: string): Promise<string[]> {
  const isDirectory = await stat(where).then(
    info => info.isDirectory(),
    () => false
  )
  if (!isDirectory) {
    const matches: string[] = []
    for await (const match of glob(where)) matches.push(match)
    return matches.sort()
  }
  const entries = await readdir(where, { recursive: true, withFileTypes: true })
  return entries
    .filter(entry => entry.isFile() && PART_REPORT.test(entry.name))
    .map(entry => join(entry.parentPath, entry.name))
    .sort()
}

/** Each job of a sharded run writes its own report file, so the merge job can download them side by side. */
function reportFileName(inputs: Inputs): string {
  if (inputs.phase === 'provider') return 'report-provider.json'
  if (inputs.phase === 'tenants') return `report-shard-${inputs.shard.index}-of-${inputs.shard.count}.json`
  return 'report.json'
}

/** The outcome per tenant and per step in the job log, folded, so the log alone tells what happened. */
function logOutcome(report: Report): void {
  // One write per group, not one per line: at thousands of tenants, a write per line was a noticeable share of
  // the run's CPU. Each line is made inert on its own, so joining them changes nothing in the log.
  core.startGroup(`Customer tenants (${report.totals.tenants})`)
  logLines(
    report.tenants.map(tenant => {
      const code = tenant.consent.code === null ? '' : ` AADSTS${tenant.consent.code}`
      const roles = tenant.roleAssignments.map(a => `${a.role}: ${a.status}`).join(', ')
      return `tenant ${tenant.name} (${tenant.tenantId}): ${tenant.consent.status}${code}${roles ? ` — ${roles}` : ''}`
    })
  )
  core.endGroup()
  core.startGroup(`Steps (${report.steps.length})`)
  logLines(
    report.steps.map(step => {
      const outcome = step.outcome ? ` → ${step.outcome}${step.detail ? ` (${step.detail})` : ''}` : ''
      return `${step.write ? 'write' : 'read '} ${step.kind} ${step.target}${outcome}: ${step.reason}`
    })
  )
  core.endGroup()
}

function logLines(lines: readonly string[]): void {
  if (lines.length > 0) core.info(lines.map(inertLogLine).join(EOL))
}

async function publish(report: Report, inputs: Inputs): Promise<void> {
  logOutcome(report)
  const reportFile = join(process.env.RUNNER_TEMP || tmpdir(), 'entra-tenant-bridge', reportFileName(inputs))
  writeReportFiles(reportFile, report)

  annotate(annotationsFor(report))
  if (process.env.GITHUB_STEP_SUMMARY)
    await core.summary.addRaw(renderSummary(report, { reportFile })).write()
  // The provider job and the shards each see a part: the merge job comments and judges fail-on for the whole.
  if (inputs.phase === 'all' || inputs.phase === 'merge') await commentOnPullRequest(report, inputs)
  for (const [name, value] of Object.entries(outputsFor(report, reportFile))) core.setOutput(name, value)
  if (inputs.phase === 'tenants') return
  const failure = failureFor(report, inputs.failOn)
  if (failure) core.setFailed(inertCommandText(failure))
}

/**
 * The JSON report, and next to it the customer hand-off files (handoff/<tenantId>/…), ready to send or upload.
 * Written synchronously, a directory made once per tenant: nothing else runs at this point, and at thousands of
 * tenants (five files each) a promise and a thread-pool round trip per file cost ten times the CPU of the writes.
 */
function writeReportFiles(reportFile: string, report: Report): void {
  const folder = dirname(reportFile)
  mkdirSync(folder, { recursive: true })
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`)
  const made = new Set<string>()
  for (const file of handoffFiles(report.tenants)) {
    const path = join(folder, file.path)
    const dir = dirname(path)
    if (!made.has(dir)) mkdirSync(dir, { recursive: true })
    made.add(dir)
    writeFileSync(path, file.content)
  }
}

/**
 * GitHub shows at most 10 annotations of each level per step and drops the rest; past that, one notice says how
 * many more there are, so a long list does not silently lose findings.
 */
const ANNOTATIONS_PER_LEVEL = 10

function annotate(annotations: Annotation[]): void {
  const shown = new Map<Annotation['level'], number>()
  let hidden = 0
  for (const annotation of annotations) {
    const count = shown.get(annotation.level) ?? 0
    if (count >= ANNOTATIONS_PER_LEVEL) {
      hidden++
      continue
    }
    shown.set(annotation.level, count + 1)
    const properties = {
      title: inertCommandText(annotation.title),
      file: annotation.file,
      startLine: annotation.line,
      startColumn: annotation.column
    }
    const message = inertCommandText(annotation.message)
    if (annotation.level === 'error') core.error(message, properties)
    else if (annotation.level === 'warning') core.warning(message, properties)
    else core.notice(message, properties)
  }
  if (hidden > 0) core.notice(`${hidden} more finding(s) are in the job summary and the JSON report.`)
}

async function commentOnPullRequest(report: Report, inputs: Inputs): Promise<void> {
  if (process.env.GITHUB_EVENT_NAME !== 'pull_request' || !inputs.prComment) return
  const github = await import('@actions/github')
  const { context } = github
  const pullRequest = context.payload.pull_request
  if (context.eventName !== 'pull_request' || !pullRequest || !inputs.prComment) return
  if (!inputs.githubToken) {
    core.notice('No github-token: the plan is in the job summary only, not in a pull-request comment.')
    return
  }
  const runUrl = `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}`
  const api = github.getOctokit(inputs.githubToken).rest.issues
  const result = await upsertComment(
    api,
    { owner: context.repo.owner, repo: context.repo.repo, issueNumber: pullRequest.number },
    renderComment(report, { runUrl })
  )
  if (result.status === 'skipped') core.notice(`No pull-request comment: ${result.reason}`)
  else core.info(`Pull-request comment ${result.status} (${result.id}).`)
}
