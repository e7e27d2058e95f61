/**
 * Microsoft Graph v1.0 through the real Graph client. Expected shapes: https://learn.microsoft.com/graph/api/resources/application (application
 * upsert A.1, lookups A.2, service principals A.3, addPassword/removePassword A.4, federated credentials A.5,
 * owners A.6, error envelope A.7) and §E (what Application.ReadWrite.OwnedBy may do).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ClientAssertionCredential, ClientSecretCredential } from '@azure/identity'
import type { Client } from '@microsoft/microsoft-graph-client'
import { PageIterator } from '@microsoft/microsoft-graph-client'
import { startEmulator } from '../index.js'
import type { Emulator } from '../index.js'
import { credentialOptions, graphClient } from '../sdk.js'
import { AUTOMATION, FABRIKAM, PROVIDER, PROVIDER_APP, scenarioPath } from '../scenarios/ids.js'
import { readScenario } from '../state/scenario.js'
import { rawRequest } from './support.js'

/** A second automation identity holding Application.ReadWrite.All, added to three-customers for these tests. */
const ADMIN = { appId: 'ad000000-0000-4000-8000-000000000001', spId: 'ad000000-0000-4000-8000-0000000000c1' }
const ADMIN_SUBJECT = 'repo:contoso/tenant-admin:ref:refs/heads/main'

let emu: Emulator
let ownedBy: Client
let all: Client

function scenarioWithAdmin(): Record<string, unknown> {
  const scenario = readScenario(scenarioPath('three-customers')) as { tenants: Record<string, unknown[]>[] }
  const provider = scenario.tenants[0]!
  provider.applications!.push({
    id: 'ad000000-0000-4000-8000-0000000000a1',
    appId: ADMIN.appId,
    uniqueName: 'contoso-admin',
    displayName: 'Contoso Admin Automation',
    federatedCredentials: [{ name: 'admin-main', subject: ADMIN_SUBJECT }]
  })
  provider.servicePrincipals!.push({
    id: ADMIN.spId,
    app: 'contoso-admin',
    graphAppRoles: ['Application.ReadWrite.All']
  })
  return scenario
}

function credential(clientId: string, sub?: string) {
  return new ClientAssertionCredential(
    PROVIDER.tenantId,
    clientId,
    async () => emu.mintGithubToken('api://AzureADTokenExchange', sub ? { sub } : {}),
    credentialOptions(emu)
  )
}

async function graphFailure(
  p: Promise<unknown>
): Promise<{ statusCode: number; code: string; body: string }> {
  try {
    await p
  } catch (err) {
    const e = err as { statusCode: number; code: string; body: string }
    return { statusCode: e.statusCode, code: e.code, body: e.body }
  }
  throw new Error('expected the Graph call to fail')
}

beforeAll(async () => {
  emu = await startEmulator({ scenario: scenarioWithAdmin() })
  ownedBy = graphClient(emu, credential(AUTOMATION.appId))
  all = graphClient(emu, credential(ADMIN.appId, ADMIN_SUBJECT))
})
afterAll(async () => {
  await emu.stop()
})

