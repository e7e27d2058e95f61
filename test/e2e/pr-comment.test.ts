/**
 * On a pull request the action keeps one sticky comment, found by its marker and updated in place. GitHub's REST
 * API is played by a small local server (GITHUB_API_URL), so the real Octokit of @actions/github talks to it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { runAction, emulatorInputs } from '../action-runner.js'
import { emulator } from '../integration/harness.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)
const MARKER = '<!-- entra-tenant-bridge:plan -->'

interface Comment {
  id: number
  body: string
}

/** The issue-comment endpoints of GitHub's REST API, for one pull request. */
function fakeGitHub(options: { forbidWrites?: boolean } = {}) {
  const comments: Comment[] = [{ id: 1, body: 'LGTM — a reviewer' }]
  const calls: string[] = []
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    calls.push(`${req.method} ${url.pathname}`)
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(data))
    }
    if (req.method === 'GET' && url.pathname === '/repos/contoso/tenant-onboarding/issues/7/comments') {
      const page = Number(url.searchParams.get('page') ?? 1)
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      return send(
        200,
        comments.slice((page - 1) * perPage, page * perPage).map(c => ({ ...c, user: { type: 'Bot' } }))
      )
    }
    if (options.forbidWrites && req.method !== 'GET') {
      return send(403, { message: 'Resource not accessible by integration' })
    }
    if (req.method === 'POST' && url.pathname === '/repos/contoso/tenant-onboarding/issues/7/comments') {
      const comment = { id: 100 + comments.length, body: (JSON.parse(body) as { body: string }).body }
      comments.push(comment)
      return send(201, comment)
    }
    const update = /^\/repos\/contoso\/tenant-onboarding\/issues\/comments\/(\d+)$/.exec(url.pathname)
    if (req.method === 'PATCH' && update) {
      const comment = comments.find(c => c.id === Number(update[1]))
      if (!comment) return send(404, { message: 'Not Found' })
      comment.body = (JSON.parse(body) as { body: string }).body
      return send(200, comment)
    }
    send(404, { message: 'Not Found' })
  })
  return { server, comments, calls }
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

describe('the sticky pull-request comment', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
  })
  afterAll(async () => emu.stop())

  const planOnPullRequest = (apiUrl: string) =>
    runAction({
      endpoints: emu.endpoints,
      eventName: 'pull_request',
      event: { pull_request: { number: 7 }, number: 7 },
      inputs: {
        ...emulatorInputs(emu.endpoints),
        'github-token': 'ghs_fake_token_for_the_local_api',
        'pr-comment': 'true'
      },
      files: { '.github/tenants.yml': TENANTS },
      env: { GITHUB_API_URL: apiUrl }
    })

  it('is created once, then updated in place, leaving other comments alone', async () => {
    const github = fakeGitHub()
    const apiUrl = await listen(github.server)
    try {
      const first = await planOnPullRequest(apiUrl)
      expect(first.exitCode).toBe(0)
      expect(github.comments).toHaveLength(2)
      const ours = github.comments[1]!
      expect(ours.body.startsWith(MARKER)).toBe(true)
      expect(ours.body).toContain('adminconsent?client_id=2b000000-0000-4000-8000-000000000001')

      const second = await planOnPullRequest(apiUrl)
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
    const apiUrl = await listen(github.server)
    try {
      const run = await planOnPullRequest(apiUrl)
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
