/** Throttling, server errors and short-lived OIDC tokens during a run change nothing in its result. */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { generateScenario } from '../emulator/scenarios/generate.js'
import { bridge, emulator, generatedTenantsConfig, tenantsFile, stopEmulators } from './harness.js'

let emu: Emulator
afterEach(stopEmulators)

const outcome = (report: Awaited<ReturnType<typeof bridge>>['report']) =>
  report.tenants.map(t => [
    t.tenantId,
    t.consent.status,
    t.principalId,
    t.roleAssignments.map(a => a.status).join()
  ])

describe('faults', () => {
  it('a 50-tenant run under 429 and 503 with Retry-After gives the same result as without faults', async () => {
    const { scenario, customers } = generateScenario(50)
    emu = await emulator(scenario, { seed: 7 })
    const config = generatedTenantsConfig(customers)
    const clean = await bridge(emu, config, { concurrency: 8 })
    expect(clean.report.totals).toEqual({ tenants: 50, consented: 17, needsConsent: 17, problems: 16 })

    await emu.control.resetRequests()
    await emu.control.setFaults(
      [
        { route: 'token', fault: 429, rate: 0.15, retryAfterSeconds: 1 },
        // The first two ARM requests always, then a seeded 15%: which requests a rate rule hits depends on the
        // order of every request it sees, and the provider's own requests change with the features.
        { route: 'arm', fault: 503, count: 2, retryAfterSeconds: 1 },
        { route: 'arm', fault: 503, rate: 0.15, retryAfterSeconds: 1 },
        { route: 'graph', fault: 429, count: 2, retryAfterSeconds: 1 }
      ],
      7
    )
    const faulted = await bridge(emu, config, { concurrency: 8 })
    const statuses = (await emu.control.requests()).map(r => r.status)
    expect(statuses.filter(s => s === 429).length).toBeGreaterThan(3)
    expect(statuses.filter(s => s === 503).length).toBeGreaterThan(1)
    expect(outcome(faulted.report)).toEqual(outcome(clean.report))
  }, 60_000)
})

describe('short-lived GitHub OIDC tokens', () => {
  it('fetches a fresh assertion when the one in hand expires mid-run, instead of presenting it (AADSTS700024)', async () => {
    // Slow enough that the run outlives a 2-second token with room to spare, however few round trips it needs.
    emu = await emulator('three-customers.yml', { latencyMs: 500 })
    await emu.control.setGithub({ tokenLifetimeSeconds: 2 })
    // Secretless: every tenant is probed with the GitHub assertion, against the app's federated credential.
    const config = tenantsFile('three-customers.tenants.yml')
    config.app.credential = { kind: 'federated', position: { line: 6, column: 5 } }
    const started = Date.now()
    const run = await bridge(emu, config, { concurrency: 1 })
    // The run outlived several tokens: each was replaced before Entra could see it expired.
    expect(Date.now() - started).toBeGreaterThan(2500)
    const fetched = run.logs.filter(line => line.startsWith('GitHub OIDC token:'))
    expect(fetched.length).toBeGreaterThan(2)
    expect(run.report.tenants.map(t => t.consent.status)).toEqual(['consented', 'needs-consent', 'disabled'])
    expect(run.report.tenants.some(t => t.consent.code === 700024)).toBe(false)
  }, 30_000)
})

const NORTHWIND = '8e000000-0000-4000-8000-000000000001'
const tokenEndpointOf = (tenantId: string) => `^/${tenantId}/oauth2/v2\\.0/token$`

