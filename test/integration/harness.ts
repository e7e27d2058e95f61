/** Runs the pipeline in-process against the emulator, as main.ts would, and keeps everything it logs. */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { resolveCloud } from '../../src/cloud.js'
import { parseTenantsFile } from '../../src/config/parse.js'
import type { TenantsConfig } from '../../src/model/config.js'
import { type BridgeDeps, type BridgeInputs, runBridge } from '../../src/engine/index.js'
import type { Report } from '../../src/model/report.js'
import { type Emulator, startEmulator } from '../emulator/index.js'

export const SCENARIOS = new URL('../emulator/scenarios/', import.meta.url)
export const FIXTURES = new URL('./fixtures/', import.meta.url)

/** A scenario file with one of its tenants changed by `edit`, for a test that needs a little more than the file. */
export function scenarioWith<Tenant = Record<string, unknown>>(
  file: string,
  tenantId: string,
  edit: (tenant: Tenant) => void
): Record<string, unknown> {
  const scenario = parse(readFileSync(new URL(file, SCENARIOS), 'utf8')) as { tenants: { id: string }[] }
  const tenant = scenario.tenants.find(t => t.id === tenantId)
  if (!tenant) throw new Error(`${file} has no tenant ${tenantId}`)
  edit(tenant as Tenant)
  return scenario
}

export function tenantsFile(name: string): TenantsConfig {
  return parseTenants(readFileSync(new URL(name, FIXTURES), 'utf8'), `.github/${name}`)
}

/** A tenants file from its text; a file with problems throws them, each with its line. */
export function parseTenants(text: string, file = '.github/tenants.yml'): TenantsConfig {
  const loaded = parseTenantsFile(text, file)
  if (!loaded.ok) throw new Error(loaded.problems.map(p => `${p.line}: ${p.message}`).join('\n'))
  return loaded.config
}

/**
 * The `app:` section of a tenants file for the scenarios' provider app (customer-access.yml, three-customers.yml):
 * the secret kept in kv-provider. Tests append what they need (`federatedCredentials:`, then `tenants:`).
 */
export const PROVIDER_APP_YAML = `app:
  uniqueName: contoso-provider-access
  displayName: Contoso Provider Access
  redirectUri: https://contoso.example/onboarded
  credential:
    kind: secret
    keyVault: kv-provider
    secretName: contoso-provider-access
`

/** The federated credential the scenarios' app trusts, as a tenants file lists it under `app:`. */
export const GITHUB_MAIN_FEDERATED_YAML = `  federatedCredentials:
    - name: github-main
      issuer: https://token.actions.githubusercontent.com
      subject: repo:contoso/tenant-onboarding:ref:refs/heads/main
`

const running: Emulator[] = []

/** Stops every emulator the test started (for `afterEach`). */
export async function stopEmulators(): Promise<void> {
  await Promise.all(running.splice(0).map(e => e.stop()))
}

export async function emulator(
  scenario: string | object,
  options: Parameters<typeof startEmulator>[0] = {}
): Promise<Emulator> {
  const started = await startEmulator({
    ...options,
    scenario: typeof scenario === 'string' ? new URL(scenario, SCENARIOS).pathname : scenario
  })
  running.push(started)
  return started
}

export interface Run {
  report: Report
  logs: string[]
  masked: string[]
}

/** Fast replication retries: the emulator's lags are short in tests. */
export const FAST_RETRY = { delaysMs: [100, 200, 400, 800, 1600, 3200] }

export async function bridge(
  emu: Emulator,
  config: TenantsConfig,
  overrides: Partial<BridgeInputs> = {},
  deps: Partial<BridgeDeps> = {}
): Promise<Run> {
  const logs: string[] = []
  const masked: string[] = []
  const automation = emu.endpoints.automation
  if (!automation) throw new Error('the scenario names no automation identity')
  const inputs: BridgeInputs = {
    mode: 'plan',
    clientId: automation.clientId,
    tenantId: automation.tenantId,
    cloud: resolveCloud('custom', emu.endpoints.cloudEndpoints),
    rotate: 'auto',
    concurrency: 4,
    ...overrides
  }
  const writesBefore = (await emu.control.requestCounts()).writes
  const report = await runBridge(inputs, config, {
    getIdToken: async audience => {
      const token = emu.mintGithubToken(audience)
      masked.push(token)
      return token
    },
    info: message => logs.push(message),
    mask: value => masked.push(value),
    replicationRetry: FAST_RETRY,
    ...deps
  })
  // The invariant every test checks, whatever else it asserts: plan sends no write request.
  const writes = (await emu.control.requestCounts()).writes - writesBefore
  if (inputs.mode === 'plan' && writes > 0) throw new Error(`plan sent ${writes} write request(s)`)
  return { report, logs, masked }
}

/** The tenants file for a generated scenario: every customer with Reader on its rg-shared. */
export function generatedTenantsConfig(
  customers: readonly { name: string; tenantId: string; subscriptionId: string }[]
): TenantsConfig {
  const config = tenantsFile('three-customers.tenants.yml')
  const at = { line: 1, column: 1 }
  config.tenants = customers.map((c, i) => ({
    name: c.name,
    tenantId: c.tenantId,
    position: { line: 100 + i, column: 5 },
    roleAssignments: [
      {
        scope: `/subscriptions/${c.subscriptionId}/resourceGroups/rg-shared`,
        role: 'Reader',
        roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
        position: at
      }
    ]
  }))
  return config
}
