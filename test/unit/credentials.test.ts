/** The credential lifecycle's judgement (src/plan/credentials.ts): pure, so every state is a fixture. */
import { describe, expect, it } from '@jest/globals'
import type { ObservedProvider, PasswordCredential, SecretVersionInfo } from '../../src/model/observed.js'
import {
  type CredentialOptions,
  ORPHAN_GRACE_MS,
  isManaged,
  judgeCredentials,
  managedDisplayName
} from '../../src/plan/credentials.js'
import { existingApp, secretConfig } from './fixtures.js'

const NOW = new Date('2026-11-28T12:00:00Z')
const DAY = 86_400_000
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const iso = (date: Date) => date.toISOString()

function password(keyId: string, startedAgo: number, lifetimeDays = 90, managed = true): PasswordCredential {
  const start = ago(startedAgo)
  return {
    keyId,
    displayName: managed ? managedDisplayName(start) : 'made by hand',
    hint: 'abc',
    startDateTime: iso(start),
    endDateTime: iso(new Date(start.getTime() + lifetimeDays * DAY))
  }
}

function version(name: string, keyId: string, createdAgo: number, enabled = true): SecretVersionInfo {
  return { version: name, keyId, enabled, createdOn: ago(createdAgo) }
}

/** The app with these passwords; Key Vault with these versions, the first being the current one. */
function state(passwords: PasswordCredential[], versions: SecretVersionInfo[]): ObservedProvider {
  const current = versions[0]
  return {
    app: { status: 'found', app: existingApp({ passwordCredentials: passwords }) },
    secret: current
      ? {
          status: 'found',
          version: current.version,
          keyId: current.keyId,
          expiresOn: new Date(
            Date.parse(passwords.find(p => p.keyId === current.keyId)?.endDateTime ?? iso(NOW))
          )
        }
      : { status: 'missing' },
    secretVersions: versions,
    secretProof: { status: 'token' }
  }
}

const judge = (observed: ObservedProvider, options: Partial<CredentialOptions> = {}) =>
  judgeCredentials(secretConfig(), observed, { rotate: 'auto', now: NOW, ...options })
const kinds = (j: ReturnType<typeof judge>) =>
  [...j.first, ...j.last].map(s =>
    `${s.kind} ${'keyId' in s ? s.keyId : 'version' in s ? s.version : ''}`.trim()
  )
const roleOf = (j: ReturnType<typeof judge>, id: string) => j.credentials.find(c => c.id === id)?.state

describe('the managed marker', () => {
  it('is the display name the action gives, and nothing else carries it', () => {
    expect(managedDisplayName(NOW)).toBe('entra-tenant-bridge 2026-11-28')
    expect(isManaged({ displayName: 'entra-tenant-bridge 2026-11-28' })).toBe(true)
    expect(isManaged({ displayName: 'entra-tenant-bridge-other' })).toBe(false)
    expect(isManaged({ displayName: null })).toBe(false)
  })
})

describe('a steady state', () => {
  it('current and a previous within the overlap: nothing to do', () => {
    const j = judge(
      state(
        [password('old', 20 * DAY), password('cur', 2 * DAY)],
        [version('v2', 'cur', 2 * DAY), version('v1', 'old', 20 * DAY)]
      )
    )
    expect(j.secret.status).toBe('current')
    expect(kinds(j)).toEqual([])
    expect(roleOf(j, 'cur')).toBe('current')
    expect(roleOf(j, 'old')).toBe('previous')
    expect(j.credentials.find(c => c.id === 'old')?.fixCommand).toBeUndefined()
  })

  it('the previous one goes once its successor is older than overlapDays, and its version is disabled with it', () => {
    const j = judge(
      state(
        [password('old', 30 * DAY), password('cur', 8 * DAY)],
        [version('v2', 'cur', 8 * DAY), version('v1', 'old', 30 * DAY)]
      )
    )
    expect(j.last).toEqual([
      expect.objectContaining({
        kind: 'retire-password',
        keyId: 'old',
        versions: ['v1'],
        afterRotation: false,
        reason: expect.stringContaining('overlapDays (7)')
      })
    ])
    expect(roleOf(j, 'old')).toBe('retiring')
  })

  it('keeps only the newest previous password: at most two managed', () => {
    const j = judge(
      state(
        [password('oldest', 40 * DAY), password('old', 20 * DAY), password('cur', 2 * DAY)],
        [version('v3', 'cur', 2 * DAY), version('v2', 'old', 20 * DAY), version('v1', 'oldest', 40 * DAY)]
      )
    )
    expect(kinds(j)).toEqual(['retire-password oldest'])
  })
})

