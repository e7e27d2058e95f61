/**
 * Entra ID behaviours beyond the action's own token requests: every form of a resource in a scope, unknown and
 * multiple resources, the `/common` and `/organizations` authorities, the v1 discovery document and token
 * endpoint, and MSAL's instance discovery. Expected values name their public source.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity'
import type { Emulator } from '../index.js'
import { startEmulator } from '../index.js'
import { credentialOptions, graphClient } from '../sdk.js'
import { AUTOMATION, FABRIKAM, PROVIDER, PROVIDER_APP, scenarioPath } from '../scenarios/ids.js'
import { jwtClaims, postForm, rawRequest } from './support.js'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioPath('three-customers') })
})
afterAll(async () => {
  await emu.stop()
})

function automation(): ClientAssertionCredential {
  return new ClientAssertionCredential(
    PROVIDER.tenantId,
    AUTOMATION.appId,
    async () => emu.mintGithubToken('api://AzureADTokenExchange'),
    credentialOptions(emu)
  )
}

function tokenForm(resourceScope: string): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: PROVIDER_APP.appId,
    client_secret: PROVIDER_APP.secret,
    scope: resourceScope
  }
}

describe('resource forms (https://learn.microsoft.com/entra/identity-platform/scopes-oidc#the-default-scope)', () => {
  it.each([
    'https://graph.microsoft.com/.default',
    'https://graph.microsoft.com//.default',
    '00000003-0000-0000-c000-000000000000/.default'
  ])('%s: a Graph token with the app roles, accepted by Graph', async scope => {
    const credential = automation()
    const token = await credential.getToken(scope)
    expect(jwtClaims(token.token)).toMatchObject({
      aud: scope.slice(0, -'/.default'.length),
      roles: ['Application.ReadWrite.OwnedBy']
    })
    const client = graphClient(emu, { getToken: async () => token })
    await expect(client.api(`/applications(appId='${PROVIDER_APP.appId}')`).get()).resolves.toHaveProperty(
      'appId',
      PROVIDER_APP.appId
    )
  })

  it.each(['https://management.azure.com//.default', 'https://management.core.windows.net//.default'])(
    '%s: accepted by ARM (its InvalidAuthenticationToken message lists the four audiences)',
    async scope => {
      const token = await automation().getToken(scope)
      const res = await rawRequest(`${emu.endpoints.armEndpoint}/tenants?api-version=2022-12-01`, emu.ca, {
        headers: { authorization: `Bearer ${token.token}` }
      })
      expect(res.status).toBe(200)
    }
  )

  it('https://vault.azure.net//.default: a token Key Vault accepts', async () => {
    const token = await automation().getToken('https://vault.azure.net//.default')
    expect(jwtClaims(token.token).aud).toBe('https://vault.azure.net/')
    const vault = emu.endpoints.keyVaultUrls[PROVIDER.keyVault] as string
    const res = await rawRequest(`${vault}secrets?api-version=7.5`, emu.ca, {
      headers: { authorization: `Bearer ${token.token}` }
    })
    expect(res.status).toBe(200)
  })
})

describe('unknown and multiple resources (https://learn.microsoft.com/entra/identity-platform/reference-error-codes)', () => {
  it('AADSTS500011 invalid_resource for a resource no principal of the directory names', async () => {
    const res = await postForm(
      `${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/v2.0/token`,
      emu.ca,
      tokenForm('https://unknown.example.com/.default')
    )
    expect(res.status).toBe(400)
    const body = res.json()
    expect(body).toMatchObject({ error: 'invalid_resource', error_codes: [500011] })
    expect(String(body.error_description)).toMatch(
      /^AADSTS500011: The resource principal named https:\/\/unknown\.example\.com was not found in the tenant named Fabrikam\./
    )
  })

  it('the same through @azure/identity: errorNo 500011', async () => {
    const credential = new ClientSecretCredential(
      FABRIKAM.tenantId,
      PROVIDER_APP.appId,
      PROVIDER_APP.secret,
      credentialOptions(emu)
    )
    const cause = await credential.getToken('https://unknown.example.com/.default').then(
      () => undefined,
      (err: { cause?: { errorNo?: unknown; errorCode?: unknown } }) => err.cause
    )
    expect([String(cause?.errorNo), cause?.errorCode]).toEqual(['500011', 'invalid_resource'])
  })

  // the sample error response of reference-error-codes: "AADSTS70011: The provided value for the input
  // parameter 'scope' isn't valid. The scope … isn't valid."
  it('AADSTS70011 invalid_scope for two resources in one scope', async () => {
    const scope = 'https://graph.microsoft.com/.default https://management.azure.com/.default'
    const res = await postForm(
      `${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/v2.0/token`,
      emu.ca,
      tokenForm(scope)
    )
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_scope', error_codes: [70011] })
    expect(String(res.json().error_description)).toContain(`The scope ${scope} is not valid.`)
  })
})

describe('multi-tenant authorities and v1 endpoints', () => {
  // https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri
  it.each(['common', 'organizations'])(
    'serves the %s v2.0 discovery document with {tenantid} in the issuer',
    async t => {
      const res = await rawRequest(
        `${emu.endpoints.authorityHost}/${t}/v2.0/.well-known/openid-configuration`,
        emu.ca
      )
      expect(res.status).toBe(200)
      expect(res.json()).toMatchObject({
        issuer: `${emu.endpoints.authorityHost}/{tenantid}/v2.0`,
        token_endpoint: `${emu.endpoints.authorityHost}/${t}/oauth2/v2.0/token`,
        jwks_uri: `${emu.endpoints.authorityHost}/${t}/discovery/v2.0/keys`
      })
      const keys = await rawRequest(`${emu.endpoints.authorityHost}/${t}/discovery/v2.0/keys`, emu.ca)
      expect(keys.status).toBe(200)
    }
  )

  // reference-error-codes: "AADSTS9001023: The grant type isn't supported over the /common or /consumers
  // endpoints. Please use the /organizations or tenant-specific endpoint."
  it.each(['common', 'organizations'])('answers client credentials at /%s with AADSTS9001023', async t => {
    const res = await postForm(
      `${emu.endpoints.authorityHost}/${t}/oauth2/v2.0/token`,
      emu.ca,
      tokenForm('https://management.azure.com/.default')
    )
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_request', error_codes: [9001023] })
    expect(String(res.json().error_description)).toMatch(
      /^AADSTS9001023: The grant type isn't supported over the \/common or \/consumers endpoints\./
    )
  })

  it('serves the v1 discovery document (issuer https://sts.windows.net/{tid}/, /oauth2/token)', async () => {
    const res = await rawRequest(
      `${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/.well-known/openid-configuration`,
      emu.ca
    )
    expect(res.json()).toMatchObject({
      issuer: `https://sts.windows.net/${FABRIKAM.tenantId}/`,
      token_endpoint: `${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/token`,
      authorization_endpoint: `${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/authorize`
    })
  })

  // https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/v1-oauth2-client-creds-grant-flow
  // ("Service-to-service access token response": token_type, expires_in, expires_on, not_before, resource, access_token)
  it('issues a v1 client-credentials token for `resource`, numbers as strings', async () => {
    const res = await postForm(`${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/token`, emu.ca, {
      grant_type: 'client_credentials',
      client_id: PROVIDER_APP.appId,
      client_secret: PROVIDER_APP.secret,
      resource: 'https://management.core.windows.net/'
    })
    expect(res.status).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: '3599',
      resource: 'https://management.core.windows.net/',
      expires_on: expect.stringMatching(/^\d+$/),
      not_before: expect.stringMatching(/^\d+$/)
    })
    expect(jwtClaims(String(body.access_token))).toMatchObject({
      aud: 'https://management.core.windows.net/',
      tid: FABRIKAM.tenantId
    })
  })

  // msal-common CloudInstanceDiscoveryResponse: tenant_discovery_endpoint, api-version, metadata[]
  it('answers instance discovery for its own host, and AADSTS50049 for another', async () => {
    const authorize = `${emu.endpoints.authorityHost}/${PROVIDER.tenantId}/oauth2/v2.0/authorize`
    const res = await rawRequest(
      `${emu.endpoints.authorityHost}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(authorize)}`,
      emu.ca
    )
    const host = new URL(emu.endpoints.authorityHost).host
    expect(res.json()).toEqual({
      tenant_discovery_endpoint: `${emu.endpoints.authorityHost}/${PROVIDER.tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
    })
    const other = await rawRequest(
      `${emu.endpoints.authorityHost}/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent('https://login.example.com/x/oauth2/v2.0/authorize')}`,
      emu.ca
    )
    expect(other.status).toBe(400)
    expect(other.json()).toMatchObject({ error: 'invalid_instance', error_codes: [50049] })
  })
})
