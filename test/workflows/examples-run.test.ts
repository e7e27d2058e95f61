/**
 * The example workflows' `fail-on` choices, run: the committed bundle with each example's own mode and `fail-on`
 * (read from the example file) against the emulator's three customers — Fabrikam consented, Northwind onboarding
 * (not consented yet), Tailspin's admin disabled the app (real drift).
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { runAction } from '../action-runner.js'
import { readYaml } from './contract.js'

const TENANTS = readFileSync(
  new URL('../integration/fixtures/three-customers.tenants.yml', import.meta.url),
  'utf8'
)

function exampleWith(file: string): Record<string, string> {
  const workflow = readYaml<{ jobs: Record<string, { with: Record<string, string> }> }>(
    new URL(`../../examples/workflows/${file}`, import.meta.url)
  )
  return Object.values(workflow.jobs)[0]!.with
}

describe('the examples, run against three customers', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({
      scenario: new URL('../emulator/scenarios/three-customers.yml', import.meta.url).pathname
    })
  })
  afterAll(async () => emu.stop())

  async function run(file: string, eventName: string): Promise<Awaited<ReturnType<typeof runAction>>> {
    const example = exampleWith(file)
    const automation = emu.endpoints.automation!
    return runAction({
      endpoints: emu.endpoints,
      eventName,
      inputs: {
        // The reusable workflow's plan job on a schedule with mode: plan, its apply job otherwise.
        mode: example.mode === 'plan' ? 'plan' : 'apply',
        'client-id': automation.clientId,
        'tenant-id': automation.tenantId,
        cloud: 'custom',
        'cloud-endpoints': emu.endpoints.cloudEndpoints,
        'fail-on': example['fail-on']!,
        'pr-comment': 'false'
      },
      files: { '.github/tenants.yml': TENANTS }
    })
  }

  it('the nightly rotation stays green while Northwind onboards and Tailspin is disabled (fail-on: error)', async () => {
    const result = await run('rotation.yml', 'schedule')
    expect(result.outputs['needs-consent']).toBe('["8e000000-0000-4000-8000-000000000001"]')
    expect(result.outputs.drift).toBe('true')
    expect(result.exitCode).toBe(0)
  })

  it('the drift check turns red on the disabled app (fail-on: drift,error)', async () => {
    const result = await run('drift-check.yml', 'schedule')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*fail-on drift/)
  })

  it('the onboarding apply turns red on the disabled app too (fail-on: error,drift)', async () => {
    const result = await run('onboarding.yml', 'push')
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toMatch(/::error::.*fail-on drift/)
    expect(result.stdout).not.toMatch(/fail-on needs-consent/)
  })
})
