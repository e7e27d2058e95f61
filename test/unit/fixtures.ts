/** Typed fixtures for the planner and the report builder. */
import type { Application } from '../../src/model/observed.js'
import type { TenantsConfig } from '../../src/model/config.js'

export const at = (line: number) => ({ line, column: 5 })

export const FABRIKAM = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
export const NORTHWIND = '2b7c9d0e-1f2a-4b3c-8d4e-5f6a7b8c9d0e'
export const SUBSCRIPTION = '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
export const READER = 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
export const RG_SCOPE = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-shared`

export function secretConfig(): TenantsConfig {
  return {
    file: '.github/tenants.yml',
    app: {
      uniqueName: 'contoso-provider-access',
      displayName: 'Contoso Provider Access',
      redirectUri: 'https://contoso.example/onboarded',
      credential: {
        kind: 'secret',
        keyVault: 'kv-provider',
        secretName: 'contoso-provider-access',
        lifetimeDays: 90,
        rotateBeforeDays: 30,
        overlapDays: 7,
        position: at(6)
      },
      federatedCredentials: [
        {
          name: 'github-main',
          issuer: 'https://token.actions.githubusercontent.com',
          subject: 'repo:contoso/tenant-onboarding:environment:production',
          position: at(13)
        }
      ],
      position: at(2)
    },
    tenants: [
      {
        name: 'Fabrikam',
        tenantId: FABRIKAM,
        position: at(18),
        roleAssignments: [{ scope: RG_SCOPE, role: 'Reader', roleDefinitionId: READER, position: at(21) }]
      },
      { name: 'Northwind', tenantId: NORTHWIND, position: at(23), roleAssignments: [] }
    ]
  }
}

export function existingApp(overrides: Partial<Application> = {}): Application {
  return {
    id: 'a0a0a0a0-0000-4000-8000-000000000001',
    appId: 'b1b1b1b1-0000-4000-8000-000000000002',
    uniqueName: 'contoso-provider-access',
    displayName: 'Contoso Provider Access',
    signInAudience: 'AzureADMultipleOrgs',
    redirectUris: ['https://contoso.example/onboarded'],
    passwordCredentials: [
      { keyId: 'k1', displayName: 'entra-tenant-bridge', startDateTime: null, endDateTime: null, hint: 'abc' }
    ],
    keyCredentials: [],
    federatedCredentials: [
      {
        id: 'f1',
        name: 'github-main',
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'repo:contoso/tenant-onboarding:environment:production',
        audiences: ['api://AzureADTokenExchange']
      }
    ],
    ...overrides
  }
}
