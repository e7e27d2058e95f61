import { describe, expect, it } from '@jest/globals'
import { inertLogLine } from '../../src/report/log-line.js'
import { TRUSTED_APPLY_EVENTS, applyRefusal } from '../../src/trust.js'

describe('applyRefusal', () => {
  it('allows exactly push, schedule and workflow_dispatch', () => {
    expect([...TRUSTED_APPLY_EVENTS].sort()).toEqual(['push', 'schedule', 'workflow_dispatch'])
    for (const event of TRUSTED_APPLY_EVENTS) expect(applyRefusal(event)).toBeUndefined()
  })

  it('refuses every other event with what to do', () => {
    expect(applyRefusal('pull_request_target')).toBe(
      'mode: apply is refused on pull_request_target events: apply runs only on push, schedule, workflow_dispatch, ' +
        'on a tenants file that was reviewed and merged. Run mode: plan here (nothing was sent to Azure).'
    )
    expect(applyRefusal('')).toMatch(/^mode: apply is refused on an unknown events/)
  })
})

describe('inertLogLine', () => {
  it.each([
    ['::stop-commands::x', ':\u200b:stop-commands:\u200b:x'],
    ['  ::error::x', '  :\u200b:error:\u200b:x'],
    ['a\n::add-mask::b', 'a :\u200b:add-mask:\u200b:b'],
    ['name\u2028::warning::x', 'name :\u200b:warning:\u200b:x'],
    ['x ##[error]y', 'x #\u200b#[error]y'],
    [':::', ':\u200b:\u200b:']
  ])('neutralises %j', (input, expected) => {
    expect(inertLogLine(input)).toBe(expected)
  })

  it('leaves ordinary text alone', () => {
    expect(inertLogLine('Fabrikam (7f3a): consented — https://x.example/a#b')).toBe(
      'Fabrikam (7f3a): consented — https://x.example/a#b'
    )
  })
})
