/**
 * The pipeline with the real Azure SDKs over HTTPS against the emulator: what it reads, what it writes (proved by
 * the emulator's request log), and how it classifies each tenant.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { SCENARIOS, bridge, emulator, tenantsFile, stopEmulators } from './harness.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const NORTHWIND = '8e000000-0000-4000-8000-000000000001'
const TAILSPIN = '9e000000-0000-4000-8000-000000000001'

let emu: Emulator
afterEach(stopEmulators)

async function writes(e: Emulator): Promise<string[]> {
  return (await e.control.requests()).filter(r => r.write).map(r => `${r.method} ${r.path}`)
}

describe('a fresh provider', () => {
  it('plan lists the app creation and sends no write; apply creates it; a second apply changes nothing', async () => {
    emu = await emulator('fresh-provider.yml')
    const config = tenantsFile('fresh-provider.tenants.yml')

    const plan = await bridge(emu, config)
    expect(plan.report.steps.map(s => `${s.kind} ${s.write ? 'write' : 'read'}`)).toEqual([
      'create-app write',
      'create-federated-credential write',
      'create-service-principal write',
      'create-secret write',
      // No app yet: every tenant needs consent, and the link follows once apply created it.
      'request-consent read'
    ])
    expect(plan.report.app).toMatchObject({ status: 'missing', appId: null })
    expect(plan.report.tenants[0]?.consent).toMatchObject({ status: 'needs-consent', link: null })
    expect(await writes(emu)).toEqual([])

    await emu.control.resetRequests()
    const apply = await bridge(emu, config, { mode: 'apply' })
    expect(apply.report.app.status).toBe('created')
    expect(apply.report.app.appId).toMatch(/^[0-9a-f-]{36}$/)
    expect(apply.report.steps.filter(s => s.write).map(s => `${s.kind} ${s.outcome}`)).toEqual([
      'create-app done',
      'create-federated-credential done',
      'create-service-principal done',
      'create-secret done'
    ])
    expect(apply.report.secret).toMatchObject({
      status: 'rotated',
      version: expect.stringMatching(/^[0-9a-f]{32}$/)
    })
    expect(apply.report.changed).toBe(true)
    // Fabrikam is not a tenant in this directory: its OpenID configuration answers 400 (AADSTS90002).
    expect(apply.report.tenants[0]?.consent).toMatchObject({ status: 'tenant-not-found', code: 90002 })
    const written = await writes(emu)
    expect(written.some(w => w.startsWith('PATCH /v1.0/applications(uniqueName='))).toBe(true)
    expect(written.some(w => w.startsWith('POST /v1.0/servicePrincipals'))).toBe(true)

    await emu.control.resetRequests()
    const again = await bridge(emu, config, { mode: 'apply' })
    expect(again.report.app.status).toBe('current')
    expect(again.report.secret.status).toBe('current')
    expect(again.report.steps.filter(s => s.write)).toEqual([])
    expect(again.report.changed).toBe(false)
    expect(await writes(emu)).toEqual([])
  })

  it('retries the directory replication lag after creating the app', async () => {
    emu = await emulator('fresh-provider.yml', {
      lags: { applicationMs: 1500, servicePrincipalMs: 1000, passwordMs: 1000 }
    })
    const apply = await bridge(emu, tenantsFile('fresh-provider.tenants.yml'), { mode: 'apply' })
    expect(apply.report.steps.filter(s => s.write).map(s => s.outcome)).toEqual([
      'done',
      'done',
      'done',
      'done'
    ])
    const requests = await emu.control.requests()
    const servicePrincipalCreations = requests.filter(
      r => r.method === 'POST' && r.path === '/v1.0/servicePrincipals'
    )
    // Refused while the new application replicated ("does not reference a valid application object"), then created.
    expect(servicePrincipalCreations.map(r => r.status)).toEqual([
      ...servicePrincipalCreations.slice(0, -1).map(() => 400),
      201
    ])
    expect(servicePrincipalCreations.length).toBeGreaterThan(1)
    // The new secret was refused (AADSTS7000215) until it replicated, and proven before it was stored.
    const tokenRefusals = requests.filter(r => r.route === 'token' && r.status === 401)
    expect(tokenRefusals.length).toBeGreaterThan(0)
  })
})

describe('three customers', () => {
  it('classifies consented, needs-consent and disabled tenants with the token endpoint only', async () => {
    emu = await emulator('three-customers.yml')
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    const byId = new Map(report.tenants.map(t => [t.tenantId, t]))
    expect(byId.get(FABRIKAM)).toMatchObject({
      consent: { status: 'consented', code: null, link: null },
      principalId: '7c000000-0000-4000-8000-000000000001',
      roleAssignments: [{ role: 'Reader', status: 'present' }]
    })
    expect(byId.get(NORTHWIND)?.consent).toMatchObject({
      status: 'needs-consent',
      code: 7000229,
      link: expect.stringContaining(
        `/${NORTHWIND}/adminconsent?client_id=2b000000-0000-4000-8000-000000000001`
      )
    })
    expect(byId.get(NORTHWIND)?.roleAssignments[0]?.status).toBe('skipped')
    expect(byId.get(TAILSPIN)?.consent).toMatchObject({ status: 'disabled', code: 7000112, link: null })
    expect(report.totals).toEqual({ tenants: 3, consented: 1, needsConsent: 1, problems: 1 })
    expect(await writes(emu)).toEqual([])
  })

  it('sees a revoked consent as drift, and a consent given since (whose roles it may not read yet)', async () => {
    emu = await emulator('three-customers.yml')
    await emu.control.deleteServicePrincipal({
      tenantId: FABRIKAM,
      id: '7c000000-0000-4000-8000-000000000001'
    })
    await emu.control.consent(NORTHWIND, '2b000000-0000-4000-8000-000000000001')
    await emu.control.setLags({ servicePrincipalMs: 0 })
    const { report } = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(report.tenants.map(t => t.consent.status)).toEqual(['needs-consent', 'consented', 'disabled'])
    // Without any role in Northwind, the app may not even read its role assignments there.
    expect(report.tenants[1]?.roleAssignments[0]).toMatchObject({
      status: 'unverifiable',
      detail: expect.stringContaining('AuthorizationFailed'),
      // What the customer's admin runs, should the role not be granted yet.
      fixCommand: expect.stringMatching(/^az role assignment create --assignee-object-id [0-9a-f-]{36} /)
    })
    expect(report.drift).toBe(true)
  })

  it('names the subject it presented when no federated credential of the automation identity matches it', async () => {
    emu = await emulator('three-customers.yml')
    const config = tenantsFile('three-customers.tenants.yml')
    await emu.control.setGithub({ ref: 'refs/heads/feature' })
    await expect(bridge(emu, config)).rejects.toThrow(
      /no federated credential on client-id 1b000000-0000-4000-8000-000000000001 matches this workflow's token \(issuer https:\/\/token\.actions\.githubusercontent\.com, subject repo:contoso\/tenant-onboarding:ref:refs\/heads\/feature/
    )
  })

  // Entra answers an unknown issuer with AADSTS700211 (https://login.microsoftonline.com/error?code=700211)
  it('names the issuer it presented when no federated credential trusts that issuer (AADSTS700211)', async () => {
    emu = await emulator('three-customers.yml')
    const config = tenantsFile('three-customers.tenants.yml')
    await emu.control.setGithub({ issuer: 'https://token.actions.githubusercontent.com/contoso' })
    await expect(bridge(emu, config)).rejects.toThrow(
      /failed \(AADSTS700211\): no federated credential on client-id 1b000000-0000-4000-8000-000000000001 matches this workflow's token \(issuer https:\/\/token\.actions\.githubusercontent\.com\/contoso,/
    )
  })
})

describe('least privilege at sign-in', () => {
  it('warns when the automation identity holds tenant-wide write permissions it does not need', async () => {
    const { readFileSync } = await import('node:fs')
    const { parse } = await import('yaml')
    const { annotationsFor } = await import('../../src/report/annotations.js')
    const text = readFileSync(new URL('three-customers.yml', SCENARIOS), 'utf8').replace(
      'graphAppRoles: [Application.ReadWrite.OwnedBy]',
      'graphAppRoles: [Application.ReadWrite.OwnedBy, Directory.ReadWrite.All]'
    )
    const emu = await emulator(parse(text) as object)
    const run = await bridge(emu, tenantsFile('three-customers.tenants.yml'))
    expect(run.report.identity).toMatchObject({
      roles: ['Application.ReadWrite.OwnedBy', 'Directory.ReadWrite.All'],
      excess: ['Directory.ReadWrite.All'],
      missing: []
    })
    expect(annotationsFor(run.report)).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'Automation identity: least privilege',
        message: expect.stringContaining('holds Directory.ReadWrite.All: more than it needs')
      })
    )
  })
})
