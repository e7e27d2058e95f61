/** The stable GUIDs of the committed scenarios, so tests can name what they expect. */
import { fileURLToPath } from 'node:url'

export function scenarioPath(name: 'fresh-provider' | 'three-customers'): string {
  return fileURLToPath(new URL(`./${name}.yml`, import.meta.url))
}

export const PROVIDER = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  subscriptionId: '5a000000-0000-4000-8000-000000000001',
  keyVault: 'kv-provider'
} as const

/** The automation identity: `client-id` / `tenant-id` of the action, trusted for the repo's main branch and PRs. */
export const AUTOMATION = {
  applicationId: '1a000000-0000-4000-8000-000000000001',
  appId: '1b000000-0000-4000-8000-000000000001',
  servicePrincipalId: '1c000000-0000-4000-8000-000000000001',
  uniqueName: 'contoso-automation'
} as const

/** The multi-tenant app of three-customers.yml. */
export const PROVIDER_APP = {
  applicationId: '2a000000-0000-4000-8000-000000000001',
  appId: '2b000000-0000-4000-8000-000000000001',
  servicePrincipalId: '2c000000-0000-4000-8000-000000000001',
  uniqueName: 'contoso-provider-access',
  passwordKeyId: '2e000000-0000-4000-8000-000000000001',
  secret: 'Qx7~seeded.provider.secret.2026-10-01',
  secretEndDateTime: '2027-12-30T00:00:00.000Z',
  redirectUri: 'https://contoso.example/onboarded'
} as const

export const GITHUB_SUBJECT_MAIN = 'repo:contoso/tenant-onboarding:ref:refs/heads/main'

export const FABRIKAM = {
  tenantId: '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b',
  servicePrincipalId: '7c000000-0000-4000-8000-000000000001',
  subscriptionId: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  readerAssignmentName: '7a000000-0000-4000-8000-000000000001'
} as const

export const NORTHWIND = {
  tenantId: '8e000000-0000-4000-8000-000000000001',
  subscriptionId: '8d000000-0000-4000-8000-000000000001'
} as const

export const TAILSPIN = {
  tenantId: '9e000000-0000-4000-8000-000000000001',
  servicePrincipalId: '9c000000-0000-4000-8000-000000000001',
  subscriptionId: '9d000000-0000-4000-8000-000000000001'
} as const
