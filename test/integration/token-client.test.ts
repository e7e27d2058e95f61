/**
 * The client-credentials token client against the emulator's Entra: the requests it sends, what it keeps, and how
 * Entra's answers come back — the numbers the consent verdicts are made of.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { resolveCloud } from '../../src/cloud.js'
import { secretCredential, tokenEndpoint } from '../../src/azure/credentials.js'
import { clientOptions, RetryBudget } from '../../src/azure/pipeline.js'
import { EntraTokenError, TokenEndpointUnavailable } from '../../src/azure/token-client.js'
import type { Emulator } from '../emulator/index.js'
import { bridge, emulator, stopEmulators, tenantsFile } from './harness.js'

afterEach(stopEmulators)

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const PROVIDER_APP = '2b000000-0000-4000-8000-000000000001'
const PROVIDER_SECRET = 'Qx7~seeded.provider.secret.2026-10-01'
const ARM = 'https://management.azure.com/.default'

function credentialFor(emu: Emulator, tenantId: string, secret = PROVIDER_SECRET, budgetSeconds = 30) {
  const masked: string[] = []
  const cloud = resolveCloud('custom', emu.endpoints.cloudEndpoints)
  const entra = tokenEndpoint(cloud, clientOptions(new RetryBudget(budgetSeconds)), token =>
    masked.push(token)
  )
  return { credential: secretCredential(entra, tenantId, PROVIDER_APP, secret), masked }
}

const tokenRequests = async (emu: Emulator) =>
  (await emu.control.requests()).filter(r => r.route === 'token' && r.status === 200)

describe('the token client', () => {
  it('asks the token endpoint directly: one request per tenant and audience in a whole run, no discovery', async () => {
    const emu = await emulator('three-customers.yml')
    const run = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(run.report.tenants.map(t => t.consent.status)).toEqual(['consented', 'needs-consent', 'disabled'])
    const requests = await emu.control.requests()
    expect(requests.filter(r => r.path.includes('.well-known') || r.path.includes('/discovery/'))).toEqual([])
    // Fabrikam: the consent probe's ARM token serves the role-assignment reads after it.
    expect(requests.filter(r => r.route === 'token' && r.path.startsWith(`/${FABRIKAM}/`))).toHaveLength(1)
  })

  it('keeps a token until shortly before it expires, and callers asking at once share one request', async () => {
    const emu = await emulator('three-customers.yml')
    const { credential, masked } = credentialFor(emu, FABRIKAM)
    const [a, b] = await Promise.all([credential.getToken(ARM), credential.getToken(ARM)])
    const again = await credential.getToken(ARM)
    expect(b.token).toBe(a.token)
    expect(again.token).toBe(a.token)
    expect(await tokenRequests(emu)).toHaveLength(1)
    // Every token is handed to the mask the moment it arrives.
    expect(masked).toEqual([a.token])
    expect(a.expiresOnTimestamp).toBeGreaterThan(Date.now() + 30 * 60_000)
  })

  it('asks afresh for a claims challenge, and refuses a challenge that names another tenant', async () => {
    const emu = await emulator('three-customers.yml')
    const { credential } = credentialFor(emu, FABRIKAM)
    await credential.getToken(ARM)
    await credential.getToken(ARM, { claims: '{"access_token":{"nbf":{"essential":true,"value":"1"}}}' })
    expect(await tokenRequests(emu)).toHaveLength(2)
    await expect(
      credential.getToken(ARM, { tenantId: '8e000000-0000-4000-8000-000000000001' })
    ).rejects.toThrow(
      /tenant 8e000000-0000-4000-8000-000000000001 was asked of a credential that signs in to tenant 7f3a2c1e/
    )
    expect(await tokenRequests(emu)).toHaveLength(2)
  })

  it.each([
    ['an unknown tenant', '0d000000-0000-4000-8000-00000000dead', PROVIDER_SECRET, 90002, 400],
    ['a wrong secret', FABRIKAM, 'not-the-secret', 7000215, 401],
    [
      'no service principal (no consent)',
      '8e000000-0000-4000-8000-000000000001',
      PROVIDER_SECRET,
      7000229,
      401
    ]
  ])(
    'raises Entra’s own answer for %s: the AADSTS number and trace id',
    async (_, tenant, secret, code, status) => {
      const emu = await emulator('three-customers.yml')
      const { credential } = credentialFor(emu, tenant, secret)
      const error = await credential.getToken(ARM).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(EntraTokenError)
      expect(error).toMatchObject({ code, status })
      expect((error as EntraTokenError).traceId).toMatch(/^[0-9a-f-]{36}$/)
    }
  )

  it('reports an endpoint that only answers 503 as unavailable, never as an answer', async () => {
    const emu = await emulator('three-customers.yml')
    await emu.control.setFaults([{ route: 'token', fault: 503, retryAfterSeconds: 0 }])
    const { credential } = credentialFor(emu, FABRIKAM)
    await expect(credential.getToken(ARM)).rejects.toBeInstanceOf(TokenEndpointUnavailable)
    await expect(credential.getToken(ARM)).rejects.toThrow(/HTTP 503 \(retried up to 8 times\)/)
  })
})
