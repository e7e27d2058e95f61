/**
 * The pull-request comment behind a proxy, through the bundle: Octokit's fetch goes through undici's ProxyAgent,
 * which the bundle loads on first use (scripts/bundle/undici-on-demand.ts) rather than with @actions/core. The
 * API host is a name that resolves nowhere: the proxy, on loopback, is the only way to it, and it hands every
 * tunnel to the local fake API — so the comment lands only if the real ProxyAgent carried it.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { runAction, emulatorInputs } from '../action-runner.js'
import { emulator } from '../integration/harness.js'
import { connectProxy } from '../support/proxy.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)
/** RFC 2606 reserves .test: this name is never resolved, only named in the proxy's CONNECT line. */
const API_HOST = 'api.github.test'

async function listen(server: Server): Promise<number> {
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

/** GitHub's issue-comment endpoints, enough for one new comment. */
function fakeGitHub(): { server: Server; calls: string[] } {
  const calls: string[] = []
  const server = createServer(async (req, res) => {
    let body = ''
    for await (const chunk of req) body += chunk
    calls.push(`${req.method} ${req.url} ${req.headers.host}`)
    res.writeHead(req.method === 'GET' ? 200 : 201, { 'content-type': 'application/json' })
    res.end(
      req.method === 'GET'
        ? '[]'
        : JSON.stringify({ id: 42, body: (JSON.parse(body) as { body: string }).body })
    )
  })
  return { server, calls }
}

describe('the pull-request comment behind HTTP(S)_PROXY', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
  })
  afterAll(async () => emu.stop())

  it('goes through the proxy with the real ProxyAgent, loaded on first use', async () => {
    const github = fakeGitHub()
    const apiPort = await listen(github.server)
    const proxy = await connectProxy(false, () => apiPort)
    const proxyUrl = proxy.url
    try {
      const run = await runAction({
        endpoints: emu.endpoints,
        eventName: 'pull_request',
        event: { pull_request: { number: 7 }, number: 7 },
        inputs: {
          ...emulatorInputs(emu.endpoints),
          'github-token': 'ghs_fake_token_for_the_local_api',
          'pr-comment': 'true'
        },
        files: { '.github/tenants.yml': TENANTS },
        // The emulator (loopback) is reached directly, as NO_PROXY says; the API's made-up host only by the proxy.
        env: {
          GITHUB_API_URL: `http://${API_HOST}:${apiPort}`,
          HTTP_PROXY: proxyUrl,
          http_proxy: proxyUrl,
          NO_PROXY: '127.0.0.1,localhost'
        }
      })
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain('Pull-request comment created (42).')
      expect(proxy.targets).toContain(`${API_HOST}:${apiPort}`)
      expect(github.calls).toContain(
        `POST /repos/contoso/tenant-onboarding/issues/7/comments ${API_HOST}:${apiPort}`
      )
    } finally {
      proxy.server.closeAllConnections()
      proxy.server.close()
      github.server.close()
    }
  })
})
