/**
 * Who may apply, and what the log may carry: dist/index.js run as the runner runs it. Apply is an allow-list of
 * workflow events, refused elsewhere before any request; outside text (tenant names, names read from Graph) never
 * becomes a workflow command in the job log.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { parse, stringify } from 'yaml'
import type { Emulator } from '../emulator/index.js'
import { runAction, emulatorInputs } from '../action-runner.js'
import { SCENARIOS, emulator, stopEmulators } from '../integration/harness.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)

/** The commands this action writes itself; any other command in its log was forged by outside text. */
const OUR_COMMANDS = new Set(['group', 'endgroup', 'error', 'warning', 'notice', 'add-mask', 'debug'])

/** Lines the runner would read as a command that the action did not mean to write. */
function forgedCommands(log: string): string[] {
  return log.split(/\r?\n/).filter(line => {
    // actions/runner ActionCommand.TryParse: the older `##[command]` form is found anywhere in a line.
    if (line.includes('##[')) return true
    const trimmed = line.trimStart()
    if (!trimmed.startsWith('::')) return false
    const end = trimmed.indexOf('::', 2)
    const head = end < 0 ? trimmed.slice(2) : trimmed.slice(2, end)
    return !OUR_COMMANDS.has(head.split(' ')[0] ?? '')
  })
}

describe('apply runs only from trusted workflow events', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
  })
  afterAll(stopEmulators)

  const applyOn = (eventName: string) =>
    runAction({
      endpoints: emu.endpoints,
      eventName,
      event: eventName.startsWith('pull_request') ? { pull_request: { number: 7 } } : {},
      inputs: {
        mode: 'apply',
        ...emulatorInputs(emu.endpoints),
        'fail-on': 'none'
      },
      files: { '.github/tenants.yml': TENANTS }
    })

  it.each([
    'pull_request',
    'pull_request_target',
    'issue_comment',
    'pull_request_review',
    'pull_request_review_comment',
    'workflow_run',
    'merge_group',
    'repository_dispatch',
    'release',
    'discussion'
  ])('refuses apply on %s before any request', async eventName => {
    await emu.control.resetRequests()
    const run = await applyOn(eventName)
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(`::error::mode: apply is refused on ${eventName} events`)
    expect(await emu.control.requests()).toEqual([])
  })

  it.each(['push', 'schedule', 'workflow_dispatch'])('applies on %s', async eventName => {
    await emu.control.resetRequests()
    const run = await applyOn(eventName)
    expect(run.stdout).not.toContain('is refused')
    expect(run.exitCode).toBe(0)
    expect(run.outputs['report-file']).toBeTruthy()
    expect((await emu.control.requests()).length).toBeGreaterThan(0)
  })
})

describe('outside text in the job log', () => {
  const HOSTILE_TENANT = '::stop-commands::forged-tenant'
  const HOSTILE_APP = '::error::forged-app ##[add-mask]forged-mask'
  let emu: Emulator
  beforeAll(async () => {
    const scenario = parse(
      readFileSync(new URL('three-customers.yml', SCENARIOS), 'utf8').replace(
        'displayName: Contoso Provider Access',
        `displayName: ${JSON.stringify(HOSTILE_APP)}`
      )
    ) as object
    emu = await emulator(JSON.parse(JSON.stringify(scenario)) as object)
  })
  afterAll(stopEmulators)

  it('writes no forged command, whatever a tenant name or the app name in Graph says', async () => {
    const tenants = parse(TENANTS) as { tenants: { name: string }[] }
    tenants.tenants[0]!.name = HOSTILE_TENANT
    tenants.tenants[1]!.name = '##[error]forged-legacy'
    const run = await runAction({
      endpoints: emu.endpoints,
      inputs: {
        mode: 'plan',
        ...emulatorInputs(emu.endpoints),
        'fail-on': 'none'
      },
      files: { '.github/tenants.yml': stringify(tenants) }
    })
    expect(run.exitCode).toBe(0)
    // The hostile texts did reach the log (as text), or the test would prove nothing.
    expect(run.stdout).toContain('stop-commands')
    expect(run.stdout).toContain('forged-app')
    expect(run.stdout).toContain('forged-legacy')
    expect(forgedCommands(run.stdout)).toEqual([])
    expect(run.stdout).not.toMatch(/^\s*::stop-commands::/m)
  })
})

describe('a tenants file with very many mistakes', () => {
  it('annotates the first 50 and counts the rest in one line', async () => {
    const tenants = Array.from(
      { length: 80 },
      (_, i) => `  - name: T${i}\n    tenantId: not-a-guid-${i}\n    roleAssignments: []`
    ).join('\n')
    const file = [
      'app:',
      '  uniqueName: contoso-provider-access',
      '  displayName: Contoso Provider Access',
      '  redirectUri: https://contoso.example/onboarded',
      '  credential:',
      '    kind: federated',
      '  federatedCredentials:',
      '    - name: github-main',
      '      issuer: https://token.actions.githubusercontent.com',
      '      subject: repo:contoso/tenant-onboarding:ref:refs/heads/main',
      'tenants:',
      tenants,
      ''
    ].join('\n')
    const run = await runAction({
      inputs: {
        'client-id': '11111111-2222-4333-8444-555555555555',
        'tenant-id': '11111111-2222-4333-8444-555555555555'
      },
      files: { '.github/tenants.yml': file }
    })
    expect(run.exitCode).toBe(1)
    const annotations = run.stdout.split('\n').filter(line => line.startsWith('::error title=Tenants file,'))
    expect(annotations).toHaveLength(50)
    expect(run.stdout).toContain('… and 30 more problem(s) in the tenants file, not annotated.')
    expect(run.stdout).toMatch(/::error::80 problems in \.github\/tenants\.yml/)
  })
})