describe('applications with Application.ReadWrite.OwnedBy', () => {
  it('upserts by uniqueName: 201 with the object when created, 204 when updated, 404 without Prefer (application-upsert)', async () => {
    const path = "/applications(uniqueName='tenant-bridge-upsert')"
    const missing = await graphFailure(ownedBy.api(path).patch({ displayName: 'x' }))
    expect(missing).toMatchObject({ statusCode: 404, code: 'Request_ResourceNotFound' })
    const created = (await ownedBy
      .api(path)
      .header('Prefer', 'create-if-missing')
      .patch({
        displayName: 'Bridge',
        signInAudience: 'AzureADMultipleOrgs',
        web: { redirectUris: ['https://contoso.example/cb'] }
      })) as Record<string, unknown>
    expect(created).toMatchObject({
      '@odata.context': expect.stringContaining('$metadata#applications/$entity'),
      displayName: 'Bridge',
      uniqueName: 'tenant-bridge-upsert',
      signInAudience: 'AzureADMultipleOrgs',
      passwordCredentials: [],
      web: expect.objectContaining({ redirectUris: ['https://contoso.example/cb'] })
    })
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(created.appId).toMatch(/^[0-9a-f-]{36}$/)
    const updated: unknown = await ownedBy
      .api(path)
      .header('Prefer', 'create-if-missing')
      .patch({ displayName: 'Bridge 2' })
    expect(updated).toBeUndefined()
    const read = (await ownedBy
      .api(`/applications(appId='${String(created.appId)}')`)
      .select('displayName,uniqueName')
      .get()) as Record<string, unknown>
    expect(read).toEqual({
      '@odata.context': expect.stringContaining('applications/$entity'),
      displayName: 'Bridge 2',
      uniqueName: 'tenant-bridge-upsert'
    })
  })

  it('makes the creating principal the owner of what it creates', async () => {
    const app = (await ownedBy.api('/applications').post({ displayName: 'Owned by automation' })) as {
      id: string
    }
    const owners = (await ownedBy.api(`/applications/${app.id}/owners`).get()) as {
      value: { id: string; '@odata.type': string }[]
    }
    expect(owners.value).toEqual([
      expect.objectContaining({
        id: AUTOMATION.servicePrincipalId,
        '@odata.type': '#microsoft.graph.servicePrincipal'
      })
    ])
  })

  // https://learn.microsoft.com/graph/api/application-list#permissions lists Application.ReadWrite.OwnedBy
  // among the application permissions that may list applications
  it('lists /applications', async () => {
    const res = (await ownedBy.api('/applications').top(999).get()) as { value: { appId: string }[] }
    expect(res.value.map(a => a.appId)).toContain(PROVIDER_APP.appId)
  })

  it('refuses apps it does not own, and adding owners', async () => {
    const admins = await graphFailure(ownedBy.api(`/applications(appId='${ADMIN.appId}')`).get())
    expect(admins).toMatchObject({ statusCode: 403, code: 'Authorization_RequestDenied' })
    expect(
      await graphFailure(ownedBy.api(`/applications(appId='${ADMIN.appId}')/addPassword`).post({}))
    ).toMatchObject({ statusCode: 403 })
    const ref = { '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${ADMIN.spId}` }
    expect(
      await graphFailure(ownedBy.api(`/applications/${PROVIDER_APP.applicationId}/owners/$ref`).post(ref))
    ).toMatchObject({
      statusCode: 403,
      code: 'Authorization_RequestDenied'
    })
  })

  it('answers a token for another resource with 401 InvalidAuthenticationToken', async () => {
    const token = await credential(AUTOMATION.appId).getToken('https://management.azure.com/.default')
    const res = await rawRequest(
      `${emu.endpoints.graphEndpoint}/v1.0/applications/${PROVIDER_APP.applicationId}`,
      emu.ca,
      {
        headers: { authorization: `Bearer ${token.token}` }
      }
    )
    expect(res.status).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } })
  })
})

describe('passwords', () => {
  it('addPassword returns secretText once with keyId, hint and a default 2-year end; the secret then authenticates', async () => {
    const before = Date.now()
    const pc = (await ownedBy
      .api(`/applications/${PROVIDER_APP.applicationId}/addPassword`)
      .post({ passwordCredential: { displayName: 'ci' } })) as Record<string, string>
    expect(pc.secretText!.length).toBeGreaterThanOrEqual(16)
    expect(pc.hint).toBe(pc.secretText!.slice(0, 3))
    expect(pc.keyId).toMatch(/^[0-9a-f-]{36}$/)
    expect(pc.customKeyIdentifier).toBeNull()
    const years = (Date.parse(pc.endDateTime!) - Date.parse(pc.startDateTime!)) / (365.25 * 24 * 3600 * 1000)
    expect(years).toBeCloseTo(2, 1)
    expect(Date.parse(pc.startDateTime!)).toBeGreaterThanOrEqual(before - 1000)
    const app = (await ownedBy.api(`/applications/${PROVIDER_APP.applicationId}`).get()) as {
      passwordCredentials: Record<string, unknown>[]
    }
    expect(app.passwordCredentials.find(p => p.keyId === pc.keyId)).toMatchObject({
      secretText: null,
      hint: pc.hint
    })
    const secretCred = new ClientSecretCredential(
      FABRIKAM.tenantId,
      PROVIDER_APP.appId,
      pc.secretText!,
      credentialOptions(emu)
    )
    await expect(secretCred.getToken('https://management.azure.com/.default')).resolves.toHaveProperty(
      'token'
    )

    const removed: unknown = await ownedBy
      .api(`/applications/${PROVIDER_APP.applicationId}/removePassword`)
      .post({ keyId: pc.keyId })
    expect(removed).toBeUndefined()
    const again = new ClientSecretCredential(
      FABRIKAM.tenantId,
      PROVIDER_APP.appId,
      pc.secretText!,
      credentialOptions(emu)
    )
    await expect(again.getToken('https://management.azure.com/.default')).rejects.toMatchObject({
      cause: { errorNo: 7000215 }
    })
  })

  it('honours an explicit endDateTime', async () => {
    const pc = (await ownedBy
      .api(`/applications(appId='${PROVIDER_APP.appId}')/addPassword`)
      .post({ passwordCredential: { endDateTime: '2027-03-01T00:00:00Z' } })) as Record<string, string>
    expect(pc.endDateTime).toBe('2027-03-01T00:00:00.000Z')
  })
})

