/**
 * The action: inputs → tenants file → sign in, observe, plan, apply → report. The only module that knows GitHub
 * Actions exists; everything below it takes plain values.
 *
 * Cold start: inputs and the tenants file are read and checked before the engine — and with it the Azure SDKs,
 * most of the bundle — is loaded by a dynamic `import()` (ncc emits it as a separate chunk), so a mistake is
 * reported in about the time Node takes to start. @actions/github is loaded only to comment on a pull request.
 */
import { glob, readFile, readdir, mkdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import { keyVaultProblem } from './cloud.js'
import type { ConfigProblem, TenantsConfig } from './model/config.js'
import { type Inputs, InputError, getInputs } from './inputs.js'
import { tenantsOfShard } from './plan/shard.js'
import { type Annotation, annotationsFor } from './report/annotations.js'
import { renderComment, upsertComment } from './report/comment.js'
import { handoffFiles } from './plan/handoff.js'
import { inertCommandText, inertLogLine } from './report/log-line.js'
import { asReport, mergeReports } from './report/merge.js'
import { failureFor, outputsFor } from './report/outputs.js'
import { renderSummary } from './report/summary.js'
import type { Report } from './model/report.js'
import { applyRefusal } from './trust.js'

const OIDC_MISSING =
  'GitHub did not provide an OIDC token to this job: add `permissions: id-token: write` to the job (or workflow). ' +
  'Pull requests from forks never get one; run apply on push, schedule or workflow_dispatch.'

export async function run(): Promise<void> {
  try {
    const inputs = getInputs(name => core.getInput(name))
    // The YAML parser and the schema validator load only once the inputs are good.
    const { loadTenantsFile } = await import('./config/load.js')
    const loaded = await loadTenantsFile(inputs.tenantsFile)
    if (!loaded.ok) return reportConfigProblems(loaded.problems)
    if (inputs.phase === 'merge') return await publish(await mergedReport(inputs, loaded.config), inputs)
    const credential = loaded.config.app.credential
    const vaultProblem =
      credential.kind === 'secret' ? keyVaultProblem(inputs.cloud, credential.keyVault) : undefined
    if (vaultProblem) {
      return reportConfigProblems([
        { file: loaded.config.file, ...credential.position, message: vaultProblem }
      ])
    }
    // What @actions/github's context.eventName reads, without loading Octokit to read it.
    const refusal = inputs.mode === 'apply' ? applyRefusal(process.env.GITHUB_EVENT_NAME ?? '') : undefined
    if (refusal) throw new InputError(refusal)
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      throw new InputError(OIDC_MISSING)
    }
    const config =
      inputs.phase === 'tenants'
        ? { ...loaded.config, tenants: tenantsOfShard(loaded.config.tenants, inputs.shard) }
        : loaded.config
    core.info(
      inertLogLine(
        `${inputs.mode}: ${scopeInWords(inputs, loaded.config, config)}, cloud ${inputs.cloud.name}`
      )
    )
    const getIdToken = earlyIdToken(inputs.cloud.oidcAudience)
    const { runBridge } = await import('./engine/index.js')
    const report = await runBridge({ ...inputs, phase: inputs.phase }, config, {
      getIdToken,
      info: message => core.info(inertLogLine(message)),
      mask: value => core.setSecret(value)
    })
    await publish(report, inputs)
  } catch (error) {
    core.setFailed(inertCommandText(failureMessage(error)))
  }
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

/**
 * A tenants file this broken is not fixed one annotation at a time: past this many, one line counts the rest, so a
 * huge malformed file cannot flood the log.
 */
const MAX_CONFIG_ANNOTATIONS = 50

/** Every problem becomes an error annotation at its line; the run stops before any network request. */
function reportConfigProblems(problems: ConfigProblem[]): void {
  for (const problem of problems.slice(0, MAX_CONFIG_ANNOTATIONS)) {
    core.error(inertCommandText(problem.message), {
      title: 'Tenants file',
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.column
    })
  }
  const unshown = problems.length - MAX_CONFIG_ANNOTATIONS
  if (unshown > 0) core.info(`… and ${unshown} more problem(s) in the tenants file, not annotated.`)
  core.setFailed(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${problems[0]?.file ?? 'the tenants file'}; fix ${problems.length === 1 ? 'it' : 'them'} and rerun (nothing was sent to Azure)`
  )
}

/** The outcome per tenant and per step in the job log, folded, so the log alone tells what happened. */
function logOutcome(report: Report): void {
  core.startGroup(`Customer tenants (${report.totals.tenants})`)
  for (const tenant of report.tenants) {
    const code = tenant.consent.code === null ? '' : ` AADSTS${tenant.consent.code}`
    const roles = tenant.roleAssignments.map(a => `${a.role}: ${a.status}`).join(', ')
    core.info(
      inertLogLine(
        `tenant ${tenant.name} (${tenant.tenantId}): ${tenant.consent.status}${code}${roles ? ` — ${roles}` : ''}`
      )
    )
  }
  core.endGroup()
  core.startGroup(`Steps (${report.steps.length})`)
  for (const step of report.steps) {
    const outcome = step.outcome ? ` → ${step.outcome}${step.detail ? ` (${step.detail})` : ''}` : ''
    core.info(
      inertLogLine(`${step.write ? 'write' : 'read '} ${step.kind} ${step.target}${outcome}: ${step.reason}`)
    )
  }
  core.endGroup()
}

async function publish(report: Report, inputs: Inputs): Promise<void> {
  logOutcome(report)
  const reportFile = join(process.env.RUNNER_TEMP || tmpdir(), 'entra-tenant-bridge', reportFileName(inputs))
  await mkdir(join(reportFile, '..'), { recursive: true })
  await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`)
  // The customer hand-off files go next to the report (handoff/<tenantId>/…), ready to send or upload.
  for (const file of handoffFiles(report.tenants)) {
    const path = join(reportFile, '..', file.path)
    await mkdir(join(path, '..'), { recursive: true })
    await writeFile(path, file.content)
  }

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

/** One line that says what to do; a stack trace only for what we did not foresee, and only in debug. */
function failureMessage(error: unknown): string {
  // BridgeError by name: its module is the engine's, loaded only once the inputs are good.
  if (error instanceof InputError || (error instanceof Error && error.name === 'BridgeError'))
    return error.message
  const e = error instanceof Error ? error : new Error(String(error))
  core.debug(e.stack ?? e.message)
  return `entra-tenant-bridge failed: ${e.message}`
}
