/**
 * Entra ID's token endpoint through the real @azure/identity credentials. Expected bodies and codes:
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes (error JSON, from docs/identity-platform/reference-error-codes.md) and §C.3
 * (AADSTS table); request shapes: https://github.com/Azure/azure-sdk-for-js.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { credentialOptions } from '../sdk.js'
import {
  AUTOMATION,
  FABRIKAM,
  NORTHWIND,
  PROVIDER,
  PROVIDER_APP,
  TAILSPIN,
  scenarioPath
} from '../scenarios/ids.js'
import { jwtClaims, postForm, rawRequest } from './support.js'

const ARM_SCOPE = 'https://management.azure.com/.default'
const UNKNOWN_TENANT = '00000000-0000-4000-8000-00000000dead'

let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioPath('three-customers') })
})
afterAll(async () => {
  await emu.stop()
})

function assertionCredential(tenantId: string, clientId: string, overrides: Record<string, unknown> = {}) {
  return new ClientAssertionCredential(
    tenantId,
    clientId,
    async () => emu.mintGithubToken('api://AzureADTokenExchange', overrides),
    credentialOptions(emu)
  )
}

function secretCredential(tenantId: string, secret: string, clientId: string = PROVIDER_APP.appId) {
  return new ClientSecretCredential(tenantId, clientId, secret, credentialOptions(emu))
}

/** The MSAL ServerError @azure/identity keeps as `cause` (https://github.com/Azure/azure-sdk-for-js). */
async function failure(
  p: Promise<unknown>
): Promise<{ errorNo: unknown; errorCode: unknown; status: unknown; message: string }> {
  try {
    await p
  } catch (err) {
    const cause = (err as { cause?: Record<string, unknown> }).cause ?? {}
    return {
      errorNo: cause.errorNo,
      errorCode: cause.errorCode,
      status: cause.status,
      message: (err as Error).message
    }
  }
  throw new Error('expected the token request to fail')
}

describe('discovery', () => {
  it('publishes the v2.0 OpenID configuration MSAL needs, with the tenant id in the issuer', async () => {
    const res = await rawRequest(
      `${emu.endpoints.authorityHost}/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration`,
      emu.ca
    )
    expect(res.status).toBe(200)
    const doc = res.json()
    const base = `${emu.endpoints.authorityHost}/${PROVIDER.tenantId}`
    expect(doc.issuer).toBe(`${base}/v2.0`)
    expect(doc.token_endpoint).toBe(`${base}/oauth2/v2.0/token`)
    expect(doc.authorization_endpoint).toBe(`${base}/oauth2/v2.0/authorize`)
    expect(doc.jwks_uri).toBe(`${base}/discovery/v2.0/keys`)
    const keys = await rawRequest(String(doc.jwks_uri), emu.ca)
    expect((keys.json().keys as { kty: string; kid: string }[])[0]).toMatchObject({ kty: 'RSA', use: 'sig' })
  })

  it('answers an unknown tenant with AADSTS90002 (invalid_tenant), which MSAL reports as endpoints_resolution_error', async () => {
    const res = await rawRequest(
      `${emu.endpoints.authorityHost}/${UNKNOWN_TENANT}/v2.0/.well-known/openid-configuration`,
      emu.ca
    )
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] })
    const err = await failure(assertionCredential(UNKNOWN_TENANT, PROVIDER_APP.appId).getToken(ARM_SCOPE))
    expect(err.message).toContain('endpoints_resolution_error')
  })
})

