/**
 * dist/index.js against the emulator, as the runner runs it: the summary, outputs, JSON report and annotations —
 * and proof that no secret or token value reaches anything the action writes.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { type ActionRun, runAction, emulatorInputs } from '../action-runner.js'
import { emulator } from '../integration/harness.js'
import { expectInert, expectTablesIntact } from '../report/structure.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)
/** A hostile tenant name: it must render inert in the summary. */
const HOSTILE = '| x | <img src=x onerror=alert(1)> [y](javascript:z)'
const SEEDED_SECRET = 'Qx7~seeded.provider.secret.2026-10-01'

describe('the action, run as the runner runs it', () => {
  let emu: Emulator
  let plan: ActionRun
  let apply: ActionRun
  const inputs = (mode: string): Record<string, string> => ({
    mode,
    ...emulatorInputs(emu.endpoints),
    'fail-on': 'error',
    rotate: mode === 'apply' ? 'force' : 'auto'
  })

  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
    const files = { '.github/tenants.yml': TENANTS.replace('name: Northwind', `name: "${HOSTILE}"`) }
    await emu.control.resetRequests()
    plan = await runAction({ endpoints: emu.endpoints, inputs: inputs('plan'), files })
    const planRequests = await emu.control.requests()
    expect(planRequests.filter(r => r.write)).toEqual([])
    expect(planRequests.length).toBeGreaterThan(0)
    apply = await runAction({ endpoints: emu.endpoints, inputs: inputs('apply'), files })
  }, 60_000)
  afterAll(async () => emu.stop())

  it('plans with a summary, outputs, a JSON report and annotations at the tenants’ lines', () => {
    expect(plan.exitCode).toBe(0)
    expect(plan.outputs).toMatchObject({
      'app-id': '2b000000-0000-4000-8000-000000000001',
      'needs-consent': '["8e000000-0000-4000-8000-000000000001"]',
      drift: 'true',
      changed: 'false'
    })
    expect(plan.report).toMatchObject({
      mode: 'plan',
      totals: { tenants: 3, consented: 1, needsConsent: 1, problems: 1 }
    })
    expect(plan.summary).toContain('adminconsent?client_id=2b000000-0000-4000-8000-000000000001')
    // The log alone tells the outcome, folded per tenant.
    expect(plan.stdout).toContain('::group::Customer tenants (3)')
    expect(plan.stdout).toContain(
      'tenant Tailspin (9e000000-0000-4000-8000-000000000001): disabled AADSTS7000112'
    )
    const warnings = plan.stdout
      .split('\n')
      .filter(line => line.startsWith('::warning ') && line.includes('file=.github/tenants.yml'))
    expect(warnings.map(line => /line=(\d+)/.exec(line)?.[1])).toEqual(expect.arrayContaining(['22', '27']))
  })

  it('fails the job for fail-on needs-consent, and says which tenant', async () => {
    const run = await runAction({
      endpoints: emu.endpoints,
      inputs: { ...inputs('plan'), 'fail-on': 'needs-consent' },
      files: { '.github/tenants.yml': TENANTS }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::fail-on needs-consent: 1 tenant needs admin consent \(Northwind/m)
    expect(run.outputs['needs-consent']).toBe('["8e000000-0000-4000-8000-000000000001"]')
  })

  it('renders a hostile tenant name inert', () => {
    expect(plan.summary).not.toMatch(/<img/i)
    expect(plan.summary).not.toContain('](javascript:')
    expect(plan.summary).not.toContain('onerror=alert')
    // The name's pipes did not add cells: every row has as many cells as its table's header.
    expect(plan.summary).toContain('&#124; x &#124;')
    expectInert(plan.summary)
    expectTablesIntact(plan.summary)
  })

  it('rotates the secret on apply and reports its version, never its value', () => {
    expect(apply.exitCode).toBe(0)
    const report = apply.report as { secret: { status: string; version: string } }
    expect(report.secret.status).toBe('rotated')
    expect(apply.outputs['secret-version']).toBe(report.secret.version)
    expect(apply.outputs.changed).toBe('true')
  })

  it('never writes a secret or token value anywhere: logs, outputs, summary, report', () => {
    const masks = (run: ActionRun): string[] =>
      run.stdout
        .split('\n')
        .filter(line => line.startsWith('::add-mask::'))
        .map(line => line.slice('::add-mask::'.length))
    // The seeded secret, read from Key Vault, and the one apply created were masked the moment they existed.
    const newSecrets = masks(apply).filter(value => value !== SEEDED_SECRET && !value.startsWith('eyJ'))
    expect(masks(plan)).toContain(SEEDED_SECRET)
    expect(newSecrets).toHaveLength(1)
    const values = [SEEDED_SECRET, emu.endpoints.oidcRequestToken, ...masks(plan), ...masks(apply)]
    for (const run of [plan, apply]) {
      // `::add-mask::` lines are the runner's instruction to hide a value; it never shows them.
      const shown = run.everything
        .split('\n')
        .filter(line => !line.startsWith('::add-mask::'))
        .join('\n')
      for (const value of values) expect(shown).not.toContain(value)
      // No JWT (OIDC token or access token) in clear: three base64url parts starting with a JSON header.
      expect(shown).not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/)
    }
  })
})