describe('federated identity credentials', () => {
  it('creates, lists, reads by name, updates and deletes; the 21st is refused', async () => {
    const created = (await ownedBy
      .api(`/applications(uniqueName='tenant-bridge-fics')`)
      .header('Prefer', 'create-if-missing')
      .patch({ displayName: 'FICs' })) as { id: string }
    const base = `/applications/${created.id}/federatedIdentityCredentials`
    const fic = (await ownedBy.api(base).post({
      name: 'github-main',
      issuer: 'https://token.actions.githubusercontent.com',
      subject: 'repo:contoso/x:ref:refs/heads/main',
      audiences: ['api://AzureADTokenExchange']
    })) as Record<string, unknown>
    expect(fic).toMatchObject({
      name: 'github-main',
      description: null,
      audiences: ['api://AzureADTokenExchange']
    })
    expect(await ownedBy.api(`${base}(name='github-main')`).get()).toMatchObject({ id: fic.id })
    await ownedBy.api(`${base}/${String(fic.id)}`).patch({ subject: 'repo:contoso/x:environment:production' })
    expect(await ownedBy.api(`${base}/${String(fic.id)}`).get()).toMatchObject({
      subject: 'repo:contoso/x:environment:production'
    })
    for (let i = 1; i < 20; i++) {
      await ownedBy.api(base).post({
        name: `fic-${i}`,
        issuer: 'https://token.actions.githubusercontent.com',
        subject: `s-${i}`,
        audiences: ['api://AzureADTokenExchange']
      })
    }
    expect(((await ownedBy.api(base).get()) as { value: unknown[] }).value).toHaveLength(20)
    const over = await graphFailure(
      ownedBy.api(base).post({
        name: 'fic-21',
        issuer: 'https://i',
        subject: 's',
        audiences: ['api://AzureADTokenExchange']
      })
    )
    expect(over.statusCode).toBe(400)
    expect(over.body).toContain('Maximum of 20 objects can be added to an application')
    await ownedBy.api(`${base}(name='fic-1')`).delete()
    expect(await graphFailure(ownedBy.api(`${base}(name='fic-1')`).get())).toMatchObject({ statusCode: 404 })
  })

  it('rejects more than one audience', async () => {
    const err = await graphFailure(
      ownedBy
        .api(`/applications/${PROVIDER_APP.applicationId}/federatedIdentityCredentials`)
        .post({ name: 'two', issuer: 'https://i', subject: 's', audiences: ['a', 'b'] })
    )
    expect(err).toMatchObject({ statusCode: 400, code: 'Request_BadRequest' })
  })
})

