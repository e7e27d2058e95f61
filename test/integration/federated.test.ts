/**
 * A secretless app (`credential.kind: federated`): no Key Vault anywhere, a notice instead of a silent `rotate`,
 * and the federated-credential subjects the app needs, with the one this run presented.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import { resolveCloud } from '../../src/cloud.js'
import { bridge, emulator, stopEmulators, tenantsFile } from './harness.js'

afterEach(stopEmulators)

describe('credential.kind: federated', () => {
  it('runs on a custom cloud without Key Vault endpoints and sends nothing to Key Vault', async () => {
    const emu = await emulator('three-customers.yml')
    const endpoints = JSON.parse(emu.endpoints.cloudEndpoints) as Record<string, unknown>
    delete endpoints.keyVaultUrls
    const cloud = resolveCloud('custom', JSON.stringify(endpoints))
    await emu.control.resetRequests()
    const { report } = await bridge(emu, tenantsFile('federated.tenants.yml'), { cloud, rotate: 'force' })
    expect(report.secret.status).toBe('not-configured')
    expect((await emu.control.requests()).filter(r => r.route === 'keyvault')).toEqual([])
    expect(report.tenants[0]?.consent.status).toBe('consented')
    expect(report.notices).toEqual([expect.stringContaining('rotate: force has no effect')])
    expect(report.steps.filter(s => s.kind.endsWith('-secret'))).toEqual([])
  })

  it('names the subjects the app needs, the pull request’s included, and the one this run presented', async () => {
    const emu = await emulator('three-customers.yml')
    const { report } = await bridge(emu, tenantsFile('federated.tenants.yml'), { rotate: 'never' })
    expect(report.notices).toEqual([])
    expect(report.federatedSubjects).toEqual([
      {
        subject: 'repo:contoso/tenant-onboarding:ref:refs/heads/main',
        why: 'listed in the tenants file as github-main',
        onApp: true,
        presented: true
      },
      {
        subject: 'repo:contoso/tenant-onboarding:pull_request',
        why: 'plans on pull requests present it',
        onApp: false,
        presented: false
      }
    ])
    // The seeded password is reported, not touched: the action never removes what it did not make.
    expect(report.credentials).toContainEqual(
      expect.objectContaining({ kind: 'password', managed: false, state: 'foreign' })
    )
    expect(report.credentials).toContainEqual(
      expect.objectContaining({ kind: 'federated', id: 'github-main', managed: true, state: 'configured' })
    )
  })
})