describe('transient failures are retried, then reported as transient — never as a verdict', () => {
  it('a tenant whose token endpoint answers 503 four times is still judged by its real answer', async () => {
    emu = await emulator('three-customers.yml')
    await emu.control.setFaults([
      { route: 'token', path: tokenEndpointOf(NORTHWIND), fault: 503, count: 4, retryAfterSeconds: 0 }
    ])
    const run = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    const northwind = run.report.tenants.find(t => t.tenantId === NORTHWIND)!
    expect(northwind.consent).toMatchObject({ status: 'needs-consent', code: 7000229 })
    expect(northwind.consent.link).toContain('/adminconsent?')
    expect((await emu.control.requests()).filter(r => r.fault === '503')).toHaveLength(4)
  })

  it('a tenant whose token endpoint never answers is an error that says transient, not tenant-not-found', async () => {
    emu = await emulator('three-customers.yml')
    await emu.control.setFaults([
      { route: 'token', path: tokenEndpointOf(NORTHWIND), fault: 503, retryAfterSeconds: 0 }
    ])
    const run = await bridge(emu, tenantsFile('three-customers.tenants.yml'), {}, { retryBudgetSeconds: 2 })
    const northwind = run.report.tenants.find(t => t.tenantId === NORTHWIND)!
    expect(northwind.consent.status).toBe('error')
    expect(northwind.consent.detail).toMatch(/^Transient/)
    // The other tenants are judged as ever.
    expect(run.report.tenants.map(t => t.consent.status)).toEqual(['consented', 'error', 'disabled'])
  })

  it('an unknown tenant is tenant-not-found only on Entra’s own AADSTS90002', async () => {
    emu = await emulator('three-customers.yml')
    const config = tenantsFile('three-customers.tenants.yml')
    config.tenants[1]!.tenantId = '0d000000-0000-4000-8000-00000000dead'
    const run = await bridge(emu, config)
    expect(run.report.tenants[1]!.consent).toMatchObject({ status: 'tenant-not-found', code: 90002 })
  })

  it('a dropped connection on a Graph read is retried, and the run ends as without it', async () => {
    emu = await emulator('three-customers.yml')
    const config = tenantsFile('three-customers.tenants.yml')
    const clean = await bridge(emu, config)
    await emu.control.setFaults([{ route: 'graph', method: 'GET', fault: 'reset', count: 2 }])
    const faulted = await bridge(emu, config)
    expect(faulted.report.app.status).toBe('current')
    expect(outcome(faulted.report)).toEqual(outcome(clean.report))
    expect((await emu.control.requests()).filter(r => r.fault === 'reset')).toHaveLength(2)
  })

  it('Graph unavailable for the whole run: the app is an error that says transient, with no permission hint', async () => {
    emu = await emulator('three-customers.yml')
    await emu.control.setFaults([{ route: 'graph', fault: 503, retryAfterSeconds: 0 }])
    const run = await bridge(emu, tenantsFile('three-customers.tenants.yml'), {}, { retryBudgetSeconds: 1 })
    expect(run.report.app).toMatchObject({ status: 'error', failure: 'transient' })
    expect(run.report.app.detail).toMatch(/^Transient \(retried up to \d+ times\)/)
    const { renderSummary } = await import('../../src/report/summary.js')
    const summary = renderSummary(run.report, { reportFile: 'report.json' })
    expect(summary).toContain('Microsoft Graph did not answer in time')
    expect(summary).not.toContain('Application.ReadWrite.OwnedBy')
  })

  it('a write whose answer is lost is found done when retried: app, federated credential, service principal, secret', async () => {
    emu = await emulator('fresh-provider.yml')
    await emu.control.setFaults([
      { route: 'graph', method: 'PATCH', fault: 'reset-after', count: 1 },
      {
        route: 'graph',
        method: 'POST',
        path: 'federatedIdentityCredentials',
        fault: 'reset-after',
        count: 1
      },
      { route: 'graph', method: 'POST', path: '^/v1\\.0/servicePrincipals$', fault: 'reset-after', count: 1 },
      { route: 'keyvault', method: 'PUT', fault: 'reset-after', count: 1 }
    ])
    const run = await bridge(emu, tenantsFile('fresh-provider.tenants.yml'), { mode: 'apply' })
    expect(run.report.steps.map(s => [s.kind, s.outcome])).toEqual([
      ['create-app', 'done'],
      ['create-federated-credential', 'done'],
      ['create-service-principal', 'done'],
      ['create-secret', 'done']
    ])
    expect((await emu.control.requests()).filter(r => r.fault === 'reset-after')).toHaveLength(4)
    const again = await bridge(emu, tenantsFile('fresh-provider.tenants.yml'), { mode: 'apply' })
    expect(again.report.steps).toEqual([])
  })
})