describe('service principals', () => {
  it('a fresh application is invisible to POST /servicePrincipals during the replication lag (§A.3)', async () => {
    await emu.control.setLags({ applicationMs: 15_000 })
    try {
      const app = (await ownedBy.api('/applications').post({ displayName: 'Lagging' })) as { appId: string }
      const err = await graphFailure(ownedBy.api('/servicePrincipals').post({ appId: app.appId }))
      expect(err).toMatchObject({ statusCode: 400, code: 'Request_BadRequest' })
      expect(err.body).toContain(
        `The appId '${app.appId}' of the service principal does not reference a valid application object.`
      )
      await emu.control.advanceClock(15_001)
      const sp = (await ownedBy.api('/servicePrincipals').post({ appId: app.appId })) as Record<
        string,
        unknown
      >
      expect(sp).toMatchObject({
        appId: app.appId,
        accountEnabled: true,
        appOwnerOrganizationId: PROVIDER.tenantId,
        servicePrincipalNames: [app.appId]
      })
      const found = (await ownedBy.api('/servicePrincipals').filter(`appId eq '${app.appId}'`).get()) as {
        value: { id: string }[]
      }
      expect(found.value.map(v => v.id)).toEqual([sp.id])
      expect(await ownedBy.api(`/servicePrincipals(appId='${app.appId}')`).get()).toMatchObject({ id: sp.id })
    } finally {
      await emu.control.setLags({ applicationMs: 0 })
    }
  })

  it('PATCH accountEnabled=false disables sign-in (then AADSTS7000112)', async () => {
    await all.api(`/servicePrincipals/${PROVIDER_APP.servicePrincipalId}`).patch({ accountEnabled: false })
    const cred = new ClientSecretCredential(
      PROVIDER.tenantId,
      PROVIDER_APP.appId,
      PROVIDER_APP.secret,
      credentialOptions(emu)
    )
    await expect(cred.getToken('https://management.azure.com/.default')).rejects.toMatchObject({
      cause: { errorNo: 7000112 }
    })
    await all.api(`/servicePrincipals/${PROVIDER_APP.servicePrincipalId}`).patch({ accountEnabled: true })
  })
})

describe('Application.ReadWrite.All, paging and errors', () => {
  it('pages /applications with an absolute @odata.nextLink and honours $top', async () => {
    for (let i = 0; i < 12; i++) await all.api('/applications').post({ displayName: `Paged ${i}` })
    const first = (await all.api('/applications').get()) as { value: unknown[]; '@odata.nextLink'?: string }
    expect(first.value).toHaveLength(10)
    expect(first['@odata.nextLink']).toMatch(
      new RegExp(`^${emu.endpoints.graphEndpoint}/v1\\.0/applications\\?`)
    )
    const total = emu.directory.tenant(PROVIDER.tenantId)?.applications.size ?? 0
    const seen: string[] = []
    const iterator = new PageIterator(
      all,
      first as never,
      (item: { id: string }) => (seen.push(item.id), true)
    )
    await iterator.iterate()
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
    const top = (await all.api('/applications').top(3).get()) as {
      value: unknown[]
      '@odata.nextLink': string
    }
    expect(top.value).toHaveLength(3)
    expect(top['@odata.nextLink']).toContain('%24top=3')
    const filtered = (await all
      .api('/applications')
      .filter(`appId eq '${PROVIDER_APP.appId}'`)
      .select('id,appId')
      .get()) as { value: unknown[] }
    expect(filtered.value).toEqual([{ id: PROVIDER_APP.applicationId, appId: PROVIDER_APP.appId }])
  })

  it("wraps errors in Graph's envelope with innerError date, request-id and client-request-id (§A.7)", async () => {
    const token = await credential(ADMIN.appId, ADMIN_SUBJECT).getToken(
      'https://graph.microsoft.com/.default'
    )
    const res = await rawRequest(
      `${emu.endpoints.graphEndpoint}/v1.0/applications/00000000-0000-4000-8000-000000000000`,
      emu.ca,
      {
        headers: {
          authorization: `Bearer ${token.token}`,
          'client-request-id': 'c11e0000-0000-4000-8000-000000000001'
        }
      }
    )
    expect(res.status).toBe(404)
    const body = res.json() as { error: Record<string, unknown> }
    expect(Object.keys(body.error).sort()).toEqual(['code', 'innerError', 'message'])
    expect(body.error.code).toBe('Request_ResourceNotFound')
    expect(body.error.message).toBe(
      "Resource '00000000-0000-4000-8000-000000000000' does not exist or one of its queried reference-property objects are not present."
    )
    expect(body.error.innerError).toEqual({
      date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
      'request-id': res.headers['request-id'],
      'client-request-id': 'c11e0000-0000-4000-8000-000000000001'
    })
  })

  it('adds an owner with $ref (204), refuses a duplicate', async () => {
    const app = (await all.api('/applications').post({ displayName: 'Needs owner' })) as { id: string }
    const ref = {
      '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${AUTOMATION.servicePrincipalId}`
    }
    await expect(all.api(`/applications/${app.id}/owners/$ref`).post(ref)).resolves.toBeUndefined()
    expect(await graphFailure(all.api(`/applications/${app.id}/owners/$ref`).post(ref))).toMatchObject({
      statusCode: 400
    })
    await expect(ownedBy.api(`/applications/${app.id}`).get()).resolves.toMatchObject({ id: app.id })
  })
})
