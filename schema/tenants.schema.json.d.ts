// Generated from tenants.schema.json by `npm run schema:declare`; do not edit.
// The schema as a literal type, for json-schema-to-ts (src/model/config.ts).
declare const tenantsSchema: {
  readonly $schema: 'https://json-schema.org/draft/2020-12/schema'
  readonly title: 'entra-tenant-bridge tenants file'
  readonly description: "The reviewed list of customer tenants that one multi-tenant Entra app reaches, with the app's credential and the Azure roles its service principal needs in each tenant. Point editors at this file with `# yaml-language-server: $schema=../schema/tenants.schema.json`."
  readonly type: 'object'
  readonly additionalProperties: false
  readonly required: readonly ['app', 'tenants']
  readonly properties: {
    readonly app: {
      readonly title: 'Multi-tenant app'
      readonly description: 'The one multi-tenant app registration in the provider tenant, created and owned by the automation identity.'
      readonly type: 'object'
      readonly additionalProperties: false
      readonly required: readonly ['uniqueName', 'displayName', 'redirectUri', 'credential']
      readonly properties: {
        readonly uniqueName: {
          readonly title: 'Unique name'
          readonly description: "Stable key the app is upserted by (PATCH /applications(uniqueName='…')). Letters, digits, '-', '_' and '.', at most 120 characters. Changing it creates a new app."
          readonly type: 'string'
          readonly pattern: '^[A-Za-z0-9._-]{1,120}$'
          readonly errorMessage: '1–120 letters, digits, "-", "_" or "." (the stable key the app is found by)'
        }
        readonly displayName: {
          readonly title: 'Display name'
          readonly description: 'The name customer admins see on the consent prompt. One line: no line breaks or control characters.'
          readonly type: 'string'
          readonly minLength: 1
          readonly maxLength: 256
          readonly pattern: '^[^\\u0000-\\u001f\\u007f]+$'
          readonly errorMessage: 'one line of text, at most 256 characters (the name customer admins see when they consent)'
        }
        readonly redirectUri: {
          readonly title: 'Redirect URI'
          readonly description: 'Where a customer admin lands after consenting: an https:// URL (or http://localhost… for local testing), registered as a web redirect URI on the app.'
          readonly type: 'string'
          readonly pattern: '^(?:https://[^\\s/?#]+(?:[/?#]\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\S*)?)$'
          readonly errorMessage: 'an https:// URL (or http://localhost… for local testing)'
        }
        readonly credential: {
          readonly title: 'App credential'
          readonly description: 'How the app authenticates in customer tenants: a client secret kept and rotated in the provider Key Vault (kind: secret) or federated credentials only (kind: federated).'
          readonly type: 'object'
          readonly additionalProperties: false
          readonly required: readonly ['kind']
          readonly properties: {
            readonly kind: {
              readonly title: 'Credential kind'
              readonly description: 'secret: a client secret rotated into keyVault/secretName. federated: secretless, through app.federatedCredentials.'
              readonly enum: readonly ['secret', 'federated']
              readonly errorMessage: '"secret" or "federated"'
            }
            readonly keyVault: {
              readonly title: 'Key Vault'
              readonly description: "The provider Key Vault holding the secret: a vault name (3–24 letters, digits and single hyphens, starting with a letter; the cloud's DNS suffix is appended) or a full https:// vault URL without path or query."
              readonly type: 'string'
              readonly pattern: '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$'
              readonly errorMessage: 'a Key Vault name (3–24 letters, digits and single hyphens, starting with a letter) or an https:// vault URL without path or query'
            }
            readonly secretName: {
              readonly title: 'Secret name'
              readonly description: "The Key Vault secret the app's client secret is stored under: 1–127 letters, digits and hyphens."
              readonly type: 'string'
              readonly pattern: '^[A-Za-z0-9-]{1,127}$'
              readonly errorMessage: '1–127 letters, digits and hyphens (a Key Vault secret name)'
            }
            readonly lifetimeDays: {
              readonly title: 'Secret lifetime (days)'
              readonly description: 'How long a new client secret lives, 1–730 days. Default 90.'
              readonly type: 'integer'
              readonly minimum: 1
              readonly maximum: 730
              readonly default: 90
              readonly errorMessage: 'a whole number of days from 1 to 730'
            }
            readonly rotateBeforeDays: {
              readonly title: 'Rotate before expiry (days)'
              readonly description: 'Rotate when the current secret expires within this many days; at least 1 and less than lifetimeDays. Default 30.'
              readonly type: 'integer'
              readonly minimum: 1
              readonly default: 30
              readonly errorMessage: 'a whole number of days, at least 1 and less than lifetimeDays'
            }
          }
          readonly if: {
            readonly properties: { readonly kind: { readonly const: 'secret' } }
            readonly required: readonly ['kind']
          }
          readonly then: {
            readonly required: readonly ['keyVault', 'secretName']
            readonly errorMessage: {
              readonly required: {
                readonly keyVault: 'kind: secret keeps the app secret in Key Vault; add keyVault: <vault name or https:// vault URL>'
                readonly secretName: 'kind: secret stores the app secret under this Key Vault secret name; add secretName: <name>'
              }
            }
          }
          readonly errorMessage: {
            readonly type: 'a mapping with kind: secret (plus keyVault and secretName) or kind: federated'
            readonly required: {
              readonly kind: 'add kind: secret (a client secret rotated in Key Vault) or kind: federated (secretless)'
            }
          }
        }
        readonly federatedCredentials: {
          readonly title: 'Federated credentials'
          readonly description: 'Federated identity credentials to ensure on the app (at most 20 per app). Required, with at least one entry, for credential kind federated.'
          readonly type: 'array'
          readonly maxItems: 20
          readonly items: {
            readonly title: 'Federated credential'
            readonly description: 'An external identity (a GitHub workflow, a managed identity, …) allowed to act as the app.'
            readonly type: 'object'
            readonly additionalProperties: false
            readonly required: readonly ['name', 'issuer', 'subject']
            readonly properties: {
              readonly name: {
                readonly title: 'Name'
                readonly description: "Unique per app and immutable: 3–120 letters, digits, '-' and '_', starting with a letter or digit."
                readonly type: 'string'
                readonly pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$'
                readonly errorMessage: '3–120 letters, digits, "-" and "_", starting with a letter or digit'
              }
              readonly issuer: {
                readonly title: 'Issuer'
                readonly description: "The external token's iss claim, an https:// URL (GitHub Actions: https://token.actions.githubusercontent.com). At most 600 characters."
                readonly type: 'string'
                readonly pattern: '^https://[^\\s/?#]+\\S*$'
                readonly maxLength: 600
                readonly errorMessage: 'an https:// URL of at most 600 characters (GitHub Actions: https://token.actions.githubusercontent.com)'
              }
              readonly subject: {
                readonly title: 'Subject'
                readonly description: "The external token's sub claim, matched exactly and case-sensitively (GitHub: repo:<owner>/<repo>:environment:<name>). At most 600 characters."
                readonly type: 'string'
                readonly minLength: 1
                readonly maxLength: 600
                readonly errorMessage: 'non-empty text of at most 600 characters, matched exactly against the token’s sub claim'
              }
              readonly audiences: {
                readonly title: 'Audiences'
                readonly description: "Exactly one audience. Omit it to use the cloud's token-exchange audience (api://AzureADTokenExchange in AzureCloud)."
                readonly type: 'array'
                readonly minItems: 1
                readonly maxItems: 1
                readonly items: {
                  readonly title: 'Audience'
                  readonly description: "The external token's aud claim."
                  readonly type: 'string'
                  readonly minLength: 1
                  readonly maxLength: 600
                  readonly errorMessage: 'non-empty text of at most 600 characters'
                }
                readonly errorMessage: 'a list of exactly one audience (omit it to use the cloud’s default, api://AzureADTokenExchange in AzureCloud)'
              }
              readonly description: {
                readonly title: 'Description'
                readonly description: 'Free text shown in Entra, at most 600 characters.'
                readonly type: 'string'
                readonly maxLength: 600
                readonly errorMessage: 'text of at most 600 characters'
              }
            }
            readonly errorMessage: {
              readonly type: 'a mapping with name, issuer and subject'
              readonly required: {
                readonly name: 'add a name, unique within the app, e.g. name: github-main'
                readonly issuer: 'add the external token’s issuer, e.g. issuer: https://token.actions.githubusercontent.com'
                readonly subject: 'add the external token’s subject, e.g. subject: repo:contoso/tenant-onboarding:environment:production'
              }
            }
          }
          readonly errorMessage: {
            readonly type: 'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"'
            readonly maxItems: 'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"'
          }
        }
      }
      readonly if: {
        readonly properties: {
          readonly credential: {
            readonly properties: { readonly kind: { readonly const: 'federated' } }
            readonly required: readonly ['kind']
            readonly type: 'object'
          }
        }
        readonly required: readonly ['credential']
      }
      readonly then: {
        readonly required: readonly ['federatedCredentials']
        readonly properties: {
          readonly federatedCredentials: {
            readonly minItems: 1
            readonly type: 'array'
            readonly errorMessage: 'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"'
          }
        }
        readonly errorMessage: {
          readonly required: {
            readonly federatedCredentials: 'credential kind "federated" needs at least one; add federatedCredentials, or use kind: secret'
          }
        }
      }
      readonly errorMessage: {
        readonly type: 'a mapping with uniqueName, displayName, redirectUri and credential'
        readonly required: {
          readonly uniqueName: 'add the stable key the app is upserted by, e.g. uniqueName: contoso-provider-access'
          readonly displayName: 'add the name customer admins see when they consent, e.g. displayName: Contoso Provider Access'
          readonly redirectUri: 'add the https:// page a customer admin lands on after consenting'
          readonly credential: 'add "credential:" with kind: secret (plus keyVault and secretName) or kind: federated'
        }
      }
    }
    readonly tenants: {
      readonly title: 'Customer tenants'
      readonly description: 'The customer tenants the app is reached in. May be empty.'
      readonly type: 'array'
      readonly items: {
        readonly title: 'Customer tenant'
        readonly description: "One customer tenant: its admin consents the app, then the app's service principal gets these role assignments."
        readonly type: 'object'
        readonly additionalProperties: false
        readonly required: readonly ['name', 'tenantId']
        readonly properties: {
          readonly name: {
            readonly title: 'Name'
            readonly description: "The customer's name, unique in this file (case-insensitive); shown in reports. One line: no line breaks or control characters."
            readonly type: 'string'
            readonly minLength: 1
            readonly maxLength: 256
            readonly pattern: '^[^\\u0000-\\u001f\\u007f]+$'
            readonly errorMessage: 'one line of text, at most 256 characters'
          }
          readonly tenantId: {
            readonly title: 'Tenant ID'
            readonly description: "The customer's Entra tenant ID, a GUID, unique in this file."
            readonly type: 'string'
            readonly pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
            readonly errorMessage: 'a GUID like 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
          }
          readonly roleAssignments: {
            readonly title: 'Role assignments'
            readonly description: "Azure roles the app's service principal needs in this tenant, each at one scope."
            readonly type: 'array'
            readonly items: {
              readonly title: 'Role assignment'
              readonly description: 'One role at one scope; each (scope, role) pair once per tenant.'
              readonly type: 'object'
              readonly additionalProperties: false
              readonly required: readonly ['scope', 'role']
              readonly properties: {
                readonly scope: {
                  readonly title: 'Scope'
                  readonly description: '/subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>…]] or /providers/Microsoft.Management/managementGroups/<id>.'
                  readonly type: 'string'
                  readonly pattern: '^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\s]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$'
                  readonly errorMessage: 'an Azure scope: /subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>]] or /providers/Microsoft.Management/managementGroups/<id>'
                }
                readonly role: {
                  readonly title: 'Role'
                  readonly description: 'A built-in role name (Owner, Contributor, Reader, User Access Administrator, Role Based Access Control Administrator, Key Vault Secrets Officer, Key Vault Secrets User, Key Vault Crypto Service Encryption User, Storage Blob Data Reader) or any role definition GUID (custom roles included).'
                  readonly type: 'string'
                  readonly minLength: 1
                  readonly errorMessage: 'a built-in role name or a role definition GUID'
                }
              }
              readonly errorMessage: {
                readonly type: 'a mapping with scope and role'
                readonly required: {
                  readonly scope: 'add the scope the role applies at, e.g. scope: /subscriptions/<guid>/resourceGroups/<name>'
                  readonly role: 'add a built-in role name (e.g. role: Reader) or a role definition GUID'
                }
              }
            }
            readonly errorMessage: { readonly type: 'a list of role assignments, each with scope and role' }
          }
        }
        readonly errorMessage: {
          readonly type: 'a mapping with name, tenantId and roleAssignments'
          readonly required: {
            readonly name: 'add the customer’s name, e.g. name: Fabrikam'
            readonly tenantId: 'add the customer’s Entra tenant ID (a GUID)'
          }
        }
      }
      readonly errorMessage: {
        readonly type: 'a list of tenants (lines starting with "- "; an empty list is written tenants: [])'
      }
    }
  }
  readonly errorMessage: {
    readonly type: 'a mapping with "app" and "tenants" (see examples/tenants.yml)'
    readonly required: {
      readonly app: 'add an "app:" mapping describing the multi-tenant app (see examples/tenants.yml)'
      readonly tenants: 'add "tenants:" with one entry per customer tenant (it may be empty: tenants: [])'
    }
  }
}
export default tenantsSchema
