/**
 * The engine over fake ports: the seams the composition root fills with Azure SDK clients. Where a behaviour is
 * about the engine's order and choices rather than Azure's answers, a fake is the clearer test; everything Azure
 * answers is tested against the emulator (test/integration).
 */
import { describe, expect, it } from '@jest/globals'
import { resolveCloud } from '../../src/cloud.js'
import { runEngine } from '../../src/engine/run.js'
import type { EnginePorts, TenantPort } from '../../src/model/ports.js'
import { FABRIKAM, NORTHWIND, READER, RG_SCOPE, existingApp, secretConfig } from './fixtures.js'

const NOW = new Date('2026-11-28T12:00:00Z')
const request = (mode: 'plan' | 'apply') => ({
  mode,
  rotate: 'auto' as const,
  cloud: resolveCloud('AzureCloud', ''),
  concurrency: 4,
  now: () => NOW
})

/** Ports over a consented Fabrikam lacking Reader, and a Northwind that has not consented; writes are recorded. */
function fakePorts() {
  const writes: string[] = []
  const asked: string[] = []
  const write = (what: string) => async (): Promise<never> => {
    writes.push(what)
    throw new Error(`${what} is not expected in this test`)
  }
  const tenant = (tenantId: string): TenantPort => ({
    probeConsent: async () => {
      asked.push(tenantId)
      return tenantId === FABRIKAM
        ? { kind: 'token', principalId: 'sp-fabrikam' }
        : { kind: 'refused', code: 7000229, detail: 'AADSTS7000229: missing service principal' }
    },
    checkRoleAssignment: async () => ({ status: 'missing' }),
    assignRole: async (scope, role, principal) => {
      writes.push(`assign ${role} at ${scope} to ${principal}`)
      return { status: 'applied' }
    },
    effectivePermissions: async () => ({ status: 'unavailable', detail: 'not asked in this test' }),
    roleDefinition: async (_scope, role) =>
      'id' in role ? { id: role.id, permissions: [] } : { problem: 'no custom roles here' },
    assignmentsOf: async () => [],
    removeAssignment: write('remove assignment'),
    probe: async () => ({ status: 'verified', detail: 'fake' })
  })
  const ports: EnginePorts = {
    signIn: async () => ({ automationObjectId: 'automation', graphRoles: ['Application.ReadWrite.OwnedBy'] }),
    provider: {
      apps: {
        find: async () => ({ status: 'found', app: existingApp() }),
        details: async () => ({
          federatedCredentials: existingApp().federatedCredentials,
          servicePrincipal: { id: 'sp', accountEnabled: true }
        }),
        upsert: write('upsert'),
        createFederatedCredential: write('create federated credential'),
        updateFederatedCredential: write('update federated credential'),
        createServicePrincipal: write('create service principal'),
        addPassword: write('add password'),
        removePassword: write('remove password')
      },
      secrets: {
        read: async () => ({
          status: 'found',
          secret: { value: 's3cret', version: 'v1', expiresOn: new Date('2027-02-01'), keyId: 'k1' }
        }),
        store: write('store secret'),
        versions: async () => [
          { version: 'v1', enabled: true, keyId: 'k1', createdOn: new Date('2026-11-01') }
        ],
        disable: write('disable secret version')
      },
      proveSecret: write('prove secret'),
      checkStoredSecret: async () => ({ status: 'token' }),
      mask: () => undefined
    },
    tenants: () => ({ tenant, noCredentialReason: 'none' })
  }
  return { ports, writes, asked }
}