describe('a rotation', () => {
  it('makes the current one the previous and retires the previous after it, only once the new one is stored', () => {
    const j = judge(
      state(
        [password('old', 20 * DAY), password('cur', 2 * DAY)],
        [version('v2', 'cur', 2 * DAY), version('v1', 'old', 20 * DAY)]
      ),
      { rotate: 'force' }
    )
    expect(j.secret).toMatchObject({ status: 'due', reason: 'rotate: force.' })
    expect(kinds(j)).toEqual(['rotate-secret', 'retire-password old'])
    expect(j.last[1]).toMatchObject({ afterRotation: true })
  })

  it('is due within rotateBeforeDays, with the date auto rotation starts', () => {
    const j = judge(state([password('cur', 70 * DAY)], [version('v1', 'cur', 70 * DAY)]))
    expect(j.secret).toMatchObject({ status: 'due', reason: expect.stringContaining('expires in 20 day(s)') })
    expect(j.secret.rotatesFrom).toBe('2026-11-18')
    expect(j.credentials[0]).toMatchObject({ flag: 'expiring', daysLeft: 20 })
  })

  it('removes an expired current password only after its successor is stored', () => {
    const j = judge(state([password('cur', 95 * DAY)], [version('v1', 'cur', 95 * DAY)]))
    expect(j.secret.reason).toContain('expired on')
    expect(kinds(j)).toEqual(['rotate-secret', 'retire-password cur'])
    expect(j.last[1]).toMatchObject({ afterRotation: true })
    expect(j.credentials[0]).toMatchObject({ flag: 'expired' })
  })

  it('never with rotate: never, and says what it found', () => {
    const j = judge(state([password('cur', 95 * DAY)], [version('v1', 'cur', 95 * DAY)]), { rotate: 'never' })
    expect(j.secret.status).toBe('due')
    expect(kinds(j)).toEqual([])
  })

  it('leaves a foreign current password in place and reports it as current', () => {
    const j = judge(state([password('hand', 10 * DAY, 90, false)], [version('v1', 'hand', 10 * DAY)]), {
      rotate: 'force'
    })
    expect(kinds(j)).toEqual(['rotate-secret'])
    expect(j.secret.currentManaged).toBe(false)
    expect(j.credentials[0]).toMatchObject({ managed: false, state: 'current' })
  })
})

describe('the stored secret', () => {
  it('is invalid when Entra rejects it, and rotate: auto replaces it', () => {
    const observed = state([password('cur', 2 * DAY)], [version('v1', 'cur', 2 * DAY)])
    observed.secretProof = {
      status: 'refused',
      code: 7000215,
      detail: 'AADSTS7000215: Invalid client secret provided.'
    }
    const j = judge(observed)
    expect(j.secret).toMatchObject({ status: 'invalid', reason: expect.stringContaining('AADSTS7000215') })
    expect(kinds(j)).toEqual(['rotate-secret'])
  })

  it('is invalid when its password is gone; its version is disabled once a new one is stored', () => {
    const j = judge(state([password('other', 2 * DAY, 90, false)], [version('v1', 'gone', 2 * DAY)]))
    expect(j.secret).toMatchObject({ status: 'invalid', reason: expect.stringContaining('no longer has') })
    expect(j.last).toEqual([
      expect.objectContaining({ kind: 'rotate-secret' }),
      expect.objectContaining({ kind: 'disable-kv-version', version: 'v1', afterRotation: true })
    ])
  })

  it('refused within the grace of its password: not replaced again yet, perhaps still replicating', () => {
    const observed = state([password('cur', 60_000)], [version('v1', 'cur', 60_000)])
    observed.secretProof = {
      status: 'refused',
      code: 7000215,
      detail: 'AADSTS7000215: Invalid client secret provided.'
    }
    const j = judge(observed)
    expect(j.secret).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('may not have replicated yet')
    })
    expect(kinds(j)).toEqual([])
  })

  it('that could not be proven is not called current', () => {
    const observed = state([password('cur', 2 * DAY)], [version('v1', 'cur', 2 * DAY)])
    observed.secretProof = { status: 'failed', detail: 'connection reset' }
    expect(judge(observed).secret).toMatchObject({
      status: 'failed',
      reason: expect.stringContaining('connection reset')
    })
  })

  it('missing: created; a Key Vault read error: failed, and nothing is removed on a guess', () => {
    expect(kinds(judge(state([], [])))).toEqual(['create-secret'])
    const observed = state(
      [password('cur', 2 * DAY), password('x', 30 * DAY)],
      [version('v1', 'cur', 2 * DAY)]
    )
    observed.secretVersions = { error: 'Forbidden' }
    const j = judge(observed)
    expect(kinds(j)).toEqual([])
    expect(roleOf(j, 'x')).toBe('unknown')
  })
})

