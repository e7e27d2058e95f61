/**
 * The action: inputs → tenants file → sign in, observe, plan, apply → report. This module is its front door and
 * checks everything that can be checked before a network request; action.ts does the rest. The two are the only
 * modules that know GitHub Actions exists; everything below them takes plain values.
 *
 * Cold start: what a mistake in the inputs or the tenants file needs is all this module loads. The inputs are read
 * and checked first; the tenants-file loader (the YAML parser, the precompiled schema validator) loads next, by a
 * dynamic `import()` that ncc emits as a chunk; only once both are good does action.ts load, with @actions/core and
 * its HTTP client, and then the engine with the Azure SDKs. Until then the runner is spoken to through
 * workflow-commands.ts, which writes exactly what @actions/core would — so a mistake is reported in about the time
 * Node takes to start.
 */
import { keyVaultProblem } from './cloud.js'
import type { ConfigProblem } from './model/config.js'
import { InputError, getInputs } from './inputs.js'
import { inertCommandText } from './report/log-line.js'
import { applyRefusal } from './trust.js'
import * as runner from './workflow-commands.js'

const OIDC_MISSING =
  'GitHub did not provide an OIDC token to this job: add `permissions: id-token: write` to the job (or workflow). ' +
  'Pull requests from forks never get one; run apply on push, schedule or workflow_dispatch.'

export async function run(): Promise<void> {
  try {
    const inputs = getInputs(runner.getInput)
    // The YAML parser and the schema validator load only once the inputs are good.
    const { loadTenantsFile } = await import('./config/load.js')
    const loaded = await loadTenantsFile(inputs.tenantsFile)
    if (!loaded.ok) return reportConfigProblems(loaded.problems)
    if (inputs.phase === 'merge') {
      const { runMerge } = await import('./action.js')
      return await runMerge(inputs, loaded.config)
    }
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
    const { runAction } = await import('./action.js')
    await runAction({ ...inputs, phase: inputs.phase }, loaded.config)
  } catch (error) {
    runner.setFailed(inertCommandText(failureMessage(error)))
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
    runner.error(inertCommandText(problem.message), {
      title: 'Tenants file',
      file: problem.file,
      startLine: problem.line,
      startColumn: problem.column
    })
  }
  const unshown = problems.length - MAX_CONFIG_ANNOTATIONS
  if (unshown > 0) runner.info(`… and ${unshown} more problem(s) in the tenants file, not annotated.`)
  runner.setFailed(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${problems[0]?.file ?? 'the tenants file'}; fix ${problems.length === 1 ? 'it' : 'them'} and rerun (nothing was sent to Azure)`
  )
}

/** One line that says what to do; a stack trace only for what we did not foresee, and only in debug. */
function failureMessage(error: unknown): string {
  // BridgeError by name: its module is the engine's, loaded only once the inputs are good.
  if (error instanceof InputError || (error instanceof Error && error.name === 'BridgeError'))
    return error.message
  const e = error instanceof Error ? error : new Error(String(error))
  runner.debug(e.stack ?? e.message)
  return `entra-tenant-bridge failed: ${e.message}`
}
