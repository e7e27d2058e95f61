import { describe, expect, it } from '@jest/globals'
import { planProvider, planTenants, secretVerdict } from '../../src/plan/plan.js'
import type { ObservedProvider, ObservedTenant } from '../../src/model/observed.js'
import { FABRIKAM, NORTHWIND, READER, RG_SCOPE, existingApp, secretConfig } from './fixtures.js'

const NOW = new Date('2026-11-28T12:00:00Z')
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000)
const options = { rotate: 'auto' as const, now: NOW, oidcAudience: 'api://AzureADTokenExchange' }

const upToDate = (): ObservedProvider => ({
  app: { status: 'found', app: existingApp(), servicePrincipal: { id: 'sp', accountEnabled: true } },
  secret: { status: 'found', version: 'v1', expiresOn: days(60), keyId: 'k1' }
})

describe('planProvider', () => {
  it('plans nothing when the app, its credentials and the secret match the file', () => {
    expect(planProvider(secretConfig(), upToDate(), options)).toEqual([])
  })

  it('for a fresh provider: create the app, its federated credential, its service principal and the first secret — all writes', () => {
    const steps = planProvider(
      secretConfig(),
      { app: { status: 'missing' }, secret: { status: 'missing' } },
      options
    )
    expect(steps.map(s => [s.kind, s.write])).toEqual([
      ['create-app', true],
      ['create-federated-credential', true],
      ['create-service-principal', true],
      ['create-secret', true]
    ])
    expect(steps[0]).toMatchObject({
      target: 'application contoso-provider-access',
      shape: {
        displayName: 'Contoso Provider Access',
        signInAudience: 'AzureADMultipleOrgs',
        redirectUris: ['https://contoso.example/onboarded']
      }
    })
    expect(steps[1]).toMatchObject({ credential: { audiences: ['api://AzureADTokenExchange'] } })
  })

  it('updates a drifted app but keeps redirect URIs the file does not name', () => {
    const observed = upToDate()
    observed.app = {
      status: 'found',
      app: existingApp({
        displayName: 'Old name',
        signInAudience: 'AzureADMyOrg',
        redirectUris: ['https://other.example/cb']
      }),
      servicePrincipal: { id: 'sp', accountEnabled: true }
    }
    const [step] = planProvider(secretConfig(), observed, options)
    expect(step).toMatchObject({
      kind: 'update-app',
      write: true,
      shape: {
        displayName: 'Contoso Provider Access',
        signInAudience: 'AzureADMultipleOrgs',
        redirectUris: ['https://other.example/cb', 'https://contoso.example/onboarded']
      }
    })
    expect(step?.reason).toContain('display name "Old name" → "Contoso Provider Access"')
    expect(step?.reason).toContain('sign-in audience AzureADMyOrg → AzureADMultipleOrgs')
  })

  it('treats a subject that differs only in case as a change, since Entra matches it case-sensitively', () => {
    const observed = upToDate()
    const app = existingApp()
    app.federatedCredentials[0]!.subject = 'repo:Contoso/tenant-onboarding:environment:production'
    observed.app = { status: 'found', app, servicePrincipal: { id: 'sp', accountEnabled: true } }
    const [step] = planProvider(secretConfig(), observed, options)
    expect(step).toMatchObject({ kind: 'update-federated-credential', id: 'f1', write: true })
  })

  it('leaves federated credentials the file does not list alone', () => {
    const observed = upToDate()
    const app = existingApp()
    app.federatedCredentials.push({
      id: 'f2',
      name: 'someone-elses',
      issuer: 'https://x',
      subject: 's',
      audiences: ['a']
    })
    observed.app = { status: 'found', app, servicePrincipal: { id: 'sp', accountEnabled: true } }
    expect(planProvider(secretConfig(), observed, options)).toEqual([])
  })

  it('asks for a service principal when the provider tenant has none', () => {
    const observed = upToDate()
    observed.app = { status: 'found', app: existingApp() }
    expect(planProvider(secretConfig(), observed, options).map(s => s.kind)).toEqual([
      'create-service-principal'
    ])
  })

  it('does not write to an app it does not own: one manual step for an admin', () => {
    const steps = planProvider(
      secretConfig(),
      { app: { status: 'not-owned', detail: 'denied' }, secret: { status: 'missing' } },
      options
    )
    expect(steps).toEqual([expect.objectContaining({ kind: 'add-owner', write: false })])
  })

  it('plans nothing for an app it could not read', () => {
    expect(
      planProvider(
        secretConfig(),
        { app: { status: 'error', detail: 'x', failure: 'denied' }, secret: { status: 'missing' } },
        options
      )
    ).toEqual([])
  })
})

