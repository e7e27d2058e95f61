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
    }
  })
  const ports: EnginePorts = {
    signIn: async () => ({ automationObjectId: 'automation', graphRoles: ['Application.ReadWrite.OwnedBy'] }),
    provider: {
      apps: {
        find: async () => ({ status: 'found', app: existingApp() }),
        servicePrincipal: async () => ({ id: 'sp', accountEnabled: true }),
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
        store: write('store secret')
      },
      proveSecret: write('prove secret'),
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
})
