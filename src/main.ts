/**
 * The action: inputs → tenants file → sign in, observe, plan, apply → report. The only module that knows GitHub
 * Actions exists; everything below it takes plain values.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { BridgeError, runBridge } from './engine/index.js'
import { keyVaultProblem } from './cloud.js'
import { loadTenantsFile } from './config/load.js'
import type { ConfigProblem } from './model/config.js'
import { type Inputs, InputError, getInputs } from './inputs.js'
import { type Annotation, annotationsFor } from './report/annotations.js'
import { renderComment, upsertComment } from './report/comment.js'
import { handoffFiles } from './plan/handoff.js'
import { inertCommandText, inertLogLine } from './report/log-line.js'
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
    const loaded = await loadTenantsFile(inputs.tenantsFile)
    if (!loaded.ok) return reportConfigProblems(loaded.problems)
    const credential = loaded.config.app.credential
    const vaultProblem =
      credential.kind === 'secret' ? keyVaultProblem(inputs.cloud, credential.keyVault) : undefined
    if (vaultProblem) {
      return reportConfigProblems([
        { file: loaded.config.file, ...credential.position, message: vaultProblem }
      ])
    }
    const refusal = inputs.mode === 'apply' ? applyRefusal(github.context.eventName) : undefined
    if (refusal) throw new InputError(refusal)
    if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
      throw new InputError(OIDC_MISSING)
    }
    core.info(
      inertLogLine(
        `${inputs.mode}: ${loaded.config.tenants.length} customer tenant(s) in ${inputs.tenantsFile}, cloud ${inputs.cloud.name}`
      )
    )
    const report = await runBridge(inputs, loaded.config, {
      getIdToken: audience => core.getIDToken(audience),
      info: message => core.info(inertLogLine(message)),
      mask: value => core.setSecret(value)
    })
    await publish(report, inputs)
  } catch (error) {
    core.setFailed(inertCommandText(failureMessage(error)))
  }
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
  const reportFile = join(process.env.RUNNER_TEMP || tmpdir(), 'entra-tenant-bridge', 'report.json')
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
  await commentOnPullRequest(report, inputs)
  for (const [name, value] of Object.entries(outputsFor(report, reportFile))) core.setOutput(name, value)
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
  if (error instanceof InputError || error instanceof BridgeError) return error.message
  const e = error instanceof Error ? error : new Error(String(error))
  core.debug(e.stack ?? e.message)
  return `entra-tenant-bridge failed: ${e.message}`
}
