/**
 * The pull-request comment behind a proxy, through the bundle: Octokit's fetch goes through undici's ProxyAgent,
 * which the bundle loads on first use (scripts/bundle/undici-on-demand.ts) rather than with @actions/core. The
 * API host is a name that resolves nowhere: the proxy, on loopback, is the only way to it, and it hands every
 * tunnel to the local fake API — so the comment lands only if the real ProxyAgent carried it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { emulator } from '../integration/harness.js'
import { fakeGitHub, listen, planOnPullRequest } from '../support/github.js'
import { connectProxy } from '../support/proxy.js'

/** RFC 2606 reserves .test: this name is never resolved, only named in the proxy's CONNECT line. */
const API_HOST = 'api.github.test'

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
      // The emulator (loopback) is reached directly, as NO_PROXY says; the API's made-up host only by the proxy.
      const run = await planOnPullRequest(emu, {
        GITHUB_API_URL: `http://${API_HOST}:${apiPort}`,
        HTTP_PROXY: proxyUrl,
        http_proxy: proxyUrl,
        NO_PROXY: '127.0.0.1,localhost'
      })
      expect(run.exitCode).toBe(0)
      const created = github.comments[1]!
      expect(run.stdout).toContain(`Pull-request comment created (${created.id}).`)
      expect(proxy.targets).toContain(`${API_HOST}:${apiPort}`)
      // The comment arrived by way of the proxy's tunnel, addressed to the made-up host.
      const post = github.calls.indexOf('POST /repos/contoso/tenant-onboarding/issues/7/comments')
      expect(post).toBeGreaterThanOrEqual(0)
      expect(github.hosts[post]).toBe(`${API_HOST}:${apiPort}`)
    } finally {
      proxy.server.closeAllConnections()
      proxy.server.close()
      github.server.close()
    }
  })
})
