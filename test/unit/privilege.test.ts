import { describe, expect, it } from '@jest/globals'
import { identityVerdict } from '../../src/plan/privilege.js'

describe('identityVerdict', () => {
  it('is content with exactly Application.ReadWrite.OwnedBy, for plan and apply', () => {
    for (const mode of ['plan', 'apply'] as const) {
      expect(identityVerdict(mode, 'oid', ['Application.ReadWrite.OwnedBy'])).toEqual({
        objectId: 'oid',
        roles: ['Application.ReadWrite.OwnedBy'],
        excess: [],
        missing: []
      })
    }
  })

  it('lets a plan run on a read-only identity, but not an apply', () => {
    expect(identityVerdict('plan', undefined, ['Application.Read.All']).missing).toEqual([])
    expect(identityVerdict('apply', undefined, ['Application.Read.All']).missing).toEqual([
      'Application.ReadWrite.OwnedBy'
    ])
  })

  it('names every tenant-wide write permission as more than needed', () => {
    const verdict = identityVerdict('apply', 'oid', [
      'Directory.ReadWrite.All',
      'Application.ReadWrite.All',
      'User.Read.All'
    ])
    expect(verdict.excess).toEqual(['Application.ReadWrite.All', 'Directory.ReadWrite.All'])
    expect(verdict.missing).toEqual([])
  })

  it('says what is missing when the token carries no permission at all', () => {
    expect(identityVerdict('plan', 'oid', []).missing).toEqual(['Application.Read.All'])
  })
})
