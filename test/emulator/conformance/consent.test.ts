/**
 * Admin consent as the customer's admin clicking Accept: the v1 and v2.0 `adminconsent` endpoints of
 * https://learn.microsoft.com/entra/identity-platform/v2-admin-consent (grant-admin-consent.md, v2-admin-consent.md, v2-oauth2-client-creds-grant-flow.md).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { ClientSecretCredential } from '@azure/identity'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { credentialOptions } from '../sdk.js'
import { AUTOMATION, FABRIKAM, NORTHWIND, PROVIDER_APP, scenarioPath } from '../scenarios/ids.js'
import { rawRequest } from './support.js'

let emu: Emulator

beforeEach(async () => {
  emu = await startEmulator({ scenario: scenarioPath('three-customers') })
})
afterEach(async () => {
  await emu.stop()
})

function consentUrl(tenant: string, params: Record<string, string>, v2 = false): string {
  return `${emu.endpoints.authorityHost}/${tenant}${v2 ? '/v2.0' : ''}/adminconsent?${new URLSearchParams(params).toString()}`
}

function redirectParams(location: string | string[] | undefined): {
  base: string
  params: Record<string, string>
} {
  const url = new URL(String(location))
  return { base: `${url.origin}${url.pathname}`, params: Object.fromEntries(url.searchParams) }
}

const token = (tenantId: string) =>
  new ClientSecretCredential(
    tenantId,
    PROVIDER_APP.appId,
    PROVIDER_APP.secret,
    credentialOptions(emu)
  ).getToken('https://management.azure.com/.default')

describe('v1 adminconsent', () => {
  it('creates the service principal and redirects with tenant, state and admin_consent=True', async () => {
    await expect(token(NORTHWIND.tenantId)).rejects.toMatchObject({ cause: { errorNo: 7000229 } })
    const res = await rawRequest(
      consentUrl(NORTHWIND.tenantId, {
        client_id: PROVIDER_APP.appId,
        redirect_uri: PROVIDER_APP.redirectUri,
        state: '12345'
      }),
      emu.ca
    )
    expect(res.status).toBe(302)
    expect(redirectParams(res.headers.location)).toEqual({
      base: PROVIDER_APP.redirectUri,
      params: { tenant: NORTHWIND.tenantId, state: '12345', admin_consent: 'True' }
    })
    const sp = emu.directory.servicePrincipalByAppId(NORTHWIND.tenantId, PROVIDER_APP.appId)
    expect(sp).toMatchObject({
      accountEnabled: true,
      appOwnerOrganizationId: '11111111-1111-4111-8111-111111111111'
    })
    await expect(token(NORTHWIND.tenantId)).resolves.toHaveProperty('token')
  })

  it('keeps an existing service principal when consenting again', async () => {
    await rawRequest(consentUrl(FABRIKAM.tenantId, { client_id: PROVIDER_APP.appId }), emu.ca)
    expect(emu.directory.servicePrincipalByAppId(FABRIKAM.tenantId, PROVIDER_APP.appId)?.id).toBe(
      FABRIKAM.servicePrincipalId
    )
  })

  it('accepts a registered redirect URI with additional path segments, refuses others with AADSTS50011 (no redirect)', async () => {
    const ok = await rawRequest(
      consentUrl(NORTHWIND.tenantId, {
        client_id: PROVIDER_APP.appId,
        redirect_uri: `${PROVIDER_APP.redirectUri}/northwind`
      }),
      emu.ca
    )
    expect(ok.status).toBe(302)
    const bad = await rawRequest(
      consentUrl(NORTHWIND.tenantId, {
        client_id: PROVIDER_APP.appId,
        redirect_uri: 'https://evil.example/'
      }),
      emu.ca
    )
    expect(bad.status).toBe(400)
    expect(bad.headers.location).toBeUndefined()
    expect(bad.text).toContain('AADSTS50011')
  })

  it('shows AADSTS500113 when the app has no reply address', async () => {
    emu.directory.applicationByAppId(PROVIDER_APP.appId)!.redirectUris = []
    const res = await rawRequest(consentUrl(NORTHWIND.tenantId, { client_id: PROVIDER_APP.appId }), emu.ca)
    expect(res.status).toBe(400)
    expect(res.text).toContain('AADSTS500113: No reply address is registered for the application.')
    expect(emu.directory.servicePrincipalByAppId(NORTHWIND.tenantId, PROVIDER_APP.appId)).toBeUndefined()
  })

  it('shows an error page (400, no redirect) for an unknown app or a single-tenant app of another tenant', async () => {
    for (const clientId of ['00000000-0000-4000-8000-0000000000aa', AUTOMATION.appId]) {
      const res = await rawRequest(
        consentUrl(NORTHWIND.tenantId, { client_id: clientId, redirect_uri: PROVIDER_APP.redirectUri }),
        emu.ca
      )
      expect(res.status).toBe(400)
      expect(res.headers.location).toBeUndefined()
      expect(res.text).toContain('AADSTS700016')
    }
  })

  it('redirects with permission_denied when the admin declines', async () => {
    await emu.control.setConsentDecision(NORTHWIND.tenantId, 'decline')
    const res = await rawRequest(
      consentUrl(NORTHWIND.tenantId, { client_id: PROVIDER_APP.appId, state: 's' }),
      emu.ca
    )
    expect(redirectParams(res.headers.location).params).toEqual({
      error: 'permission_denied',
      error_description: 'The admin canceled the request',
      state: 's'
    })
    expect(emu.directory.servicePrincipalByAppId(NORTHWIND.tenantId, PROVIDER_APP.appId)).toBeUndefined()
  })
})

describe('v2.0 adminconsent', () => {
  const scope = 'https://management.azure.com/.default'

  it('redirects with admin_consent=True, tenant, scope and state', async () => {
    const res = await rawRequest(
      consentUrl(
        NORTHWIND.tenantId,
        { client_id: PROVIDER_APP.appId, scope, redirect_uri: PROVIDER_APP.redirectUri, state: 'abc' },
        true
      ),
      emu.ca
    )
    expect(res.status).toBe(302)
    expect(redirectParams(res.headers.location).params).toEqual({
      admin_consent: 'True',
      tenant: NORTHWIND.tenantId,
      scope,
      state: 'abc'
    })
  })

  // https://learn.microsoft.com/entra/identity-platform/v2-admin-consent#error-response:
  // admin_consent=True&error=consent_required&error_description=AADSTS65004: The resource owner or
  // authorization server denied the request.\r\nTrace ID: …\r\nCorrelation ID: …\r\nTimestamp: …&state=…
  it('keeps admin_consent=True on error, as documented: the caller must check error', async () => {
    await emu.control.setConsentDecision(NORTHWIND.tenantId, 'decline')
    const res = await rawRequest(
      consentUrl(NORTHWIND.tenantId, { client_id: PROVIDER_APP.appId, scope, state: 'abc' }, true),
      emu.ca
    )
    const { params } = redirectParams(res.headers.location)
    expect(params).toMatchObject({ admin_consent: 'True', error: 'consent_required', state: 'abc' })
    expect(params.error_description).toMatch(
      /^AADSTS65004: The resource owner or authorization server denied the request\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: [0-9a-f-]{36}\r\nTimestamp: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/
    )
    expect(params.tenant).toBeUndefined()
  })

  it('a consented service principal is subject to the replication lag', async () => {
    await emu.control.setLags({ servicePrincipalMs: 5_000 })
    await rawRequest(consentUrl(NORTHWIND.tenantId, { client_id: PROVIDER_APP.appId, scope }, true), emu.ca)
    await expect(token(NORTHWIND.tenantId)).rejects.toMatchObject({ cause: { errorNo: 7000229 } })
    const sp = emu.directory.servicePrincipalByAppId(NORTHWIND.tenantId, PROVIDER_APP.appId)!
    expect(emu.directory.principal(NORTHWIND.tenantId, sp.id)).toBe('replicating')
    await emu.control.advanceClock(5_001)
    await expect(token(NORTHWIND.tenantId)).resolves.toHaveProperty('token')
  })
})
