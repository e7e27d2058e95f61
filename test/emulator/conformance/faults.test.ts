/**
 * The fault layer: throttling with Retry-After in each service's own error shape (Graph: https://learn.microsoft.com/graph/api/resources/application
 * §A.7–A.8; ARM: https://learn.microsoft.com/rest/api/authorization/role-assignments), server errors, dropped connections, latency, and
 * seeded rates that replay identically.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { FABRIKAM, PROVIDER_APP, scenarioPath } from '../scenarios/ids.js'
import { rawRequest } from './support.js'

let emu: Emulator | undefined

afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

async function start(options: { seed?: number; latencyMs?: number } = {}): Promise<Emulator> {
  emu = await startEmulator({ scenario: scenarioPath('three-customers'), ...options })
  return emu
}

const graphGet = (e: Emulator) => rawRequest(`${e.endpoints.graphEndpoint}/v1.0/applications`, e.ca)
const tokenPost = (e: Emulator) =>
  rawRequest(`${e.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/v2.0/token`, e.ca, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_id: PROVIDER_APP.appId,
      client_secret: PROVIDER_APP.secret,
      grant_type: 'client_credentials',
      scope: 'https://management.azure.com/.default'
    }).toString()
  })

describe('faults for the next N requests', () => {
  it("throttles Graph with 429, Retry-After and Graph's activityLimitReached envelope, then lets requests through", async () => {
    const e = await start()
    await e.control.addFault({ route: 'graph', fault: 429, count: 2, retryAfterSeconds: 7 })
    for (let i = 0; i < 2; i++) {
      const res = await graphGet(e)
      expect(res.status).toBe(429)
      expect(res.headers['retry-after']).toBe('7')
      expect(res.json()).toMatchObject({
        error: { code: 'activityLimitReached', innerError: { 'request-id': res.headers['request-id'] } }
      })
    }
    // no token: the real service answers 401 again
    expect((await graphGet(e)).status).toBe(401)
    expect((await e.control.requests()).map(r => r.fault ?? null)).toEqual(['429', '429', null])
  })

  it('answers the token endpoint with 503 temporarily_unavailable', async () => {
    const e = await start()
    await e.control.addFault({ route: 'token', fault: 503, count: 1 })
    const res = await tokenPost(e)
    expect(res.status).toBe(503)
    expect(res.headers['retry-after']).toBe('1')
    expect(res.json()).toMatchObject({ error: 'temporarily_unavailable' })
    expect((await tokenPost(e)).status).toBe(200)
  })

  it("answers ARM with ARM's error shape", async () => {
    const e = await start()
    await e.control.addFault({ route: 'arm', fault: 500, count: 1 })
    const res = await rawRequest(
      `${e.endpoints.armEndpoint}/subscriptions/${FABRIKAM.subscriptionId}/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01`,
      e.ca
    )
    expect(res.status).toBe(500)
    expect(res.json()).toEqual({ error: { code: 'InternalServerError', message: expect.any(String) } })
  })

  it('drops the connection on reset', async () => {
    const e = await start()
    await e.control.addFault({ method: 'GET', path: '^/v1\\.0/servicePrincipals', fault: 'reset', count: 1 })
    await expect(
      rawRequest(`${e.endpoints.graphEndpoint}/v1.0/servicePrincipals`, e.ca)
    ).rejects.toMatchObject({ code: 'ECONNRESET' })
    expect((await rawRequest(`${e.endpoints.graphEndpoint}/v1.0/servicePrincipals`, e.ca)).status).toBe(401)
  })
})

describe('latency', () => {
  it('adds per-route latency and the global latency', async () => {
    const e = await start({ latencyMs: 60 })
    await e.control.addFault({ route: 'graph', fault: 'latency', latencyMs: 90 })
    let t0 = performance.now()
    await graphGet(e)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(145)
    t0 = performance.now()
    await tokenPost(e)
    const tokenMs = performance.now() - t0
    expect(tokenMs).toBeGreaterThanOrEqual(55)
    expect(tokenMs).toBeLessThan(140)
  })
})

describe('seeded rates', () => {
  async function outcomes(e: Emulator, seed: number): Promise<number[]> {
    await e.control.setFaults([{ route: 'graph', fault: 503, rate: 0.5 }], seed)
    const statuses: number[] = []
    for (let i = 0; i < 24; i++) statuses.push((await graphGet(e)).status)
    return statuses
  }

  it('gives the same outcomes for the same seed and request order, different ones for another seed', async () => {
    const e = await start()
    const first = await outcomes(e, 42)
    const again = await outcomes(e, 42)
    const other = await outcomes(e, 7)
    expect(again).toEqual(first)
    expect(other).not.toEqual(first)
    expect(first.filter(s => s === 503).length).toBeGreaterThan(4)
    expect(first.filter(s => s === 401).length).toBeGreaterThan(4)
  })

  it('replays across emulator starts with the same --seed', async () => {
    const a = await start({ seed: 9 })
    await a.control.addFault({ route: 'graph', fault: 429, rate: 0.3 })
    const first: number[] = []
    for (let i = 0; i < 16; i++) first.push((await graphGet(a)).status)
    await a.stop()
    const b = await start({ seed: 9 })
    await b.control.addFault({ route: 'graph', fault: 429, rate: 0.3 })
    const second: number[] = []
    for (let i = 0; i < 16; i++) second.push((await graphGet(b)).status)
    expect(second).toEqual(first)
  })
})
