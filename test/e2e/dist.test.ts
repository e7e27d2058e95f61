/**
 * The committed bundle, run as the runner runs it. ncc has ESM pitfalls: a bundle that builds is not a bundle
 * that runs, so these tests run dist/index.js itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
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

/**
 * Issue 7's acceptance: the bundle is not larger than before issues 7–13. At dd46c24, the last commit before them,
 * dist/ held 1,996,103 bytes of JavaScript — index.js 1,966,202 and 958.index.js 29,901 — and the 32,416-byte
 * xdg-open script of the `open` package (2,028,519 bytes in all), which dist/ no longer carries. The bound is the
 * JavaScript alone; dist/licenses.txt and dist/package.json are not code and are not counted.
 */
const JS_BYTES_BEFORE_ISSUE_7 = 1_996_103

describe('the committed bundle’s size', () => {
  const dist = new URL('../../dist/', import.meta.url)
  const scripts = readdirSync(dist).filter(name => name.endsWith('.js'))

  it('is no larger than the JavaScript dist/ held before issues 7–13', () => {
    const total = scripts.reduce((sum, name) => sum + statSync(new URL(name, dist)).size, 0)
    expect(scripts.length).toBeGreaterThan(1)
    expect(total).toBeLessThanOrEqual(JS_BYTES_BEFORE_ISSUE_7)
  })

  it('is minified in every file, the chunks ncc emits for dynamic imports included', () => {
    // Unminified webpack output averages some 40 bytes a line; terser's is one line but for legal comments.
    const unminified = scripts.filter(name => {
      const text = readFileSync(new URL(name, dist), 'utf8')
      const lines = text.split('\n').length
      return lines > 1 && text.length / lines < 1_000
    })
    expect(unminified).toEqual([])
  })

  it('keeps the cold path small: the entry holds no SDK, no YAML parser and no role catalogue', () => {
    const entry = readFileSync(new URL('index.js', dist), 'utf8')
    expect(entry.length).toBeLessThan(40_000)
    for (const absent of ['@azure/', 'Reader', 'yaml', 'undici']) expect(entry).not.toContain(absent)
  })
})