describe('runEngine', () => {
  it('in plan mode calls no write of any port, and still judges every tenant', async () => {
    const { ports, writes } = fakePorts()
    const report = await runEngine(request('plan'), secretConfig(), ports)
    expect(writes).toEqual([])
    expect(report.tenants.map(t => [t.name, t.consent.status, t.roleAssignments.map(a => a.status)])).toEqual(
      [
        ['Fabrikam', 'consented', ['missing']],
        ['Northwind', 'needs-consent', []]
      ]
    )
    expect(report.steps.map(s => [s.kind, s.write, s.outcome])).toEqual([
      ['assign-role', true, undefined],
      ['request-consent', false, undefined]
    ])
  })

  it('in apply mode carries out the role assignment the plan found, and reports it applied', async () => {
    const { ports, writes } = fakePorts()
    const report = await runEngine(request('apply'), secretConfig(), ports)
    expect(writes).toEqual([`assign ${READER} at ${RG_SCOPE} to sp-fabrikam`])
    expect(report.tenants[0]!.roleAssignments[0]!.status).toBe('applied')
    expect(report.changed).toBe(true)
  })

  it('runs on a slice of the tenants (a shard) and reaches no other tenant', async () => {
    const { ports, asked } = fakePorts()
    const config = secretConfig()
    const report = await runEngine(
      request('plan'),
      { ...config, tenants: config.tenants.filter(t => t.tenantId === NORTHWIND) },
      ports
    )
    expect(asked).toEqual([NORTHWIND])
    expect(report.tenants.map(t => t.tenantId)).toEqual([NORTHWIND])
  })

  it('reads a consented tenant’s required assignments and its other assignments at once, not one after the other', async () => {
    const { ports } = fakePorts()
    // Each read waits until both have been asked: run one after the other, the first would wait for ever.
    const started: string[] = []
    let bothAsked: () => void = () => undefined
    const together = new Promise<void>(resolve => (bothAsked = resolve))
    const waitForBoth = async (what: string) => {
      started.push(what)
      if (started.length === 2) bothAsked()
      await Promise.race([
        together,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} was asked alone`)), 2000))
      ])
    }
    const base = ports.tenants({ freshCredential: false, storedSecret: 'found' })
    const report = await runEngine(
      request('plan'),
      { ...secretConfig(), tenants: secretConfig().tenants.filter(t => t.tenantId === FABRIKAM) },
      {
        ...ports,
        tenants: options => ({
          ...ports.tenants(options),
          tenant: tenantId => ({
            ...base.tenant(tenantId)!,
            checkRoleAssignment: async () => (await waitForBoth('check'), { status: 'missing' }),
            assignmentsOf: async () => (await waitForBoth('list'), [])
          })
        })
      }
    )
    expect(started.sort()).toEqual(['check', 'list'])
    expect(report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual(['missing'])
  })
})

describe('runEngine: what waits for what', () => {
  /** A promise the test settles, and a log of what the engine asked and when. */
  function gate() {
    let open: () => void = () => undefined
    const opened = new Promise<void>(resolve => (open = resolve))
    return { opened, open }
  }

  it('reads the provider while it signs in, and still fails with the sign-in’s own error', async () => {
    const { ports, asked } = fakePorts()
    const order: string[] = []
    const signedIn = gate()
    const report = runEngine(request('plan'), secretConfig(), {
      ...ports,
      signIn: async () => {
        order.push('sign-in')
        await signedIn.opened
        throw new Error('AADSTS700211: no matching federated identity record')
      },
      provider: {
        ...ports.provider,
        apps: {
          ...ports.provider.apps,
          find: async name => (order.push('find app'), ports.provider.apps.find(name))
        }
      }
    })
    await new Promise(resolve => setTimeout(resolve, 10))
    expect(order).toEqual(['sign-in', 'find app'])
    signedIn.open()
    await expect(report).rejects.toThrow('AADSTS700211')
    // No customer tenant is reached by a run that could not sign in.
    expect(asked).toEqual([])
  })

  /** A run in which one provider read waits for the test: which customer tenants it asked meanwhile. */
  async function whileHeld(mode: 'plan' | 'apply', held: 'checkStoredSecret' | 'details') {
    const { ports, asked } = fakePorts()
    const released = gate()
    const provider = ports.provider
    const report = runEngine(request(mode), secretConfig(), {
      ...ports,
      provider:
        held === 'checkStoredSecret'
          ? { ...provider, checkStoredSecret: async () => (await released.opened, { status: 'token' }) }
          : {
              ...provider,
              apps: {
                ...provider.apps,
                details: async app => (await released.opened, provider.apps.details(app))
              }
            }
    })
    await new Promise(resolve => setTimeout(resolve, 10))
    const askedMeanwhile = [...asked].sort()
    released.open()
    return { askedMeanwhile, report: await report, askedInAll: [...asked].sort() }
  }

  it.each(['checkStoredSecret', 'details'] as const)(
    'in plan mode reaches the customer tenants while the provider is still being read (%s held)',
    async held => {
      const { askedMeanwhile, report } = await whileHeld('plan', held)
      expect(askedMeanwhile).toEqual([FABRIKAM, NORTHWIND].sort())
      expect(report.tenants.map(t => t.consent.status)).toEqual(['consented', 'needs-consent'])
      expect(report.app.status).not.toBe('error')
    }
  )

  it('in apply mode reaches no customer tenant before the provider is settled', async () => {
    const { askedMeanwhile, askedInAll } = await whileHeld('apply', 'checkStoredSecret')
    expect(askedMeanwhile).toEqual([])
    expect(askedInAll).toEqual([FABRIKAM, NORTHWIND].sort())
  })
})

describe('runEngine: roles by name and scopes without a documented permissions read', () => {
  const CUSTOM = 'c0ffee00-0000-4000-8000-000000000001'
  const MG = '/providers/Microsoft.Management/managementGroups/contoso'
  /** Fabrikam with one assignment, over ports whose tenant side is given by `tenant`. */
  function run(
    mode: 'plan' | 'apply',
    assignment: { scope: string; role: string; roleDefinitionId?: string },
    tenant: Partial<TenantPort>
  ) {
    const { ports, writes } = fakePorts()
    const base = ports.tenants({ storedSecret: 'found', freshCredential: false }).tenant(FABRIKAM)!
    const config = secretConfig()
    config.tenants = [
      {
        ...config.tenants[0]!,
        roleAssignments: [{ roleDefinitionId: '', ...assignment, position: { line: 30, column: 9 } }]
      }
    ]
    const withTenant: EnginePorts = {
      ...ports,
      tenants: () => ({ tenant: () => ({ ...base, ...tenant }), noCredentialReason: 'none' })
    }
    return { report: runEngine(request(mode), config, withTenant), writes }
  }

  it('resolves a custom role by name in the tenant, and assigns it by its GUID', async () => {
    const asked: unknown[] = []
    const { report, writes } = run(
      'apply',
      { scope: RG_SCOPE, role: 'Contoso Auditor' },
      {
        roleDefinition: async (_scope, role) => {
          asked.push(role)
          return {
            id: CUSTOM,
            permissions: [{ actions: ['*/read'], notActions: [], dataActions: [], notDataActions: [] }]
          }
        }
      }
    )
    const done = await report
    expect(asked).toEqual([{ name: 'Contoso Auditor' }])
    expect(done.tenants[0]!.roleAssignments[0]).toMatchObject({ roleDefinitionId: CUSTOM, status: 'applied' })
    expect(writes).toEqual([`assign ${CUSTOM} at ${RG_SCOPE} to sp-fabrikam`])
  })

  it('a custom role name the tenant does not know is that role’s error, not drift', async () => {
    const { report } = run(
      'plan',
      { scope: RG_SCOPE, role: 'Contoso Auditor' },
      { roleDefinition: async () => ({ problem: 'no role named "Contoso Auditor" is defined at the scope' }) }
    )
    const done = await report
    expect(done.tenants[0]!.roleAssignments[0]).toMatchObject({
      status: 'error',
      detail: 'no role named "Contoso Auditor" is defined at the scope'
    })
    expect(done.drift).toBe(false)
    expect(done.steps.filter(s => s.kind === 'assign-role')).toEqual([])
  })

  it('at a management group that it may not read: unverifiable (no documented permissions read), the hand-off covers it', async () => {
    const { report } = run(
      'plan',
      { scope: MG, role: 'Reader', roleDefinitionId: READER },
      {
        checkRoleAssignment: async () => ({
          status: 'unverifiable',
          detail: 'AuthorizationFailed (HTTP 403)'
        }),
        effectivePermissions: async () => ({
          status: 'unavailable',
          detail: 'ARM documents Permissions – List only for resource groups and resources, not at this scope'
        })
      }
    )
    const done = await report
    const tenant = done.tenants[0]!
    expect(tenant.roleAssignments[0]!.status).toBe('unverifiable')
    expect(tenant.drift).toEqual(['1 required role assignment not in place'])
    expect(tenant.handoff?.azScript).toContain(`--scope ${MG}`)
    expect(tenant.handoff?.delegation?.scopes).toEqual([MG])
    expect(done.steps.find(s => s.kind === 'assign-role')).toMatchObject({ write: true })
  })
})
