/**
 * `npm start` as a reader sees it: plain text that fits a 120-column terminal, wording that matches what the run
 * did, names from the data, and nothing left behind in the temp dir. Also the renderer's pieces on data the demo
 * scenario does not have (long names, writes, failures).
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import {
  type DemoReport,
  WIDTH,
  consentCommand,
  renderRun,
  table,
  urlPieces,
  verdict
} from '../../scripts/demo-render.js'
import { ROOT } from '../action-runner.js'

/** Runs `npm start`'s command (scripts/demo.ts) with a temp dir of its own. */
async function runDemo(temp: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp, EMULATOR_TLS_DIR: '.tmp/emulator-tls' }
  delete env.NODE_OPTIONS // jest's --experimental-vm-modules; the demo does not run under jest
  const child = spawn(process.execPath, ['--import', './scripts/ts-loader.mjs', 'scripts/demo.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const code = await new Promise<number>(resolve => child.on('close', c => resolve(c ?? -1)))
  return { code, stdout, stderr }
}

describe('npm start', () => {
  it('prints plain text within 120 columns that says what happened, and leaves the temp dir empty', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'etb-demo-'))
    try {
      const { code, stdout, stderr } = await runDemo(temp)
      expect(stderr).toBe('')
      expect(code).toBe(0)
      const lines = stdout.split('\n')
      expect(lines.filter(line => [...line].length > WIDTH)).toEqual([])
      // No Markdown or HTML: no table pipes, emphasis, headings, entities or tags.
      expect(stdout).not.toMatch(/^\s*\||\*\*|^#+ |&#?\w+;|<\/?[a-z][^>]*>/m)
      expect(stdout).not.toContain('<app>')
      expect(stdout).not.toContain('executed')
      // The only step needs a person (Northwind's admin consents), so neither run says it wrote anything.
      expect(stdout).toContain(
        'Plan (nothing was written): apply would write nothing; 1 step needs a person.'
      )
      expect(stdout).toContain('Apply wrote nothing; 1 step needs a person.')
      expect(stdout).toMatch(
        / {2}Northwind +8e000000-0000-4000-8000-000000000001 +needs consent \(AADSTS7000229\)/
      )
      expect(stdout).toContain("Tailspin: Tailspin's admin disabled Contoso Provider Access;")
      expect(readdirSync(temp)).toEqual([])
    } finally {
      rmSync(temp, { recursive: true, force: true })
    }
  }, 60_000)
})

function report(overrides: Partial<DemoReport> = {}): DemoReport {
  return {
    mode: 'apply',
    app: { uniqueName: 'acme', displayName: 'Acme Access', appId: 'a1', status: 'current' },
    tenants: [],
    secret: { status: 'current', keyVault: 'kv', secretName: 's', expiresOn: null },
    steps: [],
    drift: false,
    changed: false,
    ...overrides
  }
}

describe('the terminal view', () => {
  it('clips long names so every table line fits, and keeps the columns aligned', () => {
    const long = 'A customer whose name goes on and on '.repeat(6)
    const lines = table(
      ['Customer', 'Tenant id', 'Consent'],
      [
        [long, '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b', 'consented'],
        ['Short', 'x', long]
      ]
    )
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(WIDTH)
    const column = (line: string): number =>
      line.indexOf('7f3a') >= 0 ? line.indexOf('7f3a') : line.indexOf('x ')
    expect(column(lines[2]!)).toBe(column(lines[3]!))
    expect(lines[2]).toContain('…')
  })

  it('says what apply wrote, what failed and what waits for a person', () => {
    const steps = [
      { kind: 'rotate-secret', target: 'Acme Access', reason: 'due', write: true, outcome: 'done' },
      { kind: 'assign-role', target: 'Fabrikam', reason: 'missing', write: true, outcome: 'failed' },
      { kind: 'request-consent', target: 'Northwind', reason: 'consent', write: false, outcome: 'manual' }
    ]
    expect(verdict(report({ steps, changed: true }))).toBe(
      'Apply wrote 1 change, 1 step failed; 1 step needs a person.'
    )
    expect(verdict(report({ mode: 'plan', steps: steps.map(({ outcome: _, ...step }) => step) }))).toBe(
      'Plan (nothing was written): apply would write 2 changes; 1 step needs a person.'
    )
    expect(verdict(report())).toBe('Apply wrote nothing.')
  })

  it('names the app and the tenant from the report in what to do next', () => {
    const lines = renderRun(
      report({
        tenants: [
          {
            name: 'Tailspin',
            tenantId: 't1',
            consent: { status: 'blocked', code: 53003, link: null },
            roleAssignments: []
          }
        ]
      })
    )
    expect(lines).toContain(
      "  - Tailspin: a Conditional Access policy there blocks Acme Access; ask Tailspin's admin to exclude it."
    )
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(WIDTH)
  })

  it('splits a long link into pieces that join back into the same link', () => {
    const link = 'https://login.example/t/adminconsent?client_id=a&redirect_uri=https%3A%2F%2Fx&state=s'
    const pieces = urlPieces(link)
    expect(pieces).toEqual([
      'https://login.example/t/adminconsent',
      '?client_id=a',
      '&redirect_uri=https%3A%2F%2Fx',
      '&state=s'
    ])
    expect(pieces.join('')).toBe(link)
  })

  it('prints a consent command whose split URL the shell joins back into the link', () => {
    const link =
      'https://127.0.0.1:8443/8e000000-0000-4000-8000-000000000001/adminconsent?client_id=2b00&redirect_uri=' +
      "https%3A%2F%2Fcontoso.example%2Fon'boarded&state=etb-8e00"
    const lines = consentCommand('/tmp/ca.pem', link)
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(WIDTH)
    // A stand-in curl that prints its last argument: the URL exactly as the shell passes it.
    const script = `curl() { printf '%s' "\${@: -1}"; }\n${lines.join('\n')}`
    const shell = spawnSync('bash', ['-c', script], { encoding: 'utf8' })
    expect(shell.stderr).toBe('')
    expect(shell.stdout).toBe(link)
  })
})
