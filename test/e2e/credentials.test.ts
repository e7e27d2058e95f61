/**
 * The bundle on credentials: a secret credential on a custom cloud without Key Vault endpoints is refused at its
 * line before any request; a secretless app runs there; the summary lists the credentials and says truthfully
 * what apply will do with the secret.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { Emulator } from '../emulator/index.js'
import { runAction } from '../action-runner.js'
import { emulator } from '../integration/harness.js'

const fixture = (name: string) =>
  readFileSync(new URL(`../integration/fixtures/${name}`, import.meta.url), 'utf8')

describe('credentials, run as the runner runs them', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await emulator('three-customers.yml')
  })
  afterAll(async () => emu.stop())

  const inputs = (extra: Record<string, string>, withoutVault = false): Record<string, string> => {
    const endpoints = JSON.parse(emu.endpoints.cloudEndpoints) as Record<string, unknown>
    if (withoutVault) delete endpoints.keyVaultUrls
    return {
      'client-id': emu.endpoints.automation!.clientId,
      'tenant-id': emu.endpoints.automation!.tenantId,
      cloud: 'custom',
      'cloud-endpoints': JSON.stringify(endpoints),
      ...extra
    }
  }

  it('refuses a secret credential whose vault the custom cloud cannot name, at its line, before any request', async () => {
    await emu.control.resetRequests()
    const run = await runAction({
      endpoints: emu.endpoints,
      inputs: inputs({ mode: 'plan' }, true),
      files: { '.github/tenants.yml': fixture('three-customers.tenants.yml') }
    })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /::error title=Tenants file,file=.github\/tenants.yml,line=6,.*credential.kind is secret, so the app's secret is kept in Key Vault: no URL for Key Vault "kv-provider"/
    )
    expect(await emu.control.requests()).toEqual([])
  })

  it('runs a secretless app on that cloud, with a notice for rotate and the subjects it needs', async () => {
    const run = await runAction({
      endpoints: emu.endpoints,
      inputs: inputs({ mode: 'plan', rotate: 'force' }, true),
      files: { '.github/tenants.yml': fixture('federated.tenants.yml') }
    })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(/::notice title=Credential,.*rotate: force has no effect/)
    expect(run.summary).toContain('`repo:contoso/tenant-onboarding:pull_request`')
    expect(run.summary).toMatch(
      /`repo:contoso\/tenant-onboarding:ref:refs\/heads\/main` \| .* \| yes \| presented \|/
    )
  })

  it('with rotate: never, the summary never says apply rotates the secret', async () => {
    const run = await runAction({
      endpoints: emu.endpoints,
      inputs: inputs({ mode: 'plan', rotate: 'never' }),
      files: { '.github/tenants.yml': fixture('three-customers.tenants.yml') }
    })
    expect(run.exitCode).toBe(0)
    expect(run.summary).toMatch(/rotate(:|&#58;) never — apply never replaces it/)
    expect(run.summary).not.toMatch(/apply (rotates|adds)/)
    expect(run.summary).toMatch(/### Credentials \(2\)/)
    expect(run.summary).toContain('| password | `2e000000-0000-4000-8000-000000000001` | no |')
  })
})
