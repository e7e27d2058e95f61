/**
 * The committed bundle, run as the runner runs it. ncc has ESM pitfalls: a bundle that builds is not a bundle
 * that runs, so these tests run dist/index.js itself.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { type Emulator, startEmulator } from '../emulator/index.js'
import { runAction } from '../action-runner.js'

const FIVE_MISTAKES = readFileSync(new URL('../config/fixtures/five-mistakes.yml', import.meta.url), 'utf8')

describe('dist/index.js', () => {
  it('with no inputs exits non-zero with one actionable line, not a stack trace', async () => {
    const run = await runAction({ inputs: {} })
    expect(run.exitCode).toBe(1)
    expect(run.stdout.trim().split('\n')).toEqual([
      '::error::client-id is required: the application (client) id of the automation identity in the provider tenant (a GUID), e.g. `client-id: ${{ vars.AZURE_CLIENT_ID }}`'
    ])
    expect(run.stderr).toBe('')
  })

  it('rejects a bad input value with how to fix it', async () => {
    const run = await runAction({
      inputs: {
        'client-id': '11111111-2222-4333-8444-555555555555',
        'tenant-id': '11111111-2222-4333-8444-555555555555',
        mode: 'aply'
      }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::mode must be plan or apply, got "aply"')
  })

  it('without an OIDC token says to grant id-token: write', async () => {
    const tenants = readFileSync(new URL('../../examples/tenants.yml', import.meta.url), 'utf8')
    const run = await runAction({
      inputs: {
        'client-id': '11111111-2222-4333-8444-555555555555',
        'tenant-id': '11111111-2222-4333-8444-555555555555'
      },
      files: { '.github/tenants.yml': tenants }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout.trim()).toBe(
      '::error::GitHub did not provide an OIDC token to this job: add `permissions: id-token: write` to the job (or workflow). Pull requests from forks never get one; run apply on push, schedule or workflow_dispatch.'
    )
  })

  describe('a tenants file with five mistakes', () => {
    let emu: Emulator
    beforeAll(async () => {
      emu = await startEmulator({
        scenario: new URL('../emulator/scenarios/three-customers.yml', import.meta.url).pathname
      })
    })
    afterAll(async () => emu.stop())

    it('yields five error annotations at the right lines and sends no request at all', async () => {
      const automation = emu.endpoints.automation!
      await emu.control.resetRequests()
      const run = await runAction({
        endpoints: emu.endpoints,
        inputs: {
          'client-id': automation.clientId,
          'tenant-id': automation.tenantId,
          cloud: 'custom',
          'cloud-endpoints': emu.endpoints.cloudEndpoints
        },
        files: { '.github/tenants.yml': FIVE_MISTAKES }
      })
      expect(run.exitCode).toBe(1)
      const annotations = run.stdout
        .split('\n')
        .filter(line => line.startsWith('::error ') && line.includes('file='))
      expect(annotations.map(line => /line=(\d+)/.exec(line)?.[1])).toEqual(['11', '14', '19', '23', '27'])
      expect(annotations.every(line => line.includes('file=.github/tenants.yml'))).toBe(true)
      expect(run.stdout).toContain(
        '::error::5 problems in .github/tenants.yml; fix them and rerun (nothing was sent to Azure)'
      )
      expect(await emu.control.requests()).toEqual([])
    })
  })
})
