/**
 * Runs the committed `dist/index.js` as the GitHub Actions runner does: a fresh `node` process with INPUT_*
 * variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, the OIDC request variables and an event payload — and
 * collects everything it writes. Used by the end-to-end tests and the `npm start` demo. The run's workspace (a
 * fresh `etb-workspace-*` folder in the temp dir) is removed once everything is read: nothing is left behind.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EmulatorEndpoints } from './emulator/index.js'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const DIST = join(ROOT, 'dist', 'index.js')

export interface ActionRun {
  exitCode: number
  /** From spawning the process to its exit: what the runner waits for (reading and removing files comes after). */
  elapsedMs: number
  stdout: string
  stderr: string
  /** GITHUB_OUTPUT parsed. */
  outputs: Record<string, string>
  /** GITHUB_STEP_SUMMARY's content. */
  summary: string
  /** Everything the action wrote, in one string: stdout, stderr, outputs file, summary, report file. */
  everything: string
  /** The folder the run used as its workspace; removed once the run is read, so only its path remains. */
  workspace: string
  /** The report's path as the action gave it (inside the removed workspace); its content is `report`. */
  reportFile?: string
  report?: unknown
  /** Every file the action wrote in the report file's folder (the hand-off files), by relative path. */
  reportFolder: Record<string, string>
}

export interface ActionRunOptions {
  endpoints?: EmulatorEndpoints
  /** `with:` inputs, by input name. */
  inputs: Record<string, string>
  /** Files to lay in the workspace, by relative path. */
  files?: Record<string, string>
  eventName?: string
  event?: object
  /** Extra environment (overrides). */
  env?: Record<string, string>
  /** Aborting it kills the process with SIGKILL, as a runner that loses its machine would. */
  signal?: AbortSignal
  /** Where the run's workspace folder is made (default: the temp folder). */
  workspaceRoot?: string
}

/** GITHUB_OUTPUT's multi-line format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
    outputs[name!] = value.join('\n')
  }
  return outputs
}

/** The files under a folder, read before the workspace is removed. */
function filesUnder(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(folder, path)] = readFileSync(path, 'utf8')
  }
  return files
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const workspace = mkdtempSync(join(options.workspaceRoot ?? tmpdir(), 'etb-workspace-'))
  try {
    return await runIn(workspace, options)
  } finally {
    rmSync(workspace, { recursive: true, force: true })
  }
}

async function runIn(workspace: string, options: ActionRunOptions): Promise<ActionRun> {
  const runnerTemp = join(workspace, '_temp')
  mkdirSync(runnerTemp)
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(join(workspace, path, '..'), { recursive: true })
    writeFileSync(join(workspace, path), content)
  }
  const outputFile = join(runnerTemp, 'output.txt')
  const summaryFile = join(runnerTemp, 'summary.md')
  const eventFile = join(runnerTemp, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? workspace,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: options.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'contoso/tenant-onboarding',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://127.0.0.1:9/api',
    GITHUB_RUN_ID: '1',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: '0000000000000000000000000000000000000000'
  }
  if (options.endpoints) {
    env.ACTIONS_ID_TOKEN_REQUEST_URL = options.endpoints.oidcRequestUrl
    env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = options.endpoints.oidcRequestToken
    // Read by Node only at process start: exactly how a runner behind a private CA would trust it.
    env.NODE_EXTRA_CA_CERTS = options.endpoints.caFile
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }
  Object.assign(env, options.env)

  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [DIST], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.signal ? { signal: options.signal, killSignal: 'SIGKILL' as const } : {})
  })
  // An abort is reported as an 'error' event; the exit code (null → -1) says the rest.
  child.on('error', () => undefined)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number>(resolve => child.on('close', code => resolve(code ?? -1)))
  const elapsedMs = performance.now() - spawnedAt

  const outputsText = readFileSync(outputFile, 'utf8')
  const summary = readFileSync(summaryFile, 'utf8')
  const outputs = parseOutputs(outputsText)
  const reportFile = outputs['report-file']
  const reportText = reportFile && existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : ''
  return {
    exitCode,
    elapsedMs,
    stdout,
    stderr,
    outputs,
    summary,
    everything: [stdout, stderr, outputsText, summary, reportText].join('\n'),
    workspace,
    reportFolder: reportFile && existsSync(dirname(reportFile)) ? filesUnder(dirname(reportFile)) : {},
    ...(reportFile && reportText ? { reportFile, report: JSON.parse(reportText) as unknown } : {})
  }
}

/** The inputs that point the action at an emulator: the automation identity and the custom cloud. */
export function emulatorInputs(endpoints: EmulatorEndpoints): Record<string, string> {
  if (!endpoints.automation) throw new Error('the scenario names no automation identity')
  return {
    'client-id': endpoints.automation.clientId,
    'tenant-id': endpoints.automation.tenantId,
    cloud: 'custom',
    'cloud-endpoints': endpoints.cloudEndpoints
  }
}
