/** The control API through its typed client: changing the world behind the action's back, and the request log. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ClientSecretCredential } from '@azure/identity'
import { EmulatorControlError } from '../client.js'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { credentialOptions } from '../sdk.js'
import { FABRIKAM, NORTHWIND, PROVIDER_APP, TAILSPIN, scenarioPath } from '../scenarios/ids.js'
import { rawRequest } from './support.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioPath('three-customers') })
})
afterAll(async () => {
  await emu.stop()
})

const ARM = 'https://management.azure.com/.default'
const token = (tenantId: string) =>
  new ClientSecretCredential(
    tenantId,
    PROVIDER_APP.appId,
    PROVIDER_APP.secret,
    credentialOptions(emu)
  ).getToken(ARM)

describe('directory operations', () => {
  it('disables and re-enables a service principal', async () => {
    const sp = await emu.control.disableServicePrincipal({
      tenantId: FABRIKAM.tenantId,
      appId: PROVIDER_APP.appId
    })
    expect(sp).toMatchObject({ id: FABRIKAM.servicePrincipalId, accountEnabled: false })
    await expect(token(FABRIKAM.tenantId)).rejects.toMatchObject({ cause: { errorNo: 7000112 } })
    await emu.control.enableServicePrincipal({ tenantId: TAILSPIN.tenantId, id: TAILSPIN.servicePrincipalId })
    await expect(token(TAILSPIN.tenantId)).resolves.toHaveProperty('token')
    await emu.control.enableServicePrincipal({ tenantId: FABRIKAM.tenantId, appId: PROVIDER_APP.appId })
  })

  it('revokes consent by deleting the service principal, and consents again', async () => {
    await emu.control.deleteServicePrincipal({ tenantId: TAILSPIN.tenantId, appId: PROVIDER_APP.appId })
    await expect(token(TAILSPIN.tenantId)).rejects.toMatchObject({ cause: { errorNo: 7000229 } })
    const sp = await emu.control.consent(NORTHWIND.tenantId, PROVIDER_APP.appId)
    expect(sp).toMatchObject({
      appId: PROVIDER_APP.appId,
      tenantId: NORTHWIND.tenantId,
      accountEnabled: true
    })
    await expect(token(NORTHWIND.tenantId)).resolves.toHaveProperty('token')
  })

  it('deletes a role assignment through the resource state', async () => {
    const has = async () =>
      JSON.stringify(((await emu.control.state()) as { resources: unknown }).resources).includes(
        FABRIKAM.readerAssignmentName
      )
    expect(await has()).toBe(true)
    await emu.control.deleteRoleAssignment(FABRIKAM.readerAssignmentName)
    expect(await has()).toBe(false)
    await expect(emu.control.deleteRoleAssignment(FABRIKAM.readerAssignmentName)).rejects.toMatchObject({
      status: 404
    })
  })

  it('names what is wrong with a bad operation', async () => {
    const err = await emu.control
      .disableServicePrincipal({ tenantId: '00000000-0000-4000-8000-000000000000', appId: 'x' })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(EmulatorControlError)
    expect(err).toMatchObject({ status: 404, message: expect.stringContaining('no tenant') })
    await expect(emu.control.setLags({ bogusMs: 1 } as never)).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('lags.bogusMs')
    })
  })
})

describe('clock, lags and state', () => {
  it('advances the emulator clock', async () => {
    const before = Date.parse(String((await emu.control.state()).now))
    const { now } = await emu.control.advanceClock(3_600_000)
    expect(Date.parse(now) - before).toBeGreaterThanOrEqual(3_600_000)
  })

  it('reports lags and never exposes secret hashes', async () => {
    expect(await emu.control.setLags({ passwordMs: 1234 })).toMatchObject({
      passwordMs: 1234,
      servicePrincipalMs: 0
    })
    const text = JSON.stringify(await emu.control.state())
    expect(text).toContain('"passwordMs":1234')
    expect(text).not.toContain('secretHash')
    expect(text).not.toContain(PROVIDER_APP.secret.slice(5))
  })
})

describe('request log', () => {
  it('records method, path, route and status, counts writes as Graph/ARM/Key Vault mutations only', async () => {
    await emu.control.resetRequests()
    const cred = new ClientSecretCredential(
      FABRIKAM.tenantId,
      PROVIDER_APP.appId,
      PROVIDER_APP.secret,
      credentialOptions(emu)
    )
    const arm = await cred.getToken(ARM)
    const roleAssignments = `${emu.endpoints.armEndpoint}/subscriptions/${FABRIKAM.subscriptionId}/resourceGroups/rg-shared/providers/Microsoft.Authorization/roleAssignments`
    const listed = await rawRequest(`${roleAssignments}?api-version=2022-04-01`, emu.ca, {
      headers: { authorization: `Bearer ${arm.token}` }
    })
    await rawRequest(
      `${roleAssignments}/7b000000-0000-4000-8000-000000000001?api-version=2022-04-01`,
      emu.ca,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${arm.token}` }
      }
    )
    const log = await emu.control.requests()
    expect(log.map(r => [r.route, r.method, r.write])).toEqual([
      ['entra', 'GET', false],
      ['token', 'POST', false],
      ['arm', 'GET', false],
      ['arm', 'DELETE', true]
    ])
    expect(log[2]).toMatchObject({
      path: `/subscriptions/${FABRIKAM.subscriptionId}/resourceGroups/rg-shared/providers/Microsoft.Authorization/roleAssignments`,
      status: listed.status,
      query: 'api-version=2022-04-01'
    })
    const counts = await emu.control.requestCounts()
    expect(counts).toMatchObject({
      total: 4,
      writes: 1,
      byRoute: { entra: 1, token: 1, arm: 2 },
      byRouteAndMethod: { 'arm DELETE': 1 }
    })
    await emu.control.resetRequests()
    expect((await emu.control.requestCounts()).total).toBe(0)
  })
})

describe('hold', () => {
  it('handles the nth request but never answers it, until released (then the connection drops)', async () => {
    await emu.control.resetRequests()
    const path = `/subscriptions/${FABRIKAM.subscriptionId}/providers/Microsoft.Authorization/roleAssignments`
    const url = `${emu.endpoints.armEndpoint}${path}?api-version=2022-04-01`
    expect(await emu.control.holdRequest(2)).toEqual({ remaining: 2, held: null })
    const first = await rawRequest(url, emu.ca)
    expect(first.status).toBe(401)
    const second = rawRequest(url, emu.ca, { method: 'DELETE' })
    let state = await emu.control.holdState()
    while (!state.held) state = await emu.control.holdState()
    expect(state).toEqual({
      remaining: null,
      held: { method: 'DELETE', route: 'arm', path }
    })
    // Handled and logged, though its answer never left.
    expect((await emu.control.requests()).map(r => r.method)).toEqual(['GET', 'DELETE'])
    await emu.control.releaseHold()
    await expect(second).rejects.toThrow()
    expect(await emu.control.holdState()).toEqual({ remaining: null, held: null })
    expect((await rawRequest(url, emu.ca)).status).toBe(first.status)
  })
})