describe('client_credentials with a GitHub assertion', () => {
  it('issues an app token for the automation identity with the claims of access-token-claims-reference.md', async () => {
    const token = await assertionCredential(PROVIDER.tenantId, AUTOMATION.appId).getToken(
      'https://graph.microsoft.com/.default'
    )
    const claims = jwtClaims(token.token)
    expect(claims).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${PROVIDER.tenantId}/`,
      tid: PROVIDER.tenantId,
      oid: AUTOMATION.servicePrincipalId,
      appid: AUTOMATION.appId,
      azp: AUTOMATION.appId,
      idtyp: 'app',
      ver: '1.0',
      roles: ['Application.ReadWrite.OwnedBy']
    })
    expect(Number(claims.exp) - Number(claims.iat)).toBeGreaterThanOrEqual(3599)
    expect(emu.verifyAccessToken(token.token)?.oid).toBe(AUTOMATION.servicePrincipalId)
  })

  it("gives the multi-tenant app a token in a consented customer tenant whose oid is that tenant's service principal", async () => {
    const token = await assertionCredential(FABRIKAM.tenantId, PROVIDER_APP.appId).getToken(ARM_SCOPE)
    expect(jwtClaims(token.token)).toMatchObject({
      aud: 'https://management.azure.com',
      tid: FABRIKAM.tenantId,
      oid: FABRIKAM.servicePrincipalId,
      appid: PROVIDER_APP.appId
    })
  })

  it('AADSTS7000229: the multi-tenant app has no service principal in the tenant (not consented)', async () => {
    const err = await failure(assertionCredential(NORTHWIND.tenantId, PROVIDER_APP.appId).getToken(ARM_SCOPE))
    expect(err).toMatchObject({ errorNo: 7000229, errorCode: 'invalid_client' })
    expect(err.message).toContain(
      `The client application ${PROVIDER_APP.appId} is missing service principal in the tenant ${NORTHWIND.tenantId}`
    )
  })

  it('AADSTS7000112: the service principal is disabled by the customer', async () => {
    const err = await failure(assertionCredential(TAILSPIN.tenantId, PROVIDER_APP.appId).getToken(ARM_SCOPE))
    expect(err).toMatchObject({ errorNo: 7000112, errorCode: 'unauthorized_client' })
    expect(err.message).toContain('is disabled')
  })

  it('AADSTS53003: a Conditional Access policy of the customer blocks the app', async () => {
    const sp = emu.directory.servicePrincipalByAppId(FABRIKAM.tenantId, PROVIDER_APP.appId)!
    sp.blockedByConditionalAccess = true
    try {
      const err = await failure(
        assertionCredential(FABRIKAM.tenantId, PROVIDER_APP.appId).getToken(ARM_SCOPE)
      )
      expect(err).toMatchObject({ errorNo: 53003, errorCode: 'invalid_grant' })
      expect(err.message).toContain('AADSTS53003: Access has been blocked by Conditional Access policies.')
    } finally {
      sp.blockedByConditionalAccess = false
    }
  })

  it('AADSTS700016: a single-tenant app asked for a token in another directory', async () => {
    const err = await failure(assertionCredential(FABRIKAM.tenantId, AUTOMATION.appId).getToken(ARM_SCOPE))
    expect(err).toMatchObject({ errorNo: 700016, errorCode: 'unauthorized_client' })
    expect(err.message).toContain(
      `Application with identifier '${AUTOMATION.appId}' was not found in the directory 'Fabrikam'`
    )
  })

  it('AADSTS700016: an appId nobody registered', async () => {
    const err = await failure(
      assertionCredential(PROVIDER.tenantId, '00000000-0000-4000-8000-0000000000aa').getToken(ARM_SCOPE)
    )
    expect(err.errorNo).toBe(700016)
  })

  it('AADSTS700024: an expired assertion', async () => {
    const past = Math.floor(Date.now() / 1000) - 600
    const err = await failure(
      assertionCredential(PROVIDER.tenantId, AUTOMATION.appId, {
        iat: past,
        nbf: past,
        exp: past + 300
      }).getToken(ARM_SCOPE)
    )
    expect(err).toMatchObject({ errorNo: 700024, errorCode: 'invalid_client' })
    expect(err.message).toContain('Client assertion is not within its valid time range')
  })

  // https://login.microsoftonline.com/error?code=700211: "No matching federated identity record found for
  // presented assertion issuer '{issuer}'. Please check your federated identity credential Subject, Audience and
  // Issuer against the presented assertion."
  it('AADSTS700211: no federated record has the assertion issuer', async () => {
    const err = await failure(
      assertionCredential(PROVIDER.tenantId, AUTOMATION.appId, {
        iss: 'https://gitlab.example.com'
      }).getToken(ARM_SCOPE)
    )
    expect(err).toMatchObject({ errorNo: 700211, errorCode: 'invalid_client' })
    expect(err.message).toContain(
      "No matching federated identity record found for presented assertion issuer 'https://gitlab.example.com'"
    )
  })

  // https://login.microsoftonline.com/error?code=700212: "No matching federated identity record found for
  // presented assertion audience '{audience}'. …"
  it('AADSTS700212: the issuer matches but no record has the assertion audience', async () => {
    const err = await failure(
      assertionCredential(PROVIDER.tenantId, AUTOMATION.appId, { aud: 'api://AzureADMyOrg' }).getToken(
        ARM_SCOPE
      )
    )
    expect(err).toMatchObject({ errorNo: 700212, errorCode: 'invalid_client' })
    expect(err.message).toContain(
      "No matching federated identity record found for presented assertion audience 'api://AzureADMyOrg'"
    )
  })

  it('AADSTS700213: issuer and audience match but the subject differs only in case (subjects are case-sensitive)', async () => {
    const sub = 'repo:Contoso/tenant-onboarding:ref:refs/heads/main'
    const err = await failure(
      assertionCredential(PROVIDER.tenantId, AUTOMATION.appId, { sub }).getToken(ARM_SCOPE)
    )
    expect(err.errorNo).toBe(700213)
    expect(err.message).toContain(
      `No matching federated identity record found for presented assertion subject '${sub}'`
    )
  })

  it('accepts the pull_request subject the scenario trusts', async () => {
    const sub = 'repo:contoso/tenant-onboarding:pull_request'
    await expect(
      assertionCredential(PROVIDER.tenantId, AUTOMATION.appId, { sub }).getToken(ARM_SCOPE)
    ).resolves.toHaveProperty('token')
  })
})

describe('client_credentials with a client secret', () => {
  it('issues a token for the seeded secret', async () => {
    const token = await secretCredential(FABRIKAM.tenantId, PROVIDER_APP.secret).getToken(ARM_SCOPE)
    expect(jwtClaims(token.token)).toMatchObject({ tid: FABRIKAM.tenantId, oid: FABRIKAM.servicePrincipalId })
  })

  it('AADSTS7000215: a wrong secret', async () => {
    const err = await failure(secretCredential(FABRIKAM.tenantId, 'not-the-secret').getToken(ARM_SCOPE))
    expect(err).toMatchObject({ errorNo: 7000215, errorCode: 'invalid_client' })
  })

  it('AADSTS7000222: the secret has expired on the emulator clock', async () => {
    const local = await startEmulator({ scenario: scenarioPath('three-customers') })
    try {
      local.clock.advance(Date.parse(PROVIDER_APP.secretEndDateTime) - local.clock.now() + 1000)
      const cred = new ClientSecretCredential(
        FABRIKAM.tenantId,
        PROVIDER_APP.appId,
        PROVIDER_APP.secret,
        credentialOptions(local)
      )
      expect((await failure(cred.getToken(ARM_SCOPE))).errorNo).toBe(7000222)
    } finally {
      await local.stop()
    }
  })

  it('accepts the CAE claims parameter Key Vault clients add, silently', async () => {
    const res = await postForm(
      `${emu.endpoints.authorityHost}/${FABRIKAM.tenantId}/oauth2/v2.0/token`,
      emu.ca,
      {
        client_id: PROVIDER_APP.appId,
        client_secret: PROVIDER_APP.secret,
        grant_type: 'client_credentials',
        scope: 'https://vault.azure.net/.default',
        claims: JSON.stringify({ access_token: { xms_cc: { values: ['cp1'] } } })
      }
    )
    expect(res.status).toBe(200)
    // response fields of v2-oauth2-client-creds-grant-flow.md, "Successful response"
    expect(Object.keys(res.json()).sort()).toEqual([
      'access_token',
      'expires_in',
      'ext_expires_in',
      'token_type'
    ])
    expect(res.json()).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 })
  })
})

describe('error body', () => {
  it('AADSTS7000218 has every field of the documented error JSON, description ending in trace/correlation/timestamp lines', async () => {
    const res = await rawRequest(
      `${emu.endpoints.authorityHost}/${PROVIDER.tenantId}/oauth2/v2.0/token`,
      emu.ca,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'client-request-id': 'c0ffee00-0000-4000-8000-000000000001'
        },
        body: new URLSearchParams({
          client_id: PROVIDER_APP.appId,
          grant_type: 'client_credentials',
          scope: ARM_SCOPE
        }).toString()
      }
    )
    expect(res.status).toBe(401)
    const body = res.json()
    // https://learn.microsoft.com/entra/identity-platform/reference-error-codes: error, error_description, error_codes, timestamp, trace_id, correlation_id, error_uri
    expect(Object.keys(body).sort()).toEqual([
      'correlation_id',
      'error',
      'error_codes',
      'error_description',
      'error_uri',
      'timestamp',
      'trace_id'
    ])
    expect(body.error).toBe('invalid_client')
    expect(body.error_codes).toEqual([7000218])
    expect(body.correlation_id).toBe('c0ffee00-0000-4000-8000-000000000001')
    expect(body.trace_id).toBe(res.headers['x-ms-request-id'])
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/)
    expect(body.error_uri).toMatch(/\/error\?code=7000218$/)
    expect(String(body.error_description)).toMatch(
      /^AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: c0ffee00-0000-4000-8000-000000000001\r\nTimestamp: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/
    )
  })

  it('AADSTS90002 from the token endpoint itself for an unknown tenant', async () => {
    const res = await postForm(`${emu.endpoints.authorityHost}/${UNKNOWN_TENANT}/oauth2/v2.0/token`, emu.ca, {
      client_id: PROVIDER_APP.appId,
      client_secret: PROVIDER_APP.secret,
      grant_type: 'client_credentials',
      scope: ARM_SCOPE
    })
    expect(res.status).toBe(400)
    expect(res.json()).toMatchObject({ error: 'invalid_request', error_codes: [90002] })
    expect(String(res.json().error_description)).toMatch(
      new RegExp(`^AADSTS90002: Tenant '${UNKNOWN_TENANT}' not found`)
    )
  })
})

describe('replication lags', () => {
  it('hides a new service principal (7000229), a new password (7000215) and a new federated credential (70021) until the lag passes', async () => {
    const local = await startEmulator({
      scenario: scenarioPath('three-customers'),
      lags: { servicePrincipalMs: 30_000, passwordMs: 20_000, federatedCredentialMs: 10_000 }
    })
    try {
      const { directory } = local
      const app = directory.applicationByAppId(PROVIDER_APP.appId)!
      const tenant = directory.tenant(NORTHWIND.tenantId)!
      directory.createServicePrincipal(tenant.id, app)
      const secret = 'fresh-secret-value-0123456789abcdefghij'
      directory.addPassword(app, { secretText: secret })
      const assertion = (): Promise<string> =>
        Promise.resolve(
          local.mintGithubToken('api://AzureADTokenExchange', {
            sub: 'repo:contoso/other:ref:refs/heads/main'
          })
        )
      directory.addFederatedCredential(app, {
        name: 'other-repo',
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'repo:contoso/other:ref:refs/heads/main',
        audiences: ['api://AzureADTokenExchange']
      })
      const opts = credentialOptions(local)
      const bySecret = (s: string, t: string) =>
        new ClientSecretCredential(t, PROVIDER_APP.appId, s, opts).getToken(ARM_SCOPE)
      expect((await failure(bySecret(PROVIDER_APP.secret, NORTHWIND.tenantId))).errorNo).toBe(7000229)
      expect((await failure(bySecret(secret, FABRIKAM.tenantId))).errorNo).toBe(7000215)
      const byAssertion = () =>
        new ClientAssertionCredential(FABRIKAM.tenantId, PROVIDER_APP.appId, assertion, opts).getToken(
          ARM_SCOPE
        )
      expect((await failure(byAssertion())).errorNo).toBe(70021)
      local.clock.advance(10_001)
      await expect(byAssertion()).resolves.toHaveProperty('token')
      expect((await failure(bySecret(secret, FABRIKAM.tenantId))).errorNo).toBe(7000215)
      local.clock.advance(10_000)
      await expect(bySecret(secret, FABRIKAM.tenantId)).resolves.toHaveProperty('token')
      expect((await failure(bySecret(PROVIDER_APP.secret, NORTHWIND.tenantId))).errorNo).toBe(7000229)
      local.clock.advance(10_000)
      await expect(bySecret(PROVIDER_APP.secret, NORTHWIND.tenantId)).resolves.toHaveProperty('token')
    } finally {
      await local.stop()
    }
  })
})
