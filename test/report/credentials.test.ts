/** What the summary and annotations say about the secret and the app's credentials, for each `rotate` value. */
import { describe, expect, it } from '@jest/globals'
import { annotationsFor } from '../../src/report/annotations.js'
import { renderSummary } from '../../src/report/summary.js'
import type { Report, SecretReport } from '../../src/model/report.js'
import { secretNextStep } from '../../src/report/words.js'
import { customersInEachState } from './fixtures/reports.js'
import { expectInert, expectTablesIntact } from './structure.js'

const secret = (over: Partial<SecretReport>): SecretReport => ({
  status: 'current',
  line: 6,
  version: 'v1',
  expiresOn: '2027-02-26T13:00:00.000Z',
  rotatesFrom: '2027-01-27',
  overlapDays: 7,
  replacesManaged: true,
  ...over
})

describe('what the summary says apply will do with the secret', () => {
  it.each([
    ['current', 'auto', 'rotate: auto — apply replaces it from 2027-01-27'],
    ['current', 'force', 'rotate: force — apply adds a new password'],
    ['current', 'never', 'rotate: never — apply never replaces it'],
    ['due', 'auto', 'stays valid for 7 day(s) (overlapDays), then apply removes it'],
    ['due', 'never', 'rotate: never — apply will not rotate it'],
    ['invalid', 'never', 'rotate: never — apply will not replace it'],
    ['invalid', 'auto', 'apply adds a new password, proves it authenticates'],
    ['missing', 'never', 'rotate: never — apply will not create it']
  ] as const)('%s with rotate: %s', (status, rotate, words) => {
    expect(secretNextStep(secret({ status, rotate }))).toContain(words)
  })

  it('never claims apply rotates with rotate: never, nor removes a password it did not make', () => {
    for (const status of ['current', 'due', 'invalid', 'missing'] as const) {
      expect(secretNextStep(secret({ status, rotate: 'never' }))).not.toMatch(/apply (adds|rotates|removes)/)
    }
    expect(secretNextStep(secret({ status: 'due', rotate: 'auto', replacesManaged: false }))).toContain(
      'was not made by the action and is left in place'
    )
    expect(secretNextStep(secret({ status: 'rotated', replacesManaged: false }))).toBe(
      'The password it replaced was not made by the action and was left in place'
    )
  })
})

describe('the Credentials section', () => {
  const report = (): Report => ({
    ...customersInEachState(),
    secret: secret({
      status: 'invalid',
      rotate: 'auto',
      detail: 'AADSTS7000215: Invalid client secret provided.'
    }),
    notices: ['rotate: force has no effect'],
    credentials: [
      {
        kind: 'password',
        id: 'k-current',
        displayName: 'entra-tenant-bridge 2026-11-28',
        managed: true,
        hint: 'Qx7',
        start: '2026-11-28T00:00:00Z',
        end: '2027-02-26T00:00:00Z',
        daysLeft: 90,
        state: 'current'
      },
      {
        kind: 'password',
        id: 'k-orphan',
        displayName: 'entra-tenant-bridge 2026-11-20',
        managed: true,
        hint: 'a|b',
        start: '2026-11-20T00:00:00Z',
        end: '2026-12-01T00:00:00Z',
        daysLeft: 3,
        state: 'orphan',
        flag: 'expiring',
        fixCommand: 'az ad app credential delete --id app --key-id k-orphan'
      },
      {
        kind: 'certificate',
        id: 'k-cert',
        displayName: 'CN=<b>x</b>',
        managed: false,
        hint: null,
        start: null,
        end: '2026-01-01T00:00:00Z',
        daysLeft: -331,
        state: 'foreign',
        flag: 'expired'
      }
    ]
  })

  it('lists every credential with its expiry and flags, and the orphan’s command', () => {
    const summary = renderSummary(report())
    expect(summary).toContain('### Credentials (3, 2 need attention)')
    expect(summary).toMatch(
      /\| password \| `k-orphan` \| yes \| .* \| 3 \| orphan — stored nowhere, apply removes it · \*\*expiring soon\*\* \|/
    )
    expect(summary).toContain('**expired**')
    expect(summary).toContain('az ad app credential delete --id app --key-id k-orphan')
    expect(summary).toMatch(/> \*\*Notice\*\*: rotate(:|&#58;) force has no effect/)
    expect(summary).toContain('**invalid**')
    expectInert(summary)
    expectTablesIntact(summary)
  })

  it('annotates an invalid secret as an error and an orphan as a warning with its command', () => {
    const annotations = annotationsFor(report())
    expect(annotations).toContainEqual(
      expect.objectContaining({ level: 'error', title: 'Secret: invalid', line: 6 })
    )
    expect(annotations).toContainEqual(
      expect.objectContaining({
        level: 'warning',
        title: 'Orphan password k-orphan',
        message: expect.stringContaining('--key-id k-orphan')
      })
    )
  })
})
