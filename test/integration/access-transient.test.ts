/**
 * A transient ARM failure is not a verdict: a role-assignment read that ARM keeps answering with throttling or a
 * server error, past the pipeline's retries, is that role's `error` ("Transient: … retried up to 8 times"),
 * counted as an error of the run and not as drift; `unverifiable` stays for ARM's definitive refusals. Faults from
 * the emulator's fault layer, requests through the real ARM SDK and its pipeline.
 */
import { afterEach, describe, expect, it } from '@jest/globals'
import type { TenantsConfig } from '../../src/config/types.js'
import { MAX_RETRIES } from '../../src/azure/pipeline.js'
import { annotationsFor } from '../../src/report/annotations.js'
import { failureFor } from '../../src/report/outputs.js'
import type { Emulator } from '../emulator/index.js'
import { bridge, emulator, stopEmulators, parseTenants, PROVIDER_APP_YAML } from './harness.js'

const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
const SUB = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const RG_SHARED = `${SUB}/resourceGroups/rg-shared`
const RG_DATA = `${SUB}/resourceGroups/rg-data`
const LISTING = '/providers/Microsoft.Authorization/roleAssignments$'

function tenantsFile(prune = false): TenantsConfig {
  return parseTenants(`${PROVIDER_APP_YAML}tenants:
  - name: Fabrikam
    tenantId: ${FABRIKAM}
    prune: ${prune}
    roleAssignments:
      - { scope: ${SUB}, role: Reader }
      - { scope: ${RG_DATA}, role: Storage Blob Data Reader }
      - { scope: ${RG_SHARED}, role: Reader }
`)
}

let emu: Emulator
afterEach(stopEmulators)

describe('a role-assignment read ARM does not answer', () => {
  it.each([503, 429] as const)(
    'answered %i on every attempt: an error that says transient, not unverifiable drift',
    async status => {
      emu = await emulator('customer-access.yml')
      await emu.control.setFaults([
        { route: 'arm', method: 'GET', path: LISTING, fault: status, retryAfterSeconds: 0 }
      ])
      const { report } = await bridge(emu, tenantsFile())
      const fabrikam = report.tenants[0]!
      expect(fabrikam.roleAssignments.map(a => [a.scope, a.status])).toEqual([
        // a subscription has no Permissions – List: nothing else could answer
        [SUB, 'error'],
        // no rights at rg-data: its effective permissions lack the role, but the listing never answered
        [RG_DATA, 'error'],
        // Reader at rg-shared: its effective permissions, a definitive answer, prove the role held
        [RG_SHARED, 'present']
      ])
      expect(fabrikam.roleAssignments[0]?.detail).toMatch(
        new RegExp(
          `^Transient: the role assignments could not be read, retried up to ${MAX_RETRIES} times: .*\\(HTTP ${status}\\)`
        )
      )
      // Not drift: nothing was seen to fall away. An error of the run, which fail-on: error (the default) fails.
      expect(fabrikam.drift).toEqual([])
      expect(report.drift).toBe(false)
      expect(failureFor(report, new Set(['error']))).toContain('2 role assignments in error')
      // the listing of the app's other assignments went unanswered too: shown, and an error, not silence
      expect(fabrikam.unmanagedUnread).toMatch(
        new RegExp(
          `^The app's role assignments not listed in the tenants file could not be read: Transient \\(retried up to ${MAX_RETRIES} times\\)`
        )
      )
      expect(failureFor(report, new Set(['error']))).toContain(
        '1 tenant: unmanaged role assignments not read (Fabrikam)'
      )
      expect(failureFor(report, new Set(['drift']))).toBeUndefined()
      expect(
        annotationsFor(report)
          .filter(a => a.title.includes('error'))
          .map(a => a.level)
      ).toEqual(['error', 'error'])
      // Every read was retried by the pipeline before the answer was given up: 1 + MAX_RETRIES attempts each.
      const checks = (await emu.control.requests()).filter(
        r => r.route === 'arm' && r.path === `${SUB}/providers/Microsoft.Authorization/roleAssignments`
      )
      expect(checks.length % (MAX_RETRIES + 1)).toBe(0)
      expect(checks.every(r => r.status === status && r.fault === String(status))).toBe(true)
    }
  )

  it('once the faults stop, the same run shape verifies: the error was not a verdict', async () => {
    emu = await emulator('customer-access.yml')
    await emu.control.setFaults([
      { route: 'arm', method: 'GET', path: LISTING, fault: 503, retryAfterSeconds: 0, count: 3 }
    ])
    const { report } = await bridge(emu, tenantsFile())
    // three faulted attempts are within the pipeline's retries: the reads answered
    expect(report.tenants[0]!.roleAssignments.map(a => a.status)).toEqual([
      'unverifiable',
      'awaiting-customer',
      'present'
    ])
    // ARM's definitive 403 at the subscription is still `unverifiable`, and still drift
    expect(report.tenants[0]!.roleAssignments[0]?.detail).toContain('AuthorizationFailed (HTTP 403)')
    expect(report.drift).toBe(true)
  })

  it('a definitive refusal to list the app’s other assignments counts only where prune: true needs them', async () => {
    emu = await emulator('customer-access.yml')
    // Reader at rg-shared only: the app may not list the whole subscription's assignments (403)
    const plain = (await bridge(emu, tenantsFile())).report
    expect(plain.tenants[0]!.unmanagedUnread).toBeUndefined()
    expect(failureFor(plain, new Set(['error']))).toBeUndefined()
    const pruning = (await bridge(emu, tenantsFile(true))).report
    expect(pruning.tenants[0]!.unmanagedUnread).toContain('AuthorizationFailed (HTTP 403)')
    expect(failureFor(pruning, new Set(['error']))).toContain(
      'unmanaged role assignments not read (Fabrikam)'
    )
  })
})
