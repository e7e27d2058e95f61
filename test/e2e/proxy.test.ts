/** dist/index.js behind a proxy, as a self-hosted runner would run it: NO_PROXY is honoured by every service. */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { runAction, emulatorInputs } from '../action-runner.js'
import { emulator, stopEmulators } from '../integration/harness.js'
import { connectProxy } from '../support/proxy.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)

describe('the bundle behind HTTPS_PROXY', () => {
  let emu: Emulator
  let proxy: Awaited<ReturnType<typeof connectProxy>>
  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
    proxy = await connectProxy()
  })
  afterAll(async () => {
    proxy.server.closeAllConnections()
    proxy.server.close()
    await stopEmulators()
  })

  const run = (env: Record<string, string>) =>
    runAction({
      endpoints: emu.endpoints,
      inputs: {
        ...emulatorInputs(emu.endpoints)
      },
      files: { '.github/tenants.yml': TENANTS },
      env
    })

  it('sends every Azure request through the proxy', async () => {
    proxy.targets.length = 0
    const result = await run({ HTTPS_PROXY: proxy.url })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['needs-consent']).toBe('["8e000000-0000-4000-8000-000000000001"]')
    expect(proxy.targets.length).toBeGreaterThan(1)
  })

  it('sends nothing through it for a host in NO_PROXY', async () => {
    proxy.targets.length = 0
    const result = await run({ HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' })
    expect(result.exitCode).toBe(0)
    expect(proxy.targets).toEqual([])
  })
})
