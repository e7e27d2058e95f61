/**
 * Microsoft Graph behaviours clients rely on beyond the action's own calls, through the real Graph client:
 * `$filter` operators, case-insensitive segments, federated credentials by name, getByIds, ownedObjects,
 * `publisherDomain` and default properties, 401 challenges including continuous access evaluation.
 * Expected values name their learn.microsoft.com source.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ClientAssertionCredential } from '@azure/identity'
import type { Client } from '@microsoft/microsoft-graph-client'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { credentialOptions, graphClient } from '../sdk.js'
import { AUTOMATION, PROVIDER, PROVIDER_APP, scenarioPath } from '../scenarios/ids.js'
import { rawRequest } from './support.js'

let emu: Emulator
let graph: Client

function credential(): ClientAssertionCredential {
  return new ClientAssertionCredential(
    PROVIDER.tenantId,
    AUTOMATION.appId,
    async () => emu.mintGithubToken('api://AzureADTokenExchange'),
    credentialOptions(emu)
  )
}

async function failure(p: Promise<unknown>): Promise<{ statusCode: number; code: string }> {
  try {
    await p
  } catch (err) {
    return err as { statusCode: number; code: string }
  }
  throw new Error('expected the Graph call to fail')
}

async function appIds(filter: string): Promise<string[]> {
  const res = (await graph.api('/applications').filter(filter).get()) as { value: { appId: string }[] }
  return res.value.map(a => a.appId).sort()
}

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioPath('three-customers') })
  graph = graphClient(emu, credential())
})
afterAll(async () => {
  await emu.stop()
})

describe('$filter (https://learn.microsoft.com/graph/filter-query-parameter)', () => {
  const both = [AUTOMATION.appId, PROVIDER_APP.appId].sort()

  it('startswith, in, and / or, not and parentheses', async () => {
    expect(await appIds("startswith(displayName,'Contoso')")).toEqual(both)
    expect(
      await appIds(`appId in ('${PROVIDER_APP.appId}', '00000000-0000-4000-8000-000000000000')`)
    ).toEqual([PROVIDER_APP.appId])
    expect(
      await appIds(`uniqueName eq 'contoso-automation' or uniqueName eq 'contoso-provider-access'`)
    ).toEqual(both)
    expect(
      await appIds(`startswith(displayName,'Contoso') and not (signInAudience eq 'AzureADMultipleOrgs')`)
    ).toEqual([AUTOMATION.appId])
  })

  it("lambda any over a collection: servicePrincipalNames/any(c:c eq '…')", async () => {
    const res = (await graph
      .api('/servicePrincipals')
      .filter(`servicePrincipalNames/any(c:c eq '${PROVIDER_APP.appId}')`)
      .get()) as { value: { id: string }[] }
    expect(res.value.map(s => s.id)).toEqual([PROVIDER_APP.servicePrincipalId])
  })

  it('refuses a property it cannot filter with Request_UnsupportedQuery', async () => {
    const err = await failure(graph.api('/applications').filter("notes eq 'x'").get())
    expect(err).toMatchObject({ statusCode: 400, code: 'Request_UnsupportedQuery' })
  })
})

describe('addressing', () => {
  // OData resolves entity set and navigation property names case-insensitively in Graph
  it('answers /serviceprincipals and /Applications like their canonical names', async () => {
    const sps = (await graph.api('/serviceprincipals').get()) as { value: unknown[] }
    expect(sps.value.length).toBeGreaterThan(0)
    const app = (await graph
      .api(`/Applications/${PROVIDER_APP.applicationId}/FederatedIdentityCredentials`)
      .get()) as {
      value: { name: string }[]
    }
    expect(app.value.map(f => f.name)).toEqual(['github-main'])
  })

  // https://learn.microsoft.com/graph/api/federatedidentitycredential-get:
  // GET /applications/{id}/federatedIdentityCredentials/{federatedIdentityCredentialId or name}
  it('gets a federated credential by its name in the path', async () => {
    const fic = (await graph
      .api(`/applications/${PROVIDER_APP.applicationId}/federatedIdentityCredentials/github-main`)
      .get()) as { id: string; name: string }
    expect(fic).toMatchObject({ id: '2f000000-0000-4000-8000-000000000001', name: 'github-main' })
  })

  // https://learn.microsoft.com/graph/api/directoryobject-getbyids
  it('POST /directoryObjects/getByIds returns each object with its @odata.type', async () => {
    const res = (await graph.api('/directoryObjects/getByIds').post({
      ids: [
        PROVIDER_APP.applicationId,
        AUTOMATION.servicePrincipalId,
        '00000000-0000-4000-8000-000000000000'
      ],
      types: ['application', 'servicePrincipal']
    })) as { value: { '@odata.type': string; id: string }[] }
    expect(res.value.map(o => [o['@odata.type'], o.id])).toEqual([
      ['#microsoft.graph.application', PROVIDER_APP.applicationId],
      ['#microsoft.graph.servicePrincipal', AUTOMATION.servicePrincipalId]
    ])
  })

  // https://learn.microsoft.com/graph/api/serviceprincipal-list-ownedobjects (and the permissions reference:
  // "List all applications owned by the calling application" with Application.ReadWrite.OwnedBy)
  it('GET /servicePrincipals/{id}/ownedObjects lists the applications the principal owns', async () => {
    const res = (await graph
      .api(`/servicePrincipals/${AUTOMATION.servicePrincipalId}/ownedObjects`)
      .get()) as {
      value: { '@odata.type': string; appId: string }[]
    }
    expect(res.value.map(o => [o['@odata.type'], o.appId])).toEqual([
      ['#microsoft.graph.application', PROVIDER_APP.appId]
    ])
  })
})

describe('representations', () => {
  // https://learn.microsoft.com/graph/api/resources/application: publisherDomain is the home tenant's domain;
  // the Get application example shows these defaults
  it("an application carries the home tenant's publisherDomain and the default properties", async () => {
    const app = (await graph.api(`/applications/${PROVIDER_APP.applicationId}`).get()) as Record<
      string,
      unknown
    >
    expect(app).toMatchObject({
      publisherDomain: 'contoso.onmicrosoft.com',
      api: { oauth2PermissionScopes: [], preAuthorizedApplications: [], knownClientApplications: [] },
      appRoles: [],
      info: { privacyStatementUrl: null, termsOfServiceUrl: null },
      parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
      publicClient: { redirectUris: [] },
      spa: { redirectUris: [] },
      verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null }
    })
  })

  // https://learn.microsoft.com/graph/api/serviceprincipal-get#response-1
  it('a service principal carries the default properties', async () => {
    const sp = (await graph.api(`/servicePrincipals/${PROVIDER_APP.servicePrincipalId}`).get()) as Record<
      string,
      unknown
    >
    expect(sp).toMatchObject({
      alternativeNames: [],
      appRoles: [],
      oauth2PermissionScopes: [],
      keyCredentials: [],
      passwordCredentials: [],
      replyUrls: ['https://contoso.example/onboarded'],
      servicePrincipalNames: [PROVIDER_APP.appId],
      servicePrincipalType: 'Application'
    })
  })
})

describe('401 challenges (https://learn.microsoft.com/entra/identity-platform/claims-challenge)', () => {
  const url = () => `${emu.endpoints.graphEndpoint}/v1.0/applications/${PROVIDER_APP.applicationId}`

  it('sends WWW-Authenticate with Graph client_id on a 401', async () => {
    const res = await rawRequest(url(), emu.ca)
    expect(res.status).toBe(401)
    expect(res.headers['www-authenticate']).toBe(
      `Bearer realm="", authorization_uri="${emu.endpoints.authorityHost}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`
    )
  })

  // https://learn.microsoft.com/graph/errors: 401 InvalidAuthenticationToken
  it('names an expired token: "Lifetime validation failed, the token is expired."', async () => {
    const token = (await credential().getToken('https://graph.microsoft.com/.default')).token
    await emu.control.advanceClock(2 * 3600 * 1000)
    const res = await rawRequest(url(), emu.ca, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
    expect(res.json().error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Lifetime validation failed, the token is expired.'
    })
  })

  it('answers a token issued before a session revocation with the CAE claims challenge', async () => {
    const token = (await credential().getToken('https://graph.microsoft.com/.default')).token
    await emu.control.advanceClock(60_000)
    await emu.control.revokeSessions({ tenantId: PROVIDER.tenantId, id: AUTOMATION.servicePrincipalId })
    const res = await rawRequest(url(), emu.ca, { headers: { authorization: `Bearer ${token}` } })
    expect(res.status).toBe(401)
    expect(res.json().error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message:
        'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp'
    })
    expect(String(res.headers['www-authenticate'])).toMatch(
      /error="insufficient_claims", claims="[A-Za-z0-9+/=]+"$/
    )
    // a token issued after the revocation is accepted again
    const fresh = (await credential().getToken('https://graph.microsoft.com/.default', { claims: 'x' })).token
    const again = await rawRequest(url(), emu.ca, { headers: { authorization: `Bearer ${fresh}` } })
    expect(again.status).toBe(200)
  })
})
