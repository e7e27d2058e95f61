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
    emu = await emulator('three-customers.yml', { latencyMs: 250 })
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
