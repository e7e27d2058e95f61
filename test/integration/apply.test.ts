/** What apply writes, what it may not, and what it leaves for a person — against the emulator's RBAC. */
import { afterEach, describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import type { Emulator } from '../emulator/index.js'
import { bridge, emulator, SCENARIOS, tenantsFile, stopEmulators } from './harness.js'

const FABRIKAM_SP = '7c000000-0000-4000-8000-000000000001'
const FABRIKAM_SUBSCRIPTION = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const KV_CMK = `${FABRIKAM_SUBSCRIPTION}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-cmk`
const CRYPTO_USER = 'e147488a-f6f5-4113-8e2d-b22465e65bf6'
const USER_ACCESS_ADMINISTRATOR = '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9'

let emu: Emulator
afterEach(stopEmulators)

const writes = async (e: Emulator) =>
  (await e.control.requests()).filter(r => r.write).map(r => `${r.method} ${r.route}`)

/** Fabrikam asks for one more role: the Key Vault crypto role on its CMK vault. */
function withCryptoRole() {
  const config = tenantsFile('three-customers.tenants.yml')
  config.tenants[0]!.roleAssignments.push({
    scope: KV_CMK,
    role: 'Key Vault Crypto Service Encryption User',
    roleDefinitionId: CRYPTO_USER,
    position: { line: 40, column: 9 }
  })
  return config
}

describe('role assignments', () => {
  it('where the customer did not let the app assign roles: awaiting-customer from its effective permissions, no write tried', async () => {
    emu = await emulator('three-customers.yml')
    const plan = await bridge(emu, withCryptoRole())
    expect(plan.report.steps).toContainEqual(expect.objectContaining({ kind: 'request-grant', write: false }))
    expect(plan.report.tenants[0]?.roleAssignments[1]?.status).toBe('awaiting-customer')

    const { report } = await bridge(emu, withCryptoRole(), { mode: 'apply' })
    expect(await writes(emu)).toEqual([])
    expect(report.tenants[0]?.roleAssignments[1]).toMatchObject({
      status: 'awaiting-customer',
      fixCommand: `az role assignment create --assignee-object-id ${FABRIKAM_SP} --assignee-principal-type ServicePrincipal --role ${CRYPTO_USER} --scope ${KV_CMK}`
    })
    expect(report.tenants[0]?.handoff?.grants.map(g => g.roleDefinitionId)).toEqual([CRYPTO_USER])
    expect(report.drift).toBe(true)
  })

  it('where it may: applied once, then present — and the second apply sends no write', async () => {
    emu = await emulator('three-customers.yml')
    await emu.control.addRoleAssignment({
      scope: FABRIKAM_SUBSCRIPTION,
      roleDefinitionId: USER_ACCESS_ADMINISTRATOR,
      principalId: FABRIKAM_SP,
      principalType: 'ServicePrincipal'
    })
    const first = await bridge(emu, withCryptoRole(), { mode: 'apply' })
    expect(first.report.tenants[0]?.roleAssignments[1]?.status).toBe('applied')
    expect(first.report.changed).toBe(true)
    expect(await writes(emu)).toEqual(['PUT arm'])

    await emu.control.resetRequests()
    const second = await bridge(emu, withCryptoRole(), { mode: 'apply' })
    expect(second.report.tenants[0]?.roleAssignments[1]?.status).toBe('present')
    expect(second.report.changed).toBe(false)
    expect(await writes(emu)).toEqual([])
  })
})

describe('the app', () => {
  it('brings a drifted app back to the file and keeps what the file does not name', async () => {
    emu = await emulator('three-customers.yml')
    const app = emu.directory.applicationByUniqueName('contoso-provider-access')!
    app.displayName = 'Renamed by hand'
    const fic = app.federatedIdentityCredentials.find(f => f.name === 'github-main')!
    fic.subject = 'repo:Contoso/tenant-onboarding:ref:refs/heads/main'
    const plan = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(plan.report.app.status).toBe('changes-pending')
    expect(plan.report.app.federatedCredentials).toEqual([
      expect.objectContaining({ name: 'github-main', status: 'changed' })
    ])

    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'), { mode: 'apply' })
    expect(report.app.status).toBe('updated')
    expect(report.app.federatedCredentials[0]?.status).toBe('updated')
    expect(app.displayName).toBe('Contoso Provider Access')
    expect(fic.subject).toBe('repo:contoso/tenant-onboarding:ref:refs/heads/main')
    expect(app.redirectUris).toEqual(['https://contoso.example/onboarded'])
  })

  it('stops at an app it does not own, with the command that makes it an owner', async () => {
    const scenario = parse(readFileSync(new URL('three-customers.yml', SCENARIOS), 'utf8')) as {
      tenants: { applications?: { uniqueName: string; owners?: string[] }[] }[]
    }
    const providerApp = scenario.tenants[0]!.applications!.find(
      a => a.uniqueName === 'contoso-provider-access'
    )!
    delete providerApp.owners
    emu = await emulator(scenario)
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'), { mode: 'apply' })
    expect(report.app).toMatchObject({
      status: 'not-owned',
      fixCommand: expect.stringContaining('--owner-object-id 1c000000-0000-4000-8000-000000000001')
    })
    expect(report.steps).toEqual([
      expect.objectContaining({ kind: 'add-owner', write: false, outcome: 'manual' })
    ])
    expect(report.tenants.every(t => t.consent.status === 'error')).toBe(true)
    expect(await writes(emu)).toEqual([])
  })
})

describe('secret rotation', () => {
  it.each([
    {
      failure: 'the new secret never authenticates',
      setUp: async (e: Emulator) => e.control.setLags({ passwordMs: 3_600_000 }),
      detail: 'did not authenticate, so it was removed and the old one kept'
    },
    {
      failure: 'Key Vault will not store it',
      setUp: async (e: Emulator) => e.control.setFaults([{ route: 'keyvault', method: 'PUT', fault: 500 }]),
      detail: 'could not be stored in Key Vault, so it was removed and the old one kept'
    }
  ])(
    'when $failure: removes the unused new password and keeps the old secret',
    async ({ setUp, detail }) => {
      emu = await emulator('three-customers.yml')
      await setUp(emu)
      const app = emu.directory.applicationByUniqueName('contoso-provider-access')!
      const { report } = await bridge(
        emu,
        tenantsFile('three-customers.tenants.yml'),
        { mode: 'apply', rotate: 'force' },
        { replicationRetry: { delaysMs: [20, 20] } }
      )
      expect(report.secret).toMatchObject({ status: 'failed', detail: expect.stringContaining(detail) })
      expect(report.steps.find(s => s.kind === 'rotate-secret')?.outcome).toBe('failed')
      expect(app.passwordCredentials.map(p => p.keyId)).toEqual(['2e000000-0000-4000-8000-000000000001'])
      // The tenants are still probed with the old secret, which still works.
      expect(report.tenants[0]?.consent.status).toBe('consented')
    },
    60_000
  )
})
