/**
 * On a pull request the action keeps one sticky comment, found by its marker and updated in place. GitHub's REST
 * API is played by a small local server (GITHUB_API_URL), so the real Octokit of @actions/github talks to it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { runAction, emulatorInputs } from '../action-runner.js'
import { emulator } from '../integration/harness.js'
import { TENANTS, fakeGitHub, listen, planOnPullRequest as plan } from '../support/github.js'

const MARKER = '<!-- entra-tenant-bridge:plan -->'

describe('the sticky pull-request comment', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
  })
  afterAll(async () => emu.stop())

  const planOnPullRequest = (port: number) => plan(emu, { GITHUB_API_URL: `http://127.0.0.1:${port}` })

  it('is created once, then updated in place, leaving other comments alone', async () => {
    const github = fakeGitHub()
    const apiPort = await listen(github.server)
    try {
      const first = await planOnPullRequest(apiPort)
      expect(first.exitCode).toBe(0)
      expect(github.comments).toHaveLength(2)
      const ours = github.comments[1]!
      expect(ours.body.startsWith(MARKER)).toBe(true)
      expect(ours.body).toContain('adminconsent?client_id=2b000000-0000-4000-8000-000000000001')

      const second = await planOnPullRequest(apiPort)
      expect(second.exitCode).toBe(0)
      expect(github.comments).toHaveLength(2)
      expect(github.comments[0]).toEqual({ id: 1, body: 'LGTM — a reviewer' })
      expect(github.calls.filter(c => c.startsWith('POST'))).toHaveLength(1)
      expect(github.calls.filter(c => c.startsWith('PATCH'))).toEqual([
        `PATCH /repos/contoso/tenant-onboarding/issues/comments/${ours.id}`
      ])
      expect(second.everything).not.toContain('ghs_fake_token_for_the_local_api')
    } finally {
      github.server.close()
    }
  })

  it('is skipped with a notice when the token may not write (a fork pull request)', async () => {
    const github = fakeGitHub({ forbidWrites: true })
    const apiPort = await listen(github.server)
    try {
      const run = await planOnPullRequest(apiPort)
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/::notice::No pull-request comment: .*403/)
      expect(github.comments).toHaveLength(1)
    } finally {
      github.server.close()
    }
  })

  it('refuses apply on a pull request before anything is sent', async () => {
    await emu.control.resetRequests()
    const run = await runAction({
      endpoints: emu.endpoints,
      eventName: 'pull_request',
      event: { pull_request: { number: 7 } },
      inputs: {
        mode: 'apply',
        ...emulatorInputs(emu.endpoints)
      },
      files: { '.github/tenants.yml': TENANTS }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      '::error::mode: apply is refused on pull_request events: apply runs only on push'
    )
    expect(await emu.control.requests()).toEqual([])
  })
})
