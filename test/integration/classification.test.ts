/**
 * Every consent classification, each from the outcome the real token endpoint (emulated) gives the real
 * @azure/identity credential, and what the plan makes of it.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { bridge, emulator, tenantsFile, stopEmulators } from './harness.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const TAILSPIN = '9e000000-0000-4000-8000-000000000001'
const PROVIDER_APP = '2b000000-0000-4000-8000-000000000001'

let emu: Emulator
afterEach(stopEmulators)

describe('consent classification', () => {
  it('blocked: a customer Conditional Access policy refuses the app (AADSTS53003)', async () => {
    emu = await emulator('three-customers.yml')
    emu.directory.servicePrincipalByAppId(FABRIKAM, PROVIDER_APP)!.blockedByConditionalAccess = true
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(report.tenants[0]).toMatchObject({
      consent: { status: 'blocked', code: 53003, link: null },
      roleAssignments: [{ status: 'skipped' }]
    })
  })

  it('provider-error: the secret in Key Vault belongs to a password the app no longer has (AADSTS7000215)', async () => {
    emu = await emulator('three-customers.yml')
    emu.directory.applicationByAppId(PROVIDER_APP)!.passwordCredentials.length = 0
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(report.tenants.map(t => [t.consent.status, t.consent.code])).toEqual([
      ['provider-error', 7000215],
      ['provider-error', 7000215],
      ['provider-error', 7000215]
    ])
    // The provider's fix, planned: a new secret, for the reason found.
    expect(report.secret).toMatchObject({
      status: 'invalid',
      detail: expect.stringContaining('no longer has')
    })
    expect(report.steps).toContainEqual(expect.objectContaining({ kind: 'rotate-secret', write: true }))
  })

  it('provider-error heals in apply: the new secret is stored, then the tenants are probed with it', async () => {
    emu = await emulator('three-customers.yml')
    emu.directory.applicationByAppId(PROVIDER_APP)!.passwordCredentials.length = 0
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'), { mode: 'apply' })
    expect(report.secret.status).toBe('rotated')
    expect(report.tenants.map(t => t.consent.status)).toEqual(['consented', 'needs-consent', 'disabled'])
  })

  it('error: the token endpoint keeps failing for one tenant, and only that tenant is affected', async () => {
    emu = await emulator('three-customers.yml')
    await emu.control.setFaults([{ route: 'token', path: TAILSPIN, fault: 500 }])
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(report.tenants.map(t => t.consent.status)).toEqual(['consented', 'needs-consent', 'error'])
    expect(report.tenants[2]?.consent.detail).toBeTruthy()
  })
})
