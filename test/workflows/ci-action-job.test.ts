/**
 * The CI job that runs the action with `uses: ./` against the emulator (.github/workflows/ci.yml, job `action`),
 * replayed here step by step from the workflow file itself: its shell steps run in bash with the environment the
 * workflow gives them, its `uses: ./` steps run dist/index.js as the runner does (test/action-runner.ts), and
 * `${{ steps.<id>.outputs.<name> }}` is filled in from the steps before. A push event, as on main. So a change to
 * the job, to the emulator's first line or to the action's outputs that would break CI breaks here first.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { type Step, readYaml } from './contract.js'
import { ROOT, runAction } from '../action-runner.js'

interface Workflow {
  jobs: Record<string, { steps: (Step & { name?: string })[] }>
}

const job = readYaml<Workflow>(new URL('../../.github/workflows/ci.yml', import.meta.url)).jobs.action!

type Outputs = Record<string, Record<string, string>>

/** Fills in `${{ steps.ID.outputs.NAME }}`; any other expression is not expected in this job's values. */
function fill(value: string, outputs: Outputs): string {
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    const match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)
    if (!match) throw new Error(`unexpected expression in ci.yml: ${expression}`)
    return outputs[match[1]!]?.[match[2]!] ?? ''
  })
}

function fillAll(values: Record<string, string> | undefined, outputs: Outputs): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, fill(String(v), outputs)]))
}

/** `if:` conditions of this job: `always()` and the event test; the replay is a push. */
function runs(condition: string | undefined, outputs: Outputs): boolean {
  if (!condition) return true
  const filled = condition
    .replace("github.event_name != 'pull_request'", 'true')
    .replace('always() && ', '')
    .replace(/steps\.([\w-]+)\.outputs\.([\w-]+) != ''/, (_, id: string, name: string) =>
      String((outputs[id]?.[name] ?? '') !== '')
    )
  if (filled !== 'true' && filled !== 'false') throw new Error(`unexpected condition in ci.yml: ${condition}`)
  return filled === 'true'
}

function parseOutputFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter(line => line.includes('='))
      .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  )
}

describe('the CI job that runs the action with uses: ./', () => {
  it('starts the emulator, plans, checks the plan, applies, checks the apply and stops the emulator', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'etb-ci-job-'))
    const outputs: Outputs = {}
    const ran: string[] = []
    try {
      for (const [index, step] of job.steps.entries()) {
        const name = step.id ?? step.name ?? step.uses ?? step.run ?? String(index)
        if (step.uses && step.uses !== './') continue // checkout, setup-node: the repository is already here
        if (step.run === 'npm ci --no-audit --no-fund') continue
        if (!runs(step.if, outputs)) continue
        ran.push(name)
        if (step.uses === './') {
          const inputs = fillAll(step.with, outputs)
          const tenantsFile = inputs['tenants-file']!
          const run = await runAction({
            inputs,
            env: fillAll(step.env, outputs),
            files: { [tenantsFile]: readFileSync(join(ROOT, tenantsFile), 'utf8') }
          })
          expect({ step: name, exitCode: run.exitCode }).toEqual({ step: name, exitCode: 0 })
          // The workspace is gone once the run is read; later steps read the report from a copy.
          const report = join(temp, `${name}-report.json`)
          writeFileSync(report, JSON.stringify(run.report))
          outputs[step.id!] = { ...run.outputs, 'report-file': report }
          continue
        }
        const outputFile = join(temp, `${name}.output`)
        writeFileSync(outputFile, '')
        const result = spawnSync('bash', ['-e', '-c', step.run!], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: temp, ...fillAll(step.env, outputs) }
        })
        expect({ step: name, status: result.status, stderr: result.stderr }).toEqual({
          step: name,
          status: 0,
          stderr: ''
        })
        if (step.id) outputs[step.id] = parseOutputFile(readFileSync(outputFile, 'utf8'))
      }
      expect(ran).toEqual([
        'emulator',
        'plan',
        'Check the plan',
        'apply',
        'Check the apply',
        'Stop the emulator'
      ])
    } finally {
      const pid = Number(outputs.emulator?.pid)
      if (pid > 0) spawnSync('kill', [String(pid)])
      rmSync(temp, { recursive: true, force: true })
    }
  }, 60_000)
})
