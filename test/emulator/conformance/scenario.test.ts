/** Scenario loading: clear errors naming the bad field, and the N-customer generator the benchmark uses. */
import { describe, expect, it } from '@jest/globals'
import { ClientSecretCredential } from '@azure/identity'
import { startEmulator } from '../index.js'
import { credentialOptions } from '../sdk.js'
import { generateScenario } from '../scenarios/generate.js'
import { PROVIDER_APP } from '../scenarios/ids.js'

describe('scenario errors', () => {
  it('names the offending field', async () => {
    const bad = { tenants: [{ id: 'not-a-guid', displayName: 'X' }] }
    await expect(startEmulator({ scenario: bad })).rejects.toThrow('tenants[0].id: expected a GUID')
    const badSp = {
      tenants: [
        { id: '11111111-1111-4111-8111-111111111111', displayName: 'X', servicePrincipals: [{ app: 'nope' }] }
      ]
    }
    await expect(startEmulator({ scenario: badSp })).rejects.toThrow(
      "tenants[0].servicePrincipals[0].app: no application with uniqueName or appId 'nope'"
    )
    await expect(startEmulator({ scenario: { github: { repository: 'no-slash' } } })).rejects.toThrow(
      'github.repository: expected OWNER/REPO'
    )
  })
})

describe('generator', () => {
  it('builds 1,000 customers cycling consented / not consented / disabled, and starts quickly', async () => {
    const { scenario, customers } = generateScenario(1000)
    expect(customers).toHaveLength(1000)
    expect(customers.slice(0, 3).map(c => c.state)).toEqual(['consented', 'not-consented', 'disabled'])
    const t0 = performance.now()
    const emu = await startEmulator({ scenario })
    try {
      expect(performance.now() - t0).toBeLessThan(5000)
      const expectations: [number, number | undefined][] = [
        [0, undefined],
        [1, 7000229],
        [2, 7000112],
        [999, undefined]
      ]
      for (const [i, errorNo] of expectations) {
        const c = customers[i]!
        const p = new ClientSecretCredential(
          c.tenantId,
          PROVIDER_APP.appId,
          PROVIDER_APP.secret,
          credentialOptions(emu)
        ).getToken('https://management.azure.com/.default')
        if (errorNo === undefined) await expect(p).resolves.toHaveProperty('token')
        else await expect(p).rejects.toMatchObject({ cause: { errorNo } })
      }
    } finally {
      await emu.stop()
    }
  })
})
