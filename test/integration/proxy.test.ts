/**
 * One HTTP pipeline for all four services: with HTTPS_PROXY set, every Azure request of a run — sign-in, Graph,
 * Key Vault, the customer tenants' token endpoints and ARM — goes through the proxy (NO_PROXY: test/e2e, since the
 * pipeline reads it once per process). GitHub's OIDC request is @actions/core's own, and its client never proxies
 * loopback addresses.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { connectProxy } from '../support/proxy.js'
import { bridge, emulator, stopEmulators, tenantsFile } from './harness.js'

const portOf = (url: string) => new URL(url).port
const config = tenantsFile('three-customers.tenants.yml')
let emu: Emulator
let proxy: Awaited<ReturnType<typeof connectProxy>> | undefined

beforeEach(async () => {
  emu = await emulator('three-customers.yml')
})
afterEach(async () => {
  delete process.env.HTTPS_PROXY
  delete process.env.NO_PROXY
  proxy?.server.closeAllConnections()
  proxy?.server.close()
  proxy = undefined
  await stopEmulators()
})

describe('HTTPS_PROXY', () => {
  it('carries every service of a run, and the run ends as it does without a proxy', async () => {
    const direct = await bridge(emu, config)
    proxy = await connectProxy()
    process.env.HTTPS_PROXY = proxy.url
    const proxied = await bridge(emu, config)
    const statuses = (run: typeof direct) =>
      run.report.tenants.map(t => [t.tenantId, t.consent.status, t.roleAssignments.map(a => a.status)])
    expect(statuses(proxied)).toEqual(statuses(direct))
    expect(proxied.report.secret.status).toBe('current')
    const vaultPort = portOf(
      Object.values(JSON.parse(emu.endpoints.cloudEndpoints).keyVaultUrls)[0] as string
    )
    // Entra, Graph and ARM share the emulator's main port; Key Vault has its own.
    expect(new Set(proxy.targets.map(t => t.split(':')[1]))).toEqual(
      new Set([portOf(emu.endpoints.authorityHost), vaultPort])
    )
  })

  it('sends nothing to Azure past a proxy that refuses: no request bypasses it', async () => {
    proxy = await connectProxy(true)
    process.env.HTTPS_PROXY = proxy.url
    await emu.control.resetRequests()
    await expect(bridge(emu, config, {}, { retryBudgetSeconds: 0 })).rejects.toThrow(
      /Sign-in to the provider tenant/
    )
    expect(proxy.targets.length).toBeGreaterThan(0)
    expect((await emu.control.requests()).filter(r => r.route !== 'oidc')).toEqual([])
  })
})
