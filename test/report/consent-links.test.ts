import { describe, expect, it } from '@jest/globals'
import { consentLinks } from '../../src/plan/consent-links.js'

const TENANT = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const APP = '11111111-2222-4333-8444-555555555555'

describe('consentLinks', () => {
  it('builds the documented v1 and v2.0 forms for AzureCloud', () => {
    expect(
      consentLinks({
        authorityHost: 'https://login.microsoftonline.com',
        tenantId: TENANT,
        appId: APP,
        redirectUri: 'https://contoso.example/onboarded',
        armAudience: 'https://management.azure.com'
      })
    ).toEqual({
      link:
        `https://login.microsoftonline.com/${TENANT}/adminconsent?client_id=${APP}` +
        `&redirect_uri=https%3A%2F%2Fcontoso.example%2Fonboarded&state=etb-${TENANT}`,
      linkV2:
        `https://login.microsoftonline.com/${TENANT}/v2.0/adminconsent?client_id=${APP}` +
        '&scope=https%3A%2F%2Fmanagement.azure.com%2F.default' +
        `&redirect_uri=https%3A%2F%2Fcontoso.example%2Fonboarded&state=etb-${TENANT}`
    })
  })

  it('uses a custom authority host as given, without a doubled slash', () => {
    const { link, linkV2 } = consentLinks({
      authorityHost: 'https://127.0.0.1:8443/',
      tenantId: TENANT,
      appId: APP,
      redirectUri: 'https://contoso.example/onboarded',
      armAudience: 'https://127.0.0.1:8444'
    })
    expect(link.startsWith(`https://127.0.0.1:8443/${TENANT}/adminconsent?client_id=${APP}&`)).toBe(true)
    expect(linkV2.startsWith(`https://127.0.0.1:8443/${TENANT}/v2.0/adminconsent?client_id=${APP}&`)).toBe(
      true
    )
    expect(new URL(linkV2).searchParams.get('scope')).toBe('https://127.0.0.1:8444/.default')
  })

  it('encodes a redirect URI with a query string so it stays one parameter', () => {
    const redirectUri = 'https://contoso.example/onboarded?from=consent&lang=en US#done'
    const { link } = consentLinks({
      authorityHost: 'https://login.microsoftonline.com',
      tenantId: TENANT,
      appId: APP,
      redirectUri,
      armAudience: 'https://management.azure.com'
    })
    expect(link).toContain(
      'redirect_uri=https%3A%2F%2Fcontoso.example%2Fonboarded%3Ffrom%3Dconsent%26lang%3Den%20US%23done&state='
    )
    const params = new URL(link).searchParams
    expect(params.get('redirect_uri')).toBe(redirectUri)
    expect(params.get('state')).toBe(`etb-${TENANT}`)
    expect([...params.keys()]).toEqual(['client_id', 'redirect_uri', 'state'])
  })
})