describe('orphans', () => {
  it('are removed first once older than the grace; younger ones are in flight', () => {
    const j = judge(
      state(
        [password('cur', 2 * DAY), password('lost', ORPHAN_GRACE_MS + 1), password('new', 60_000)],
        [version('v1', 'cur', 2 * DAY)]
      )
    )
    expect(j.first).toEqual([expect.objectContaining({ kind: 'remove-orphan', keyId: 'lost' })])
    expect(roleOf(j, 'new')).toBe('in-flight')
    expect(j.credentials.find(c => c.id === 'lost')).toMatchObject({
      state: 'orphan',
      fixCommand: 'az ad app credential delete --id b1b1b1b1-0000-4000-8000-000000000002 --key-id lost'
    })
  })

  it('one a clean-up failed to remove is an orphan at once', () => {
    const j = judge(
      state([password('cur', 2 * DAY), password('left', 1000)], [version('v1', 'cur', 2 * DAY)]),
      { leftBehind: ['left'] }
    )
    expect(roleOf(j, 'left')).toBe('orphan')
    expect(j.credentials.find(c => c.id === 'left')?.detail).toContain('could not remove')
  })

  it('a password held only by a disabled version is an orphan; foreign ones never are', () => {
    const j = judge(
      state(
        [password('cur', 2 * DAY), password('dead', 30 * DAY), password('hand', 30 * DAY, 90, false)],
        [version('v2', 'cur', 2 * DAY), version('v1', 'dead', 30 * DAY, false)]
      )
    )
    expect(kinds(j)).toEqual(['remove-orphan dead'])
    expect(roleOf(j, 'hand')).toBe('foreign')
  })
})

describe('the expiry report', () => {
  it('lists certificates and federated credentials, reported only', () => {
    const observed = state([password('cur', 2 * DAY)], [version('v1', 'cur', 2 * DAY)])
    if (observed.app.status === 'found') {
      observed.app.app.keyCredentials = [
        {
          keyId: 'cert',
          displayName: 'CN=old',
          type: 'AsymmetricX509Cert',
          usage: 'Verify',
          startDateTime: iso(ago(400 * DAY)),
          endDateTime: iso(ago(DAY))
        }
      ]
    }
    const j = judge(observed)
    expect(j.credentials.map(c => [c.kind, c.id, c.managed, c.state, c.flag])).toEqual([
      ['password', 'cur', true, 'current', undefined],
      ['certificate', 'cert', false, 'foreign', 'expired'],
      ['federated', 'github-main', true, 'configured', undefined]
    ])
    expect(kinds(j)).toEqual([])
  })
})

describe('a secretless app', () => {
  const federated = () => {
    const config = secretConfig()
    config.app.credential = { kind: 'federated', position: { line: 6, column: 5 } }
    return config
  }
  const observed: ObservedProvider = {
    app: { status: 'found', app: existingApp() },
    secret: { status: 'not-configured' }
  }

  it('gets a notice for rotate auto or force, none for never, and no step', () => {
    const j = judgeCredentials(federated(), observed, { rotate: 'force', now: NOW })
    expect(j.notices).toEqual([expect.stringContaining('rotate: force has no effect')])
    expect([...j.first, ...j.last]).toEqual([])
    expect(judgeCredentials(federated(), observed, { rotate: 'never', now: NOW }).notices).toEqual([])
  })

  it('names the pull request subject and the one presented', () => {
    const j = judgeCredentials(federated(), observed, {
      rotate: 'never',
      now: NOW,
      presentedSubject: 'repo:contoso/tenant-onboarding:pull_request'
    })
    expect(j.federatedSubjects).toEqual([
      {
        subject: 'repo:contoso/tenant-onboarding:environment:production',
        why: 'listed in the tenants file as github-main',
        onApp: true,
        presented: false
      },
      {
        subject: 'repo:contoso/tenant-onboarding:pull_request',
        why: 'plans on pull requests present it',
        onApp: false,
        presented: true
      }
    ])
  })
})
