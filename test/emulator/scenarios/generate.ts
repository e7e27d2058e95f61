/**
 * Generates the provider scenario with N customer tenants (the benchmark uses 1,000) instead of committing a
 * huge file. Customers cycle through the three states of three-customers.yml — consented with a Reader
 * assignment, not consented, consented but disabled — so a run over them meets every consent outcome.
 * Ids are deterministic: customer i always has the same tenant, subscription and principal GUIDs.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export type CustomerState = 'consented' | 'not-consented' | 'disabled'

const STATES: readonly CustomerState[] = ['consented', 'not-consented', 'disabled']
const PROVIDER_APP = 'contoso-provider-access'

export interface GeneratedCustomer {
  name: string
  tenantId: string
  subscriptionId: string
  state: CustomerState
  /** the app's service principal in this tenant (null when not consented) */
  servicePrincipalId: string | null
}

export interface GeneratedScenario {
  scenario: Record<string, unknown>
  customers: GeneratedCustomer[]
}

/** A GUID whose last 12 hex digits carry `n`, under a fixed 8-hex-digit prefix per kind of object. */
export function numberedGuid(prefix: string, n: number): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
}

export function stateOf(index: number): CustomerState {
  return STATES[index % STATES.length] as CustomerState
}

/** The three-customers provider tenant, with `count` generated customers instead of the three named ones. */
export function generateScenario(count: number): GeneratedScenario {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`count: expected a non-negative integer, got ${count}`)
  const base = parse(
    readFileSync(fileURLToPath(new URL('./three-customers.yml', import.meta.url)), 'utf8')
  ) as {
    tenants: Record<string, unknown>[]
    [key: string]: unknown
  }
  const provider = base.tenants[0] as Record<string, unknown>
  const customers: GeneratedCustomer[] = []
  const tenants: Record<string, unknown>[] = [provider]
  for (let i = 0; i < count; i++) {
    const state = stateOf(i)
    const customer: GeneratedCustomer = {
      name: `Customer ${String(i + 1).padStart(4, '0')}`,
      tenantId: numberedGuid('c0000000', i + 1),
      subscriptionId: numberedGuid('c5000000', i + 1),
      state,
      servicePrincipalId: state === 'not-consented' ? null : numberedGuid('cc000000', i + 1)
    }
    customers.push(customer)
    tenants.push(customerTenant(customer))
  }
  return { scenario: { ...base, tenants }, customers }
}

function customerTenant(c: GeneratedCustomer): Record<string, unknown> {
  const tenant: Record<string, unknown> = {
    id: c.tenantId,
    displayName: c.name,
    domain: `${c.name.toLowerCase().replace(/\s+/g, '')}.onmicrosoft.com`,
    subscriptions: [
      { id: c.subscriptionId, displayName: `${c.name} Production`, resourceGroups: [{ name: 'rg-shared' }] }
    ]
  }
  if (c.servicePrincipalId !== null) {
    tenant.servicePrincipals = [
      { id: c.servicePrincipalId, app: PROVIDER_APP, accountEnabled: c.state !== 'disabled' }
    ]
  }
  if (c.state === 'consented') {
    tenant.roleAssignments = [
      {
        scope: `/subscriptions/${c.subscriptionId}/resourceGroups/rg-shared`,
        role: 'Reader',
        principal: `app:${PROVIDER_APP}`
      }
    ]
  }
  return tenant
}

/**
 * The tenants file for generated customers, as `npm run bench` gives it to the action: the app section of
 * three-customers.tenants.yml, then every customer with Reader on its rg-shared.
 */
export function generatedTenantsFile(customers: readonly GeneratedCustomer[]): string {
  const base = readFileSync(
    fileURLToPath(new URL('../../integration/fixtures/three-customers.tenants.yml', import.meta.url)),
    'utf8'
  ).split('\ntenants:')[0]
  const entries = customers.map(
    c =>
      `  - name: ${c.name}\n    tenantId: ${c.tenantId}\n    roleAssignments:\n` +
      `      - scope: /subscriptions/${c.subscriptionId}/resourceGroups/rg-shared\n        role: Reader\n`
  )
  return `${base}\ntenants:\n${entries.join('')}`
}
