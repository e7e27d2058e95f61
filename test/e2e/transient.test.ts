/** GitHub's OIDC token endpoint, as the bundle meets it through @actions/core: a 429 or a 500 is retried. */
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from '@jest/globals'
import { runAction, emulatorInputs } from '../action-runner.js'
import { emulator, stopEmulators } from '../integration/harness.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)

afterEach(stopEmulators)

describe('the GitHub OIDC token request', () => {
  it.each([429, 500] as const)('answering %i once is retried, and the run goes on', async status => {
    const emu = await emulator('three-customers.yml')
    await emu.control.setFaults([{ route: 'oidc', fault: status, count: 1, retryAfterSeconds: 0 }])
    const run = await runAction({
      endpoints: emu.endpoints,
      inputs: {
        ...emulatorInputs(emu.endpoints)
      },
      files: { '.github/tenants.yml': TENANTS }
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs['needs-consent']).toBe('["8e000000-0000-4000-8000-000000000001"]')
    const oidc = (await emu.control.requests()).filter(r => r.route === 'oidc')
    expect(oidc[0]).toMatchObject({ status, fault: String(status) })
  })
})
