/**
 * GitHub's REST API for the pull-request comment, played by a small local server (GITHUB_API_URL), so the real
 * Octokit of @actions/github talks to it; and the plan run on a pull request that comments through it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { type ActionRun, emulatorInputs, runAction } from '../action-runner.js'
import type { Emulator } from '../emulator/index.js'

export const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)

export interface Comment {
  id: number
  body: string
}

/**
 * The issue-comment endpoints of GitHub's REST API, for pull request 7 of contoso/tenant-onboarding, which already
 * holds a reviewer's comment. `calls` records each request's method and path, `hosts` the Host header it came with.
 */
export function fakeGitHub(options: { forbidWrites?: boolean } = {}) {
  const comments: Comment[] = [{ id: 1, body: 'LGTM — a reviewer' }]
  const calls: string[] = []
  const hosts: string[] = []
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    calls.push(`${req.method} ${url.pathname}`)
    hosts.push(req.headers.host ?? '')
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
  return { server, comments, calls, hosts }
}

/** Starts `server` on a loopback port and returns the port. */
export async function listen(server: Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** The action in plan mode on pull request 7, commenting with a token for the fake API. */
export function planOnPullRequest(emu: Emulator, env: Record<string, string>): Promise<ActionRun> {
  return runAction({
    endpoints: emu.endpoints,
    eventName: 'pull_request',
    event: { pull_request: { number: 7 }, number: 7 },
    inputs: {
      ...emulatorInputs(emu.endpoints),
      'github-token': 'ghs_fake_token_for_the_local_api',
      'pr-comment': 'true'
    },
    files: { '.github/tenants.yml': TENANTS },
    env
  })
}