describe('secret rotation judgement', () => {
  const rotationOf = (secret: ObservedProvider['secret'], rotate: 'auto' | 'force' | 'never' = 'auto') =>
    planProvider(secretConfig(), { ...upToDate(), secret }, { ...options, rotate }).find(s =>
      s.kind.endsWith('-secret')
    )

  it('rotates within rotateBeforeDays of expiry, not before', () => {
    expect(rotationOf({ status: 'found', version: 'v', expiresOn: days(31), keyId: 'k1' })).toBeUndefined()
    expect(rotationOf({ status: 'found', version: 'v', expiresOn: days(29), keyId: 'k1' })).toMatchObject({
      kind: 'rotate-secret',
      lifetimeDays: 90,
      reason: expect.stringContaining('expires in 29 day(s), within rotateBeforeDays (30)')
    })
  })

  it('rotates an expired secret and says when it expired', () => {
    expect(rotationOf({ status: 'found', version: 'v', expiresOn: days(-2), keyId: 'k1' })?.reason).toContain(
      'expired on 2026-11-26'
    )
  })

  it('rotates a stored secret whose password the app no longer has', () => {
    expect(
      rotationOf({ status: 'found', version: 'v', expiresOn: days(80), keyId: 'gone' })?.reason
    ).toContain('no longer has')
  })

  it('follows rotate: force and never', () => {
    expect(
      rotationOf({ status: 'found', version: 'v', expiresOn: days(80), keyId: 'k1' }, 'force')?.kind
    ).toBe('rotate-secret')
    expect(
      rotationOf({ status: 'found', version: 'v', expiresOn: days(1), keyId: 'k1' }, 'never')
    ).toBeUndefined()
  })

  it('is not-configured for a secretless (federated) app', () => {
    const config = secretConfig()
    config.app.credential = { kind: 'federated', position: { line: 6, column: 5 } }
    expect(secretVerdict(config, upToDate(), options).status).toBe('not-configured')
    expect(planProvider(config, upToDate(), options)).toEqual([])
  })
})

describe('planTenants', () => {
  const tenants = (entries: ObservedTenant[]) => new Map(entries.map(t => [t.tenantId, t]))

  it('asks for consent (a manual, read-only step) and assigns missing roles of consented tenants', () => {
    const steps = planTenants(
      secretConfig(),
      tenants([
        {
          tenantId: FABRIKAM,
          consent: { kind: 'token', principalId: 'sp-fab' },
          assignments: [{ scope: RG_SCOPE, roleDefinitionId: READER, lookup: { status: 'missing' } }]
        },
        {
          tenantId: NORTHWIND,
          consent: { kind: 'refused', code: 7000229, detail: 'AADSTS7000229' },
          assignments: []
        }
      ])
    )
    expect(steps).toEqual([
      expect.objectContaining({
        kind: 'assign-role',
        write: true,
        tenantId: FABRIKAM,
        scope: RG_SCOPE,
        roleDefinitionId: READER,
        principalId: 'sp-fab',
        target: `Reader at ${RG_SCOPE} in Fabrikam (${FABRIKAM})`
      }),
      expect.objectContaining({ kind: 'request-consent', write: false, tenantId: NORTHWIND })
    ])
  })

  it('plans nothing for present or unverifiable assignments, or for tenants with other problems', () => {
    const steps = planTenants(
      secretConfig(),
      tenants([
        {
          tenantId: FABRIKAM,
          consent: { kind: 'token', principalId: 'sp' },
          assignments: [
            { scope: RG_SCOPE, roleDefinitionId: READER, lookup: { status: 'unverifiable', detail: '403' } }
          ]
        },
        {
          tenantId: NORTHWIND,
          consent: { kind: 'refused', code: 7000112, detail: 'AADSTS7000112' },
          assignments: []
        }
      ])
    )
    expect(steps).toEqual([])
  })

  it('is pure: the same input gives the same steps', () => {
    const input = tenants([
      {
        tenantId: NORTHWIND,
        consent: { kind: 'refused', code: 700016, detail: 'AADSTS700016' },
        assignments: []
      }
    ])
    expect(planTenants(secretConfig(), input)).toEqual(planTenants(secretConfig(), input))
  })
})
