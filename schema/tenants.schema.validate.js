// Generated from tenants.schema.json by `npm run schema:declare` (ajv standalone code); do not edit.
/* eslint-disable */
import * as runtime0Module from 'ajv/dist/runtime/ucs2length.js'
const runtime0 =
  typeof runtime0Module.default === 'function' ? runtime0Module.default : runtime0Module.default.default

export const validate = validate20
export default validate20
const schema31 = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'entra-tenant-bridge tenants file',
  description:
    "The reviewed list of customer tenants that one multi-tenant Entra app reaches, with the app's credential and the Azure roles its service principal needs in each tenant. Point editors at this file with `# yaml-language-server: $schema=../schema/tenants.schema.json`.",
  type: 'object',
  additionalProperties: false,
  required: ['app', 'tenants'],
  properties: {
    app: {
      title: 'Multi-tenant app',
      description:
        'The one multi-tenant app registration in the provider tenant, created and owned by the automation identity.',
      type: 'object',
      additionalProperties: false,
      required: ['uniqueName', 'displayName', 'redirectUri', 'credential'],
      properties: {
        uniqueName: {
          title: 'Unique name',
          description:
            "Stable key the app is upserted by (PATCH /applications(uniqueName='…')). Letters, digits, '-', '_' and '.', at most 120 characters. Changing it creates a new app.",
          type: 'string',
          pattern: '^[A-Za-z0-9._-]{1,120}$',
          errorMessage: '1–120 letters, digits, "-", "_" or "." (the stable key the app is found by)'
        },
        displayName: {
          title: 'Display name',
          description:
            'The name customer admins see on the consent prompt. One line: no line breaks or control characters.',
          type: 'string',
          minLength: 1,
          maxLength: 256,
          pattern: '^[^\\u0000-\\u001f\\u007f]+$',
          errorMessage:
            'one line of text, at most 256 characters (the name customer admins see when they consent)'
        },
        redirectUri: {
          title: 'Redirect URI',
          description:
            'Where a customer admin lands after consenting: an https:// URL (or http://localhost… for local testing), registered as a web redirect URI on the app.',
          type: 'string',
          pattern: '^(?:https://[^\\s/?#]+(?:[/?#]\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\S*)?)$',
          errorMessage: 'an https:// URL (or http://localhost… for local testing)'
        },
        credential: {
          title: 'App credential',
          description:
            'How the app authenticates in customer tenants: a client secret kept and rotated in the provider Key Vault (kind: secret) or federated credentials only (kind: federated).',
          type: 'object',
          additionalProperties: false,
          required: ['kind'],
          properties: {
            kind: {
              title: 'Credential kind',
              description:
                'secret: a client secret rotated into keyVault/secretName. federated: secretless, through app.federatedCredentials.',
              enum: ['secret', 'federated'],
              errorMessage: '"secret" or "federated"'
            },
            keyVault: {
              title: 'Key Vault',
              description:
                "The provider Key Vault holding the secret: a vault name (3–24 letters, digits and single hyphens, starting with a letter; the cloud's DNS suffix is appended) or a full https:// vault URL without path or query.",
              type: 'string',
              pattern:
                '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$',
              errorMessage:
                'a Key Vault name (3–24 letters, digits and single hyphens, starting with a letter) or an https:// vault URL without path or query'
            },
            secretName: {
              title: 'Secret name',
              description:
                "The Key Vault secret the app's client secret is stored under: 1–127 letters, digits and hyphens.",
              type: 'string',
              pattern: '^[A-Za-z0-9-]{1,127}$',
              errorMessage: '1–127 letters, digits and hyphens (a Key Vault secret name)'
            },
            lifetimeDays: {
              title: 'Secret lifetime (days)',
              description: 'How long a new client secret lives, 1–730 days. Default 90.',
              type: 'integer',
              minimum: 1,
              maximum: 730,
              default: 90,
              errorMessage: 'a whole number of days from 1 to 730'
            },
            overlapDays: {
              title: 'Overlap (days)',
              description:
                'After a new secret is proven and stored, the password it replaced stays valid this many days so running workloads pick up the new Key Vault version; then apply removes it and disables its Key Vault version. 0–729 and less than lifetimeDays. Default 7.',
              type: 'integer',
              minimum: 0,
              maximum: 729,
              default: 7,
              errorMessage: 'a whole number of days, at least 0 and less than lifetimeDays'
            },
            rotateBeforeDays: {
              title: 'Rotate before expiry (days)',
              description:
                'Rotate when the current secret expires within this many days; at least 1 and less than lifetimeDays. Default 30.',
              type: 'integer',
              minimum: 1,
              default: 30,
              errorMessage: 'a whole number of days, at least 1 and less than lifetimeDays'
            }
          },
          if: { properties: { kind: { const: 'secret' } }, required: ['kind'] },
          then: {
            required: ['keyVault', 'secretName'],
            errorMessage: {
              required: {
                keyVault:
                  'kind: secret keeps the app secret in Key Vault; add keyVault: <vault name or https:// vault URL>',
                secretName:
                  'kind: secret stores the app secret under this Key Vault secret name; add secretName: <name>'
              }
            }
          },
          errorMessage: {
            type: 'a mapping with kind: secret (plus keyVault and secretName) or kind: federated',
            required: {
              kind: 'add kind: secret (a client secret rotated in Key Vault) or kind: federated (secretless)'
            }
          }
        },
        federatedCredentials: {
          title: 'Federated credentials',
          description:
            'Federated identity credentials to ensure on the app (at most 20 per app). Required, with at least one entry, for credential kind federated.',
          type: 'array',
          maxItems: 20,
          items: {
            title: 'Federated credential',
            description:
              'An external identity (a GitHub workflow, a managed identity, …) allowed to act as the app.',
            type: 'object',
            additionalProperties: false,
            required: ['name', 'issuer', 'subject'],
            properties: {
              name: {
                title: 'Name',
                description:
                  "Unique per app and immutable: 3–120 letters, digits, '-' and '_', starting with a letter or digit.",
                type: 'string',
                pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$',
                errorMessage: '3–120 letters, digits, "-" and "_", starting with a letter or digit'
              },
              issuer: {
                title: 'Issuer',
                description:
                  "The external token's iss claim, an https:// URL (GitHub Actions: https://token.actions.githubusercontent.com). At most 600 characters.",
                type: 'string',
                pattern: '^https://[^\\s/?#]+\\S*$',
                maxLength: 600,
                errorMessage:
                  'an https:// URL of at most 600 characters (GitHub Actions: https://token.actions.githubusercontent.com)'
              },
              subject: {
                title: 'Subject',
                description:
                  "The external token's sub claim, matched exactly and case-sensitively (GitHub: repo:<owner>/<repo>:environment:<name>). At most 600 characters.",
                type: 'string',
                minLength: 1,
                maxLength: 600,
                errorMessage:
                  'non-empty text of at most 600 characters, matched exactly against the token’s sub claim'
              },
              audiences: {
                title: 'Audiences',
                description:
                  "Exactly one audience. Omit it to use the cloud's token-exchange audience (api://AzureADTokenExchange in AzureCloud).",
                type: 'array',
                minItems: 1,
                maxItems: 1,
                items: {
                  title: 'Audience',
                  description: "The external token's aud claim.",
                  type: 'string',
                  minLength: 1,
                  maxLength: 600,
                  errorMessage: 'non-empty text of at most 600 characters'
                },
                errorMessage:
                  'a list of exactly one audience (omit it to use the cloud’s default, api://AzureADTokenExchange in AzureCloud)'
              },
              description: {
                title: 'Description',
                description: 'Free text shown in Entra, at most 600 characters.',
                type: 'string',
                maxLength: 600,
                errorMessage: 'text of at most 600 characters'
              }
            },
            errorMessage: {
              type: 'a mapping with name, issuer and subject',
              required: {
                name: 'add a name, unique within the app, e.g. name: github-main',
                issuer:
                  'add the external token’s issuer, e.g. issuer: https://token.actions.githubusercontent.com',
                subject:
                  'add the external token’s subject, e.g. subject: repo:contoso/tenant-onboarding:environment:production'
              }
            }
          },
          errorMessage: {
            type: 'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"',
            maxItems:
              'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"'
          }
        }
      },
      if: {
        properties: {
          credential: { properties: { kind: { const: 'federated' } }, required: ['kind'], type: 'object' }
        },
        required: ['credential']
      },
      then: {
        required: ['federatedCredentials'],
        properties: {
          federatedCredentials: {
            minItems: 1,
            type: 'array',
            errorMessage:
              'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"'
          }
        },
        errorMessage: {
          required: {
            federatedCredentials:
              'credential kind "federated" needs at least one; add federatedCredentials, or use kind: secret'
          }
        }
      },
      errorMessage: {
        type: 'a mapping with uniqueName, displayName, redirectUri and credential',
        required: {
          uniqueName: 'add the stable key the app is upserted by, e.g. uniqueName: contoso-provider-access',
          displayName:
            'add the name customer admins see when they consent, e.g. displayName: Contoso Provider Access',
          redirectUri: 'add the https:// page a customer admin lands on after consenting',
          credential: 'add "credential:" with kind: secret (plus keyVault and secretName) or kind: federated'
        }
      }
    },
    tenants: {
      title: 'Customer tenants',
      description: 'The customer tenants the app is reached in. May be empty.',
      type: 'array',
      items: {
        title: 'Customer tenant',
        description:
          "One customer tenant: its admin consents the app, then the app's service principal gets these role assignments.",
        type: 'object',
        additionalProperties: false,
        required: ['name', 'tenantId'],
        properties: {
          name: {
            title: 'Name',
            description:
              "The customer's name, unique in this file (case-insensitive); shown in reports. One line: no line breaks or control characters.",
            type: 'string',
            minLength: 1,
            maxLength: 256,
            pattern: '^[^\\u0000-\\u001f\\u007f]+$',
            errorMessage: 'one line of text, at most 256 characters'
          },
          tenantId: {
            title: 'Tenant ID',
            description: "The customer's Entra tenant ID, a GUID, unique in this file.",
            type: 'string',
            pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$',
            errorMessage: 'a GUID like 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'
          },
          roleAssignments: {
            title: 'Role assignments',
            description: "Azure roles the app's service principal needs in this tenant, each at one scope.",
            type: 'array',
            items: {
              title: 'Role assignment',
              description: 'One role at one scope; each (scope, role) pair once per tenant.',
              type: 'object',
              additionalProperties: false,
              required: ['scope', 'role'],
              properties: {
                scope: {
                  title: 'Scope',
                  description:
                    '/subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>…]] or /providers/Microsoft.Management/managementGroups/<id>.',
                  type: 'string',
                  pattern:
                    '^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\s]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$',
                  errorMessage:
                    'an Azure scope: /subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>]] or /providers/Microsoft.Management/managementGroups/<id>'
                },
                role: {
                  title: 'Role',
                  description:
                    'Any Azure built-in role by name (e.g. Reader, Key Vault Secrets User, Storage Blob Data Reader) or by role definition GUID; a custom role by GUID or by its name (resolved in the customer tenant).',
                  type: 'string',
                  minLength: 1,
                  errorMessage: 'a built-in role name or a role definition GUID'
                }
              },
              errorMessage: {
                type: 'a mapping with scope and role',
                required: {
                  scope:
                    'add the scope the role applies at, e.g. scope: /subscriptions/<guid>/resourceGroups/<name>',
                  role: 'add a built-in role name (e.g. role: Reader) or a role definition GUID'
                }
              }
            },
            errorMessage: { type: 'a list of role assignments, each with scope and role' }
          },
          onboarding: {
            title: 'Onboarding',
            description:
              'true while the customer is being onboarded: not consented yet is expected (needs-consent, not drift). The plan proposes removing it once consent, every role and every probe are verified; without it, a tenant that is not consented has drifted.',
            type: 'boolean'
          },
          prune: {
            title: 'Prune',
            description:
              "true: apply removes role assignments of the app's service principal that this file does not list (the plan lists each one first).",
            type: 'boolean'
          },
          probes: {
            title: 'Probes',
            description:
              "Data-plane proofs that the app reaches the customer's services, run as the app in this tenant. Each reports verified, denied (with the code) or error.",
            type: 'array',
            items: {
              title: 'Probe',
              description:
                "keyVault + secret: read the secret's attributes (never its value). arm: GET a subscription or resource group.",
              oneOf: [
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['keyVault', 'secret'],
                  properties: {
                    keyVault: {
                      title: 'Key Vault',
                      description:
                        "The customer's vault: a vault name (the cloud's DNS suffix is appended) or a full https:// vault URL.",
                      type: 'string',
                      pattern:
                        '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$'
                    },
                    secret: {
                      title: 'Secret name',
                      description:
                        'A secret in that vault whose attributes the app must be able to read: 1–127 letters, digits and hyphens.',
                      type: 'string',
                      pattern: '^[A-Za-z0-9-]{1,127}$'
                    }
                  }
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['arm'],
                  properties: {
                    arm: {
                      title: 'ARM scope',
                      description:
                        '/subscriptions/<guid>/resourceGroups/<name>: the app must be able to read it.',
                      type: 'string',
                      pattern:
                        '^/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]/?$'
                    }
                  }
                }
              ]
            }
          }
        },
        errorMessage: {
          type: 'a mapping with name, tenantId and roleAssignments',
          required: {
            name: 'add the customer’s name, e.g. name: Fabrikam',
            tenantId: 'add the customer’s Entra tenant ID (a GUID)'
          }
        }
      },
      errorMessage: {
        type: 'a list of tenants (lines starting with "- "; an empty list is written tenants: [])'
      }
    }
  },
  errorMessage: {
    type: 'a mapping with "app" and "tenants" (see examples/tenants.yml)',
    required: {
      app: 'add an "app:" mapping describing the multi-tenant app (see examples/tenants.yml)',
      tenants: 'add "tenants:" with one entry per customer tenant (it may be empty: tenants: [])'
    }
  }
}
const pattern4 = new RegExp('^[A-Za-z0-9._-]{1,120}$', 'u')
const pattern5 = new RegExp('^[^\\u0000-\\u001f\\u007f]+$', 'u')
const pattern6 = new RegExp(
  '^(?:https://[^\\s/?#]+(?:[/?#]\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\S*)?)$',
  'u'
)
const pattern7 = new RegExp(
  '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$',
  'u'
)
const pattern8 = new RegExp('^[A-Za-z0-9-]{1,127}$', 'u')
const pattern9 = new RegExp('^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$', 'u')
const pattern10 = new RegExp('^https://[^\\s/?#]+\\S*$', 'u')
const pattern12 = new RegExp(
  '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$',
  'u'
)
const pattern13 = new RegExp(
  '^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\s]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$',
  'u'
)
const pattern16 = new RegExp(
  '^/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]/?$',
  'u'
)
const func1 = runtime0

function validate20(
  data,
  { instancePath = '', parentData, parentDataProperty, rootData = data, dynamicAnchors = {} } = {}
) {
  let vErrors = null
  let errors = 0
  const evaluated0 = validate20.evaluated
  if (evaluated0.dynamicProps) {
    evaluated0.props = undefined
  }
  if (evaluated0.dynamicItems) {
    evaluated0.items = undefined
  }
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.app === undefined) {
      const err0 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'app' },
        message: "must have required property '" + 'app' + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data
      }
      if (vErrors === null) {
        vErrors = [err0]
      } else {
        vErrors.push(err0)
      }
      errors++
    }
    if (data.tenants === undefined) {
      const err1 = {
        instancePath,
        schemaPath: '#/required',
        keyword: 'required',
        params: { missingProperty: 'tenants' },
        message: "must have required property '" + 'tenants' + "'",
        schema: schema31.required,
        parentSchema: schema31,
        data
      }
      if (vErrors === null) {
        vErrors = [err1]
      } else {
        vErrors.push(err1)
      }
      errors++
    }
    for (const key0 in data) {
      if (!(key0 === 'app' || key0 === 'tenants')) {
        const err2 = {
          instancePath,
          schemaPath: '#/additionalProperties',
          keyword: 'additionalProperties',
          params: { additionalProperty: key0 },
          message: 'must NOT have additional properties',
          schema: false,
          parentSchema: schema31,
          data
        }
        if (vErrors === null) {
          vErrors = [err2]
        } else {
          vErrors.push(err2)
        }
        errors++
      }
    }
    if (data.app !== undefined) {
      let data0 = data.app
      const _errs5 = errors
      let valid1 = true
      const _errs6 = errors
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        let missing0
        if (data0.credential === undefined && (missing0 = 'credential')) {
          const err3 = {}
          if (vErrors === null) {
            vErrors = [err3]
          } else {
            vErrors.push(err3)
          }
          errors++
        } else {
          if (data0.credential !== undefined) {
            let data1 = data0.credential
            const _errs7 = errors
            if (errors === _errs7) {
              if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
                let missing1
                if (data1.kind === undefined && (missing1 = 'kind')) {
                  const err4 = {}
                  if (vErrors === null) {
                    vErrors = [err4]
                  } else {
                    vErrors.push(err4)
                  }
                  errors++
                } else {
                  if (data1.kind !== undefined) {
                    if ('federated' !== data1.kind) {
                      const err5 = {}
                      if (vErrors === null) {
                        vErrors = [err5]
                      } else {
                        vErrors.push(err5)
                      }
                      errors++
                    }
                  }
                }
              } else {
                const err6 = {}
                if (vErrors === null) {
                  vErrors = [err6]
                } else {
                  vErrors.push(err6)
                }
                errors++
              }
            }
          }
        }
      }
      var _valid0 = _errs6 === errors
      errors = _errs5
      if (vErrors !== null) {
        if (_errs5) {
          vErrors.length = _errs5
        } else {
          vErrors = null
        }
      }
      if (_valid0) {
        const _errs10 = errors
        if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
          if (data0.federatedCredentials === undefined) {
            const err7 = {
              instancePath: instancePath + '/app',
              schemaPath: '#/properties/app/then/required',
              keyword: 'required',
              params: { missingProperty: 'federatedCredentials' },
              message: "must have required property '" + 'federatedCredentials' + "'",
              schema: schema31.properties.app.then.required,
              parentSchema: schema31.properties.app.then,
              data: data0
            }
            if (vErrors === null) {
              vErrors = [err7]
            } else {
              vErrors.push(err7)
            }
            errors++
          }
          if (data0.federatedCredentials !== undefined) {
            let data3 = data0.federatedCredentials
            if (Array.isArray(data3)) {
              if (data3.length < 1) {
                const err8 = {
                  instancePath: instancePath + '/app/federatedCredentials',
                  schemaPath: '#/properties/app/then/properties/federatedCredentials/minItems',
                  keyword: 'minItems',
                  params: { limit: 1 },
                  message: 'must NOT have fewer than 1 items',
                  schema: 1,
                  parentSchema: schema31.properties.app.then.properties.federatedCredentials,
                  data: data3
                }
                if (vErrors === null) {
                  vErrors = [err8]
                } else {
                  vErrors.push(err8)
                }
                errors++
              }
            } else {
              const err9 = {
                instancePath: instancePath + '/app/federatedCredentials',
                schemaPath: '#/properties/app/then/properties/federatedCredentials/type',
                keyword: 'type',
                params: { type: 'array' },
                message: 'must be array',
                schema: schema31.properties.app.then.properties.federatedCredentials.type,
                parentSchema: schema31.properties.app.then.properties.federatedCredentials,
                data: data3
              }
              if (vErrors === null) {
                vErrors = [err9]
              } else {
                vErrors.push(err9)
              }
              errors++
            }
          }
        }
        var _valid0 = _errs10 === errors
        valid1 = _valid0
        if (valid1) {
          var props0 = {}
          props0.federatedCredentials = true
          props0.credential = true
        }
      }
      if (!valid1) {
        const err10 = {
          instancePath: instancePath + '/app',
          schemaPath: '#/properties/app/if',
          keyword: 'if',
          params: { failingKeyword: 'then' },
          message: 'must match "then" schema',
          schema: schema31.properties.app.if,
          parentSchema: schema31.properties.app,
          data: data0
        }
        if (vErrors === null) {
          vErrors = [err10]
        } else {
          vErrors.push(err10)
        }
        errors++
      }
      if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
        if (data0.uniqueName === undefined) {
          const err11 = {
            instancePath: instancePath + '/app',
            schemaPath: '#/properties/app/required',
            keyword: 'required',
            params: { missingProperty: 'uniqueName' },
            message: "must have required property '" + 'uniqueName' + "'",
            schema: schema31.properties.app.required,
            parentSchema: schema31.properties.app,
            data: data0
          }
          if (vErrors === null) {
            vErrors = [err11]
          } else {
            vErrors.push(err11)
          }
          errors++
        }
        if (data0.displayName === undefined) {
          const err12 = {
            instancePath: instancePath + '/app',
            schemaPath: '#/properties/app/required',
            keyword: 'required',
            params: { missingProperty: 'displayName' },
            message: "must have required property '" + 'displayName' + "'",
            schema: schema31.properties.app.required,
            parentSchema: schema31.properties.app,
            data: data0
          }
          if (vErrors === null) {
            vErrors = [err12]
          } else {
            vErrors.push(err12)
          }
          errors++
        }
        if (data0.redirectUri === undefined) {
          const err13 = {
            instancePath: instancePath + '/app',
            schemaPath: '#/properties/app/required',
            keyword: 'required',
            params: { missingProperty: 'redirectUri' },
            message: "must have required property '" + 'redirectUri' + "'",
            schema: schema31.properties.app.required,
            parentSchema: schema31.properties.app,
            data: data0
          }
          if (vErrors === null) {
            vErrors = [err13]
          } else {
            vErrors.push(err13)
          }
          errors++
        }
        if (data0.credential === undefined) {
          const err14 = {
            instancePath: instancePath + '/app',
            schemaPath: '#/properties/app/required',
            keyword: 'required',
            params: { missingProperty: 'credential' },
            message: "must have required property '" + 'credential' + "'",
            schema: schema31.properties.app.required,
            parentSchema: schema31.properties.app,
            data: data0
          }
          if (vErrors === null) {
            vErrors = [err14]
          } else {
            vErrors.push(err14)
          }
          errors++
        }
        for (const key1 in data0) {
          if (!(
            key1 === 'uniqueName' ||
            key1 === 'displayName' ||
            key1 === 'redirectUri' ||
            key1 === 'credential' ||
            key1 === 'federatedCredentials'
          )) {
            const err15 = {
              instancePath: instancePath + '/app',
              schemaPath: '#/properties/app/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key1 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema31.properties.app,
              data: data0
            }
            if (vErrors === null) {
              vErrors = [err15]
            } else {
              vErrors.push(err15)
            }
            errors++
          }
        }
        if (data0.uniqueName !== undefined) {
          let data4 = data0.uniqueName
          if (typeof data4 === 'string') {
            if (!pattern4.test(data4)) {
              const err16 = {
                instancePath: instancePath + '/app/uniqueName',
                schemaPath: '#/properties/app/properties/uniqueName/pattern',
                keyword: 'pattern',
                params: { pattern: '^[A-Za-z0-9._-]{1,120}$' },
                message: 'must match pattern "' + '^[A-Za-z0-9._-]{1,120}$' + '"',
                schema: '^[A-Za-z0-9._-]{1,120}$',
                parentSchema: schema31.properties.app.properties.uniqueName,
                data: data4
              }
              if (vErrors === null) {
                vErrors = [err16]
              } else {
                vErrors.push(err16)
              }
              errors++
            }
          } else {
            const err17 = {
              instancePath: instancePath + '/app/uniqueName',
              schemaPath: '#/properties/app/properties/uniqueName/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema31.properties.app.properties.uniqueName.type,
              parentSchema: schema31.properties.app.properties.uniqueName,
              data: data4
            }
            if (vErrors === null) {
              vErrors = [err17]
            } else {
              vErrors.push(err17)
            }
            errors++
          }
        }
        if (data0.displayName !== undefined) {
          let data5 = data0.displayName
          if (typeof data5 === 'string') {
            if (func1(data5) > 256) {
              const err18 = {
                instancePath: instancePath + '/app/displayName',
                schemaPath: '#/properties/app/properties/displayName/maxLength',
                keyword: 'maxLength',
                params: { limit: 256 },
                message: 'must NOT have more than 256 characters',
                schema: 256,
                parentSchema: schema31.properties.app.properties.displayName,
                data: data5
              }
              if (vErrors === null) {
                vErrors = [err18]
              } else {
                vErrors.push(err18)
              }
              errors++
            }
            if (func1(data5) < 1) {
              const err19 = {
                instancePath: instancePath + '/app/displayName',
                schemaPath: '#/properties/app/properties/displayName/minLength',
                keyword: 'minLength',
                params: { limit: 1 },
                message: 'must NOT have fewer than 1 characters',
                schema: 1,
                parentSchema: schema31.properties.app.properties.displayName,
                data: data5
              }
              if (vErrors === null) {
                vErrors = [err19]
              } else {
                vErrors.push(err19)
              }
              errors++
            }
            if (!pattern5.test(data5)) {
              const err20 = {
                instancePath: instancePath + '/app/displayName',
                schemaPath: '#/properties/app/properties/displayName/pattern',
                keyword: 'pattern',
                params: { pattern: '^[^\\u0000-\\u001f\\u007f]+$' },
                message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f]+$' + '"',
                schema: '^[^\\u0000-\\u001f\\u007f]+$',
                parentSchema: schema31.properties.app.properties.displayName,
                data: data5
              }
              if (vErrors === null) {
                vErrors = [err20]
              } else {
                vErrors.push(err20)
              }
              errors++
            }
          } else {
            const err21 = {
              instancePath: instancePath + '/app/displayName',
              schemaPath: '#/properties/app/properties/displayName/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema31.properties.app.properties.displayName.type,
              parentSchema: schema31.properties.app.properties.displayName,
              data: data5
            }
            if (vErrors === null) {
              vErrors = [err21]
            } else {
              vErrors.push(err21)
            }
            errors++
          }
        }
        if (data0.redirectUri !== undefined) {
          let data6 = data0.redirectUri
          if (typeof data6 === 'string') {
            if (!pattern6.test(data6)) {
              const err22 = {
                instancePath: instancePath + '/app/redirectUri',
                schemaPath: '#/properties/app/properties/redirectUri/pattern',
                keyword: 'pattern',
                params: {
                  pattern:
                    '^(?:https://[^\\s/?#]+(?:[/?#]\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\S*)?)$'
                },
                message:
                  'must match pattern "' +
                  '^(?:https://[^\\s/?#]+(?:[/?#]\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\S*)?)$' +
                  '"',
                schema:
                  '^(?:https://[^\\s/?#]+(?:[/?#]\\S*)?|http://localhost(?::[0-9]{1,5})?(?:[/?#]\\S*)?)$',
                parentSchema: schema31.properties.app.properties.redirectUri,
                data: data6
              }
              if (vErrors === null) {
                vErrors = [err22]
              } else {
                vErrors.push(err22)
              }
              errors++
            }
          } else {
            const err23 = {
              instancePath: instancePath + '/app/redirectUri',
              schemaPath: '#/properties/app/properties/redirectUri/type',
              keyword: 'type',
              params: { type: 'string' },
              message: 'must be string',
              schema: schema31.properties.app.properties.redirectUri.type,
              parentSchema: schema31.properties.app.properties.redirectUri,
              data: data6
            }
            if (vErrors === null) {
              vErrors = [err23]
            } else {
              vErrors.push(err23)
            }
            errors++
          }
        }
        if (data0.credential !== undefined) {
          let data7 = data0.credential
          const _errs28 = errors
          let valid6 = true
          const _errs29 = errors
          if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
            let missing2
            if (data7.kind === undefined && (missing2 = 'kind')) {
              const err24 = {}
              if (vErrors === null) {
                vErrors = [err24]
              } else {
                vErrors.push(err24)
              }
              errors++
            } else {
              if (data7.kind !== undefined) {
                if ('secret' !== data7.kind) {
                  const err25 = {}
                  if (vErrors === null) {
                    vErrors = [err25]
                  } else {
                    vErrors.push(err25)
                  }
                  errors++
                }
              }
            }
          }
          var _valid1 = _errs29 === errors
          errors = _errs28
          if (vErrors !== null) {
            if (_errs28) {
              vErrors.length = _errs28
            } else {
              vErrors = null
            }
          }
          if (_valid1) {
            const _errs31 = errors
            if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
              if (data7.keyVault === undefined) {
                const err26 = {
                  instancePath: instancePath + '/app/credential',
                  schemaPath: '#/properties/app/properties/credential/then/required',
                  keyword: 'required',
                  params: { missingProperty: 'keyVault' },
                  message: "must have required property '" + 'keyVault' + "'",
                  schema: schema31.properties.app.properties.credential.then.required,
                  parentSchema: schema31.properties.app.properties.credential.then,
                  data: data7
                }
                if (vErrors === null) {
                  vErrors = [err26]
                } else {
                  vErrors.push(err26)
                }
                errors++
              }
              if (data7.secretName === undefined) {
                const err27 = {
                  instancePath: instancePath + '/app/credential',
                  schemaPath: '#/properties/app/properties/credential/then/required',
                  keyword: 'required',
                  params: { missingProperty: 'secretName' },
                  message: "must have required property '" + 'secretName' + "'",
                  schema: schema31.properties.app.properties.credential.then.required,
                  parentSchema: schema31.properties.app.properties.credential.then,
                  data: data7
                }
                if (vErrors === null) {
                  vErrors = [err27]
                } else {
                  vErrors.push(err27)
                }
                errors++
              }
            }
            var _valid1 = _errs31 === errors
            valid6 = _valid1
          }
          if (!valid6) {
            const err28 = {
              instancePath: instancePath + '/app/credential',
              schemaPath: '#/properties/app/properties/credential/if',
              keyword: 'if',
              params: { failingKeyword: 'then' },
              message: 'must match "then" schema',
              schema: schema31.properties.app.properties.credential.if,
              parentSchema: schema31.properties.app.properties.credential,
              data: data7
            }
            if (vErrors === null) {
              vErrors = [err28]
            } else {
              vErrors.push(err28)
            }
            errors++
          }
          if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
            if (data7.kind === undefined) {
              const err29 = {
                instancePath: instancePath + '/app/credential',
                schemaPath: '#/properties/app/properties/credential/required',
                keyword: 'required',
                params: { missingProperty: 'kind' },
                message: "must have required property '" + 'kind' + "'",
                schema: schema31.properties.app.properties.credential.required,
                parentSchema: schema31.properties.app.properties.credential,
                data: data7
              }
              if (vErrors === null) {
                vErrors = [err29]
              } else {
                vErrors.push(err29)
              }
              errors++
            }
            for (const key2 in data7) {
              if (!(
                key2 === 'kind' ||
                key2 === 'keyVault' ||
                key2 === 'secretName' ||
                key2 === 'lifetimeDays' ||
                key2 === 'overlapDays' ||
                key2 === 'rotateBeforeDays'
              )) {
                const err30 = {
                  instancePath: instancePath + '/app/credential',
                  schemaPath: '#/properties/app/properties/credential/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key2 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31.properties.app.properties.credential,
                  data: data7
                }
                if (vErrors === null) {
                  vErrors = [err30]
                } else {
                  vErrors.push(err30)
                }
                errors++
              }
            }
            if (data7.kind !== undefined) {
              let data9 = data7.kind
              if (!(data9 === 'secret' || data9 === 'federated')) {
                const err31 = {
                  instancePath: instancePath + '/app/credential/kind',
                  schemaPath: '#/properties/app/properties/credential/properties/kind/enum',
                  keyword: 'enum',
                  params: {
                    allowedValues: schema31.properties.app.properties.credential.properties.kind.enum
                  },
                  message: 'must be equal to one of the allowed values',
                  schema: schema31.properties.app.properties.credential.properties.kind.enum,
                  parentSchema: schema31.properties.app.properties.credential.properties.kind,
                  data: data9
                }
                if (vErrors === null) {
                  vErrors = [err31]
                } else {
                  vErrors.push(err31)
                }
                errors++
              }
            }
            if (data7.keyVault !== undefined) {
              let data10 = data7.keyVault
              if (typeof data10 === 'string') {
                if (!pattern7.test(data10)) {
                  const err32 = {
                    instancePath: instancePath + '/app/credential/keyVault',
                    schemaPath: '#/properties/app/properties/credential/properties/keyVault/pattern',
                    keyword: 'pattern',
                    params: {
                      pattern:
                        '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$'
                    },
                    message:
                      'must match pattern "' +
                      '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$' +
                      '"',
                    schema:
                      '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$',
                    parentSchema: schema31.properties.app.properties.credential.properties.keyVault,
                    data: data10
                  }
                  if (vErrors === null) {
                    vErrors = [err32]
                  } else {
                    vErrors.push(err32)
                  }
                  errors++
                }
              } else {
                const err33 = {
                  instancePath: instancePath + '/app/credential/keyVault',
                  schemaPath: '#/properties/app/properties/credential/properties/keyVault/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.app.properties.credential.properties.keyVault.type,
                  parentSchema: schema31.properties.app.properties.credential.properties.keyVault,
                  data: data10
                }
                if (vErrors === null) {
                  vErrors = [err33]
                } else {
                  vErrors.push(err33)
                }
                errors++
              }
            }
            if (data7.secretName !== undefined) {
              let data11 = data7.secretName
              if (typeof data11 === 'string') {
                if (!pattern8.test(data11)) {
                  const err34 = {
                    instancePath: instancePath + '/app/credential/secretName',
                    schemaPath: '#/properties/app/properties/credential/properties/secretName/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[A-Za-z0-9-]{1,127}$' },
                    message: 'must match pattern "' + '^[A-Za-z0-9-]{1,127}$' + '"',
                    schema: '^[A-Za-z0-9-]{1,127}$',
                    parentSchema: schema31.properties.app.properties.credential.properties.secretName,
                    data: data11
                  }
                  if (vErrors === null) {
                    vErrors = [err34]
                  } else {
                    vErrors.push(err34)
                  }
                  errors++
                }
              } else {
                const err35 = {
                  instancePath: instancePath + '/app/credential/secretName',
                  schemaPath: '#/properties/app/properties/credential/properties/secretName/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.app.properties.credential.properties.secretName.type,
                  parentSchema: schema31.properties.app.properties.credential.properties.secretName,
                  data: data11
                }
                if (vErrors === null) {
                  vErrors = [err35]
                } else {
                  vErrors.push(err35)
                }
                errors++
              }
            }
            if (data7.lifetimeDays !== undefined) {
              let data12 = data7.lifetimeDays
              if (!(typeof data12 == 'number' && !(data12 % 1) && !isNaN(data12) && isFinite(data12))) {
                const err36 = {
                  instancePath: instancePath + '/app/credential/lifetimeDays',
                  schemaPath: '#/properties/app/properties/credential/properties/lifetimeDays/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.app.properties.credential.properties.lifetimeDays.type,
                  parentSchema: schema31.properties.app.properties.credential.properties.lifetimeDays,
                  data: data12
                }
                if (vErrors === null) {
                  vErrors = [err36]
                } else {
                  vErrors.push(err36)
                }
                errors++
              }
              if (typeof data12 == 'number' && isFinite(data12)) {
                if (data12 > 730 || isNaN(data12)) {
                  const err37 = {
                    instancePath: instancePath + '/app/credential/lifetimeDays',
                    schemaPath: '#/properties/app/properties/credential/properties/lifetimeDays/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 730 },
                    message: 'must be <= 730',
                    schema: 730,
                    parentSchema: schema31.properties.app.properties.credential.properties.lifetimeDays,
                    data: data12
                  }
                  if (vErrors === null) {
                    vErrors = [err37]
                  } else {
                    vErrors.push(err37)
                  }
                  errors++
                }
                if (data12 < 1 || isNaN(data12)) {
                  const err38 = {
                    instancePath: instancePath + '/app/credential/lifetimeDays',
                    schemaPath: '#/properties/app/properties/credential/properties/lifetimeDays/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema31.properties.app.properties.credential.properties.lifetimeDays,
                    data: data12
                  }
                  if (vErrors === null) {
                    vErrors = [err38]
                  } else {
                    vErrors.push(err38)
                  }
                  errors++
                }
              }
            }
            if (data7.overlapDays !== undefined) {
              let data13 = data7.overlapDays
              if (!(typeof data13 == 'number' && !(data13 % 1) && !isNaN(data13) && isFinite(data13))) {
                const err39 = {
                  instancePath: instancePath + '/app/credential/overlapDays',
                  schemaPath: '#/properties/app/properties/credential/properties/overlapDays/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.app.properties.credential.properties.overlapDays.type,
                  parentSchema: schema31.properties.app.properties.credential.properties.overlapDays,
                  data: data13
                }
                if (vErrors === null) {
                  vErrors = [err39]
                } else {
                  vErrors.push(err39)
                }
                errors++
              }
              if (typeof data13 == 'number' && isFinite(data13)) {
                if (data13 > 729 || isNaN(data13)) {
                  const err40 = {
                    instancePath: instancePath + '/app/credential/overlapDays',
                    schemaPath: '#/properties/app/properties/credential/properties/overlapDays/maximum',
                    keyword: 'maximum',
                    params: { comparison: '<=', limit: 729 },
                    message: 'must be <= 729',
                    schema: 729,
                    parentSchema: schema31.properties.app.properties.credential.properties.overlapDays,
                    data: data13
                  }
                  if (vErrors === null) {
                    vErrors = [err40]
                  } else {
                    vErrors.push(err40)
                  }
                  errors++
                }
                if (data13 < 0 || isNaN(data13)) {
                  const err41 = {
                    instancePath: instancePath + '/app/credential/overlapDays',
                    schemaPath: '#/properties/app/properties/credential/properties/overlapDays/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 0 },
                    message: 'must be >= 0',
                    schema: 0,
                    parentSchema: schema31.properties.app.properties.credential.properties.overlapDays,
                    data: data13
                  }
                  if (vErrors === null) {
                    vErrors = [err41]
                  } else {
                    vErrors.push(err41)
                  }
                  errors++
                }
              }
            }
            if (data7.rotateBeforeDays !== undefined) {
              let data14 = data7.rotateBeforeDays
              if (!(typeof data14 == 'number' && !(data14 % 1) && !isNaN(data14) && isFinite(data14))) {
                const err42 = {
                  instancePath: instancePath + '/app/credential/rotateBeforeDays',
                  schemaPath: '#/properties/app/properties/credential/properties/rotateBeforeDays/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                  schema: schema31.properties.app.properties.credential.properties.rotateBeforeDays.type,
                  parentSchema: schema31.properties.app.properties.credential.properties.rotateBeforeDays,
                  data: data14
                }
                if (vErrors === null) {
                  vErrors = [err42]
                } else {
                  vErrors.push(err42)
                }
                errors++
              }
              if (typeof data14 == 'number' && isFinite(data14)) {
                if (data14 < 1 || isNaN(data14)) {
                  const err43 = {
                    instancePath: instancePath + '/app/credential/rotateBeforeDays',
                    schemaPath: '#/properties/app/properties/credential/properties/rotateBeforeDays/minimum',
                    keyword: 'minimum',
                    params: { comparison: '>=', limit: 1 },
                    message: 'must be >= 1',
                    schema: 1,
                    parentSchema: schema31.properties.app.properties.credential.properties.rotateBeforeDays,
                    data: data14
                  }
                  if (vErrors === null) {
                    vErrors = [err43]
                  } else {
                    vErrors.push(err43)
                  }
                  errors++
                }
              }
            }
          } else {
            const err44 = {
              instancePath: instancePath + '/app/credential',
              schemaPath: '#/properties/app/properties/credential/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.properties.app.properties.credential.type,
              parentSchema: schema31.properties.app.properties.credential,
              data: data7
            }
            if (vErrors === null) {
              vErrors = [err44]
            } else {
              vErrors.push(err44)
            }
            errors++
          }
        }
        if (data0.federatedCredentials !== undefined) {
          let data15 = data0.federatedCredentials
          if (Array.isArray(data15)) {
            if (data15.length > 20) {
              const err45 = {
                instancePath: instancePath + '/app/federatedCredentials',
                schemaPath: '#/properties/app/properties/federatedCredentials/maxItems',
                keyword: 'maxItems',
                params: { limit: 20 },
                message: 'must NOT have more than 20 items',
                schema: 20,
                parentSchema: schema31.properties.app.properties.federatedCredentials,
                data: data15
              }
              if (vErrors === null) {
                vErrors = [err45]
              } else {
                vErrors.push(err45)
              }
              errors++
            }
            const len0 = data15.length
            for (let i0 = 0; i0 < len0; i0++) {
              let data16 = data15[i0]
              if (data16 && typeof data16 == 'object' && !Array.isArray(data16)) {
                if (data16.name === undefined) {
                  const err46 = {
                    instancePath: instancePath + '/app/federatedCredentials/' + i0,
                    schemaPath: '#/properties/app/properties/federatedCredentials/items/required',
                    keyword: 'required',
                    params: { missingProperty: 'name' },
                    message: "must have required property '" + 'name' + "'",
                    schema: schema31.properties.app.properties.federatedCredentials.items.required,
                    parentSchema: schema31.properties.app.properties.federatedCredentials.items,
                    data: data16
                  }
                  if (vErrors === null) {
                    vErrors = [err46]
                  } else {
                    vErrors.push(err46)
                  }
                  errors++
                }
                if (data16.issuer === undefined) {
                  const err47 = {
                    instancePath: instancePath + '/app/federatedCredentials/' + i0,
                    schemaPath: '#/properties/app/properties/federatedCredentials/items/required',
                    keyword: 'required',
                    params: { missingProperty: 'issuer' },
                    message: "must have required property '" + 'issuer' + "'",
                    schema: schema31.properties.app.properties.federatedCredentials.items.required,
                    parentSchema: schema31.properties.app.properties.federatedCredentials.items,
                    data: data16
                  }
                  if (vErrors === null) {
                    vErrors = [err47]
                  } else {
                    vErrors.push(err47)
                  }
                  errors++
                }
                if (data16.subject === undefined) {
                  const err48 = {
                    instancePath: instancePath + '/app/federatedCredentials/' + i0,
                    schemaPath: '#/properties/app/properties/federatedCredentials/items/required',
                    keyword: 'required',
                    params: { missingProperty: 'subject' },
                    message: "must have required property '" + 'subject' + "'",
                    schema: schema31.properties.app.properties.federatedCredentials.items.required,
                    parentSchema: schema31.properties.app.properties.federatedCredentials.items,
                    data: data16
                  }
                  if (vErrors === null) {
                    vErrors = [err48]
                  } else {
                    vErrors.push(err48)
                  }
                  errors++
                }
                for (const key3 in data16) {
                  if (!(
                    key3 === 'name' ||
                    key3 === 'issuer' ||
                    key3 === 'subject' ||
                    key3 === 'audiences' ||
                    key3 === 'description'
                  )) {
                    const err49 = {
                      instancePath: instancePath + '/app/federatedCredentials/' + i0,
                      schemaPath:
                        '#/properties/app/properties/federatedCredentials/items/additionalProperties',
                      keyword: 'additionalProperties',
                      params: { additionalProperty: key3 },
                      message: 'must NOT have additional properties',
                      schema: false,
                      parentSchema: schema31.properties.app.properties.federatedCredentials.items,
                      data: data16
                    }
                    if (vErrors === null) {
                      vErrors = [err49]
                    } else {
                      vErrors.push(err49)
                    }
                    errors++
                  }
                }
                if (data16.name !== undefined) {
                  let data17 = data16.name
                  if (typeof data17 === 'string') {
                    if (!pattern9.test(data17)) {
                      const err50 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/name',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/name/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$' },
                        message: 'must match pattern "' + '^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$' + '"',
                        schema: '^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$',
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.name,
                        data: data17
                      }
                      if (vErrors === null) {
                        vErrors = [err50]
                      } else {
                        vErrors.push(err50)
                      }
                      errors++
                    }
                  } else {
                    const err51 = {
                      instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/name',
                      schemaPath:
                        '#/properties/app/properties/federatedCredentials/items/properties/name/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.name.type,
                      parentSchema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.name,
                      data: data17
                    }
                    if (vErrors === null) {
                      vErrors = [err51]
                    } else {
                      vErrors.push(err51)
                    }
                    errors++
                  }
                }
                if (data16.issuer !== undefined) {
                  let data18 = data16.issuer
                  if (typeof data18 === 'string') {
                    if (func1(data18) > 600) {
                      const err52 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/issuer',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/issuer/maxLength',
                        keyword: 'maxLength',
                        params: { limit: 600 },
                        message: 'must NOT have more than 600 characters',
                        schema: 600,
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.issuer,
                        data: data18
                      }
                      if (vErrors === null) {
                        vErrors = [err52]
                      } else {
                        vErrors.push(err52)
                      }
                      errors++
                    }
                    if (!pattern10.test(data18)) {
                      const err53 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/issuer',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/issuer/pattern',
                        keyword: 'pattern',
                        params: { pattern: '^https://[^\\s/?#]+\\S*$' },
                        message: 'must match pattern "' + '^https://[^\\s/?#]+\\S*$' + '"',
                        schema: '^https://[^\\s/?#]+\\S*$',
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.issuer,
                        data: data18
                      }
                      if (vErrors === null) {
                        vErrors = [err53]
                      } else {
                        vErrors.push(err53)
                      }
                      errors++
                    }
                  } else {
                    const err54 = {
                      instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/issuer',
                      schemaPath:
                        '#/properties/app/properties/federatedCredentials/items/properties/issuer/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.issuer.type,
                      parentSchema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.issuer,
                      data: data18
                    }
                    if (vErrors === null) {
                      vErrors = [err54]
                    } else {
                      vErrors.push(err54)
                    }
                    errors++
                  }
                }
                if (data16.subject !== undefined) {
                  let data19 = data16.subject
                  if (typeof data19 === 'string') {
                    if (func1(data19) > 600) {
                      const err55 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/subject',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/subject/maxLength',
                        keyword: 'maxLength',
                        params: { limit: 600 },
                        message: 'must NOT have more than 600 characters',
                        schema: 600,
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.subject,
                        data: data19
                      }
                      if (vErrors === null) {
                        vErrors = [err55]
                      } else {
                        vErrors.push(err55)
                      }
                      errors++
                    }
                    if (func1(data19) < 1) {
                      const err56 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/subject',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/subject/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                        schema: 1,
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.subject,
                        data: data19
                      }
                      if (vErrors === null) {
                        vErrors = [err56]
                      } else {
                        vErrors.push(err56)
                      }
                      errors++
                    }
                  } else {
                    const err57 = {
                      instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/subject',
                      schemaPath:
                        '#/properties/app/properties/federatedCredentials/items/properties/subject/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.subject.type,
                      parentSchema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.subject,
                      data: data19
                    }
                    if (vErrors === null) {
                      vErrors = [err57]
                    } else {
                      vErrors.push(err57)
                    }
                    errors++
                  }
                }
                if (data16.audiences !== undefined) {
                  let data20 = data16.audiences
                  if (Array.isArray(data20)) {
                    if (data20.length > 1) {
                      const err58 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/audiences',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/audiences/maxItems',
                        keyword: 'maxItems',
                        params: { limit: 1 },
                        message: 'must NOT have more than 1 items',
                        schema: 1,
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.audiences,
                        data: data20
                      }
                      if (vErrors === null) {
                        vErrors = [err58]
                      } else {
                        vErrors.push(err58)
                      }
                      errors++
                    }
                    if (data20.length < 1) {
                      const err59 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/audiences',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/audiences/minItems',
                        keyword: 'minItems',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 items',
                        schema: 1,
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties.audiences,
                        data: data20
                      }
                      if (vErrors === null) {
                        vErrors = [err59]
                      } else {
                        vErrors.push(err59)
                      }
                      errors++
                    }
                    const len1 = data20.length
                    for (let i1 = 0; i1 < len1; i1++) {
                      let data21 = data20[i1]
                      if (typeof data21 === 'string') {
                        if (func1(data21) > 600) {
                          const err60 = {
                            instancePath:
                              instancePath + '/app/federatedCredentials/' + i0 + '/audiences/' + i1,
                            schemaPath:
                              '#/properties/app/properties/federatedCredentials/items/properties/audiences/items/maxLength',
                            keyword: 'maxLength',
                            params: { limit: 600 },
                            message: 'must NOT have more than 600 characters',
                            schema: 600,
                            parentSchema:
                              schema31.properties.app.properties.federatedCredentials.items.properties
                                .audiences.items,
                            data: data21
                          }
                          if (vErrors === null) {
                            vErrors = [err60]
                          } else {
                            vErrors.push(err60)
                          }
                          errors++
                        }
                        if (func1(data21) < 1) {
                          const err61 = {
                            instancePath:
                              instancePath + '/app/federatedCredentials/' + i0 + '/audiences/' + i1,
                            schemaPath:
                              '#/properties/app/properties/federatedCredentials/items/properties/audiences/items/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                            schema: 1,
                            parentSchema:
                              schema31.properties.app.properties.federatedCredentials.items.properties
                                .audiences.items,
                            data: data21
                          }
                          if (vErrors === null) {
                            vErrors = [err61]
                          } else {
                            vErrors.push(err61)
                          }
                          errors++
                        }
                      } else {
                        const err62 = {
                          instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/audiences/' + i1,
                          schemaPath:
                            '#/properties/app/properties/federatedCredentials/items/properties/audiences/items/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema31.properties.app.properties.federatedCredentials.items.properties.audiences
                              .items.type,
                          parentSchema:
                            schema31.properties.app.properties.federatedCredentials.items.properties.audiences
                              .items,
                          data: data21
                        }
                        if (vErrors === null) {
                          vErrors = [err62]
                        } else {
                          vErrors.push(err62)
                        }
                        errors++
                      }
                    }
                  } else {
                    const err63 = {
                      instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/audiences',
                      schemaPath:
                        '#/properties/app/properties/federatedCredentials/items/properties/audiences/type',
                      keyword: 'type',
                      params: { type: 'array' },
                      message: 'must be array',
                      schema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.audiences
                          .type,
                      parentSchema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.audiences,
                      data: data20
                    }
                    if (vErrors === null) {
                      vErrors = [err63]
                    } else {
                      vErrors.push(err63)
                    }
                    errors++
                  }
                }
                if (data16.description !== undefined) {
                  let data22 = data16.description
                  if (typeof data22 === 'string') {
                    if (func1(data22) > 600) {
                      const err64 = {
                        instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/description',
                        schemaPath:
                          '#/properties/app/properties/federatedCredentials/items/properties/description/maxLength',
                        keyword: 'maxLength',
                        params: { limit: 600 },
                        message: 'must NOT have more than 600 characters',
                        schema: 600,
                        parentSchema:
                          schema31.properties.app.properties.federatedCredentials.items.properties
                            .description,
                        data: data22
                      }
                      if (vErrors === null) {
                        vErrors = [err64]
                      } else {
                        vErrors.push(err64)
                      }
                      errors++
                    }
                  } else {
                    const err65 = {
                      instancePath: instancePath + '/app/federatedCredentials/' + i0 + '/description',
                      schemaPath:
                        '#/properties/app/properties/federatedCredentials/items/properties/description/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                      schema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.description
                          .type,
                      parentSchema:
                        schema31.properties.app.properties.federatedCredentials.items.properties.description,
                      data: data22
                    }
                    if (vErrors === null) {
                      vErrors = [err65]
                    } else {
                      vErrors.push(err65)
                    }
                    errors++
                  }
                }
              } else {
                const err66 = {
                  instancePath: instancePath + '/app/federatedCredentials/' + i0,
                  schemaPath: '#/properties/app/properties/federatedCredentials/items/type',
                  keyword: 'type',
                  params: { type: 'object' },
                  message: 'must be object',
                  schema: schema31.properties.app.properties.federatedCredentials.items.type,
                  parentSchema: schema31.properties.app.properties.federatedCredentials.items,
                  data: data16
                }
                if (vErrors === null) {
                  vErrors = [err66]
                } else {
                  vErrors.push(err66)
                }
                errors++
              }
            }
          } else {
            const err67 = {
              instancePath: instancePath + '/app/federatedCredentials',
              schemaPath: '#/properties/app/properties/federatedCredentials/type',
              keyword: 'type',
              params: { type: 'array' },
              message: 'must be array',
              schema: schema31.properties.app.properties.federatedCredentials.type,
              parentSchema: schema31.properties.app.properties.federatedCredentials,
              data: data15
            }
            if (vErrors === null) {
              vErrors = [err67]
            } else {
              vErrors.push(err67)
            }
            errors++
          }
        }
      } else {
        const err68 = {
          instancePath: instancePath + '/app',
          schemaPath: '#/properties/app/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema31.properties.app.type,
          parentSchema: schema31.properties.app,
          data: data0
        }
        if (vErrors === null) {
          vErrors = [err68]
        } else {
          vErrors.push(err68)
        }
        errors++
      }
    }
    if (data.tenants !== undefined) {
      let data23 = data.tenants
      if (Array.isArray(data23)) {
        const len2 = data23.length
        for (let i2 = 0; i2 < len2; i2++) {
          let data24 = data23[i2]
          if (data24 && typeof data24 == 'object' && !Array.isArray(data24)) {
            if (data24.name === undefined) {
              const err69 = {
                instancePath: instancePath + '/tenants/' + i2,
                schemaPath: '#/properties/tenants/items/required',
                keyword: 'required',
                params: { missingProperty: 'name' },
                message: "must have required property '" + 'name' + "'",
                schema: schema31.properties.tenants.items.required,
                parentSchema: schema31.properties.tenants.items,
                data: data24
              }
              if (vErrors === null) {
                vErrors = [err69]
              } else {
                vErrors.push(err69)
              }
              errors++
            }
            if (data24.tenantId === undefined) {
              const err70 = {
                instancePath: instancePath + '/tenants/' + i2,
                schemaPath: '#/properties/tenants/items/required',
                keyword: 'required',
                params: { missingProperty: 'tenantId' },
                message: "must have required property '" + 'tenantId' + "'",
                schema: schema31.properties.tenants.items.required,
                parentSchema: schema31.properties.tenants.items,
                data: data24
              }
              if (vErrors === null) {
                vErrors = [err70]
              } else {
                vErrors.push(err70)
              }
              errors++
            }
            for (const key4 in data24) {
              if (!(
                key4 === 'name' ||
                key4 === 'tenantId' ||
                key4 === 'roleAssignments' ||
                key4 === 'onboarding' ||
                key4 === 'prune' ||
                key4 === 'probes'
              )) {
                const err71 = {
                  instancePath: instancePath + '/tenants/' + i2,
                  schemaPath: '#/properties/tenants/items/additionalProperties',
                  keyword: 'additionalProperties',
                  params: { additionalProperty: key4 },
                  message: 'must NOT have additional properties',
                  schema: false,
                  parentSchema: schema31.properties.tenants.items,
                  data: data24
                }
                if (vErrors === null) {
                  vErrors = [err71]
                } else {
                  vErrors.push(err71)
                }
                errors++
              }
            }
            if (data24.name !== undefined) {
              let data25 = data24.name
              if (typeof data25 === 'string') {
                if (func1(data25) > 256) {
                  const err72 = {
                    instancePath: instancePath + '/tenants/' + i2 + '/name',
                    schemaPath: '#/properties/tenants/items/properties/name/maxLength',
                    keyword: 'maxLength',
                    params: { limit: 256 },
                    message: 'must NOT have more than 256 characters',
                    schema: 256,
                    parentSchema: schema31.properties.tenants.items.properties.name,
                    data: data25
                  }
                  if (vErrors === null) {
                    vErrors = [err72]
                  } else {
                    vErrors.push(err72)
                  }
                  errors++
                }
                if (func1(data25) < 1) {
                  const err73 = {
                    instancePath: instancePath + '/tenants/' + i2 + '/name',
                    schemaPath: '#/properties/tenants/items/properties/name/minLength',
                    keyword: 'minLength',
                    params: { limit: 1 },
                    message: 'must NOT have fewer than 1 characters',
                    schema: 1,
                    parentSchema: schema31.properties.tenants.items.properties.name,
                    data: data25
                  }
                  if (vErrors === null) {
                    vErrors = [err73]
                  } else {
                    vErrors.push(err73)
                  }
                  errors++
                }
                if (!pattern5.test(data25)) {
                  const err74 = {
                    instancePath: instancePath + '/tenants/' + i2 + '/name',
                    schemaPath: '#/properties/tenants/items/properties/name/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^[^\\u0000-\\u001f\\u007f]+$' },
                    message: 'must match pattern "' + '^[^\\u0000-\\u001f\\u007f]+$' + '"',
                    schema: '^[^\\u0000-\\u001f\\u007f]+$',
                    parentSchema: schema31.properties.tenants.items.properties.name,
                    data: data25
                  }
                  if (vErrors === null) {
                    vErrors = [err74]
                  } else {
                    vErrors.push(err74)
                  }
                  errors++
                }
              } else {
                const err75 = {
                  instancePath: instancePath + '/tenants/' + i2 + '/name',
                  schemaPath: '#/properties/tenants/items/properties/name/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.tenants.items.properties.name.type,
                  parentSchema: schema31.properties.tenants.items.properties.name,
                  data: data25
                }
                if (vErrors === null) {
                  vErrors = [err75]
                } else {
                  vErrors.push(err75)
                }
                errors++
              }
            }
            if (data24.tenantId !== undefined) {
              let data26 = data24.tenantId
              if (typeof data26 === 'string') {
                if (!pattern12.test(data26)) {
                  const err76 = {
                    instancePath: instancePath + '/tenants/' + i2 + '/tenantId',
                    schemaPath: '#/properties/tenants/items/properties/tenantId/pattern',
                    keyword: 'pattern',
                    params: {
                      pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
                    },
                    message:
                      'must match pattern "' +
                      '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$' +
                      '"',
                    schema: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$',
                    parentSchema: schema31.properties.tenants.items.properties.tenantId,
                    data: data26
                  }
                  if (vErrors === null) {
                    vErrors = [err76]
                  } else {
                    vErrors.push(err76)
                  }
                  errors++
                }
              } else {
                const err77 = {
                  instancePath: instancePath + '/tenants/' + i2 + '/tenantId',
                  schemaPath: '#/properties/tenants/items/properties/tenantId/type',
                  keyword: 'type',
                  params: { type: 'string' },
                  message: 'must be string',
                  schema: schema31.properties.tenants.items.properties.tenantId.type,
                  parentSchema: schema31.properties.tenants.items.properties.tenantId,
                  data: data26
                }
                if (vErrors === null) {
                  vErrors = [err77]
                } else {
                  vErrors.push(err77)
                }
                errors++
              }
            }
            if (data24.roleAssignments !== undefined) {
              let data27 = data24.roleAssignments
              if (Array.isArray(data27)) {
                const len3 = data27.length
                for (let i3 = 0; i3 < len3; i3++) {
                  let data28 = data27[i3]
                  if (data28 && typeof data28 == 'object' && !Array.isArray(data28)) {
                    if (data28.scope === undefined) {
                      const err78 = {
                        instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3,
                        schemaPath: '#/properties/tenants/items/properties/roleAssignments/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'scope' },
                        message: "must have required property '" + 'scope' + "'",
                        schema: schema31.properties.tenants.items.properties.roleAssignments.items.required,
                        parentSchema: schema31.properties.tenants.items.properties.roleAssignments.items,
                        data: data28
                      }
                      if (vErrors === null) {
                        vErrors = [err78]
                      } else {
                        vErrors.push(err78)
                      }
                      errors++
                    }
                    if (data28.role === undefined) {
                      const err79 = {
                        instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3,
                        schemaPath: '#/properties/tenants/items/properties/roleAssignments/items/required',
                        keyword: 'required',
                        params: { missingProperty: 'role' },
                        message: "must have required property '" + 'role' + "'",
                        schema: schema31.properties.tenants.items.properties.roleAssignments.items.required,
                        parentSchema: schema31.properties.tenants.items.properties.roleAssignments.items,
                        data: data28
                      }
                      if (vErrors === null) {
                        vErrors = [err79]
                      } else {
                        vErrors.push(err79)
                      }
                      errors++
                    }
                    for (const key5 in data28) {
                      if (!(key5 === 'scope' || key5 === 'role')) {
                        const err80 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3,
                          schemaPath:
                            '#/properties/tenants/items/properties/roleAssignments/items/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key5 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema31.properties.tenants.items.properties.roleAssignments.items,
                          data: data28
                        }
                        if (vErrors === null) {
                          vErrors = [err80]
                        } else {
                          vErrors.push(err80)
                        }
                        errors++
                      }
                    }
                    if (data28.scope !== undefined) {
                      let data29 = data28.scope
                      if (typeof data29 === 'string') {
                        if (!pattern13.test(data29)) {
                          const err81 = {
                            instancePath:
                              instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3 + '/scope',
                            schemaPath:
                              '#/properties/tenants/items/properties/roleAssignments/items/properties/scope/pattern',
                            keyword: 'pattern',
                            params: {
                              pattern:
                                '^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\s]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$'
                            },
                            message:
                              'must match pattern "' +
                              '^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\s]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$' +
                              '"',
                            schema:
                              '^(?:/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?:/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-](?:/providers/[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)+(?:/[A-Za-z][A-Za-z0-9]*/[^/\\s]+)+)?)?|/providers/Microsoft\\.Management/managementGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-])/?$',
                            parentSchema:
                              schema31.properties.tenants.items.properties.roleAssignments.items.properties
                                .scope,
                            data: data29
                          }
                          if (vErrors === null) {
                            vErrors = [err81]
                          } else {
                            vErrors.push(err81)
                          }
                          errors++
                        }
                      } else {
                        const err82 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3 + '/scope',
                          schemaPath:
                            '#/properties/tenants/items/properties/roleAssignments/items/properties/scope/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema31.properties.tenants.items.properties.roleAssignments.items.properties
                              .scope.type,
                          parentSchema:
                            schema31.properties.tenants.items.properties.roleAssignments.items.properties
                              .scope,
                          data: data29
                        }
                        if (vErrors === null) {
                          vErrors = [err82]
                        } else {
                          vErrors.push(err82)
                        }
                        errors++
                      }
                    }
                    if (data28.role !== undefined) {
                      let data30 = data28.role
                      if (typeof data30 === 'string') {
                        if (func1(data30) < 1) {
                          const err83 = {
                            instancePath:
                              instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3 + '/role',
                            schemaPath:
                              '#/properties/tenants/items/properties/roleAssignments/items/properties/role/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                            schema: 1,
                            parentSchema:
                              schema31.properties.tenants.items.properties.roleAssignments.items.properties
                                .role,
                            data: data30
                          }
                          if (vErrors === null) {
                            vErrors = [err83]
                          } else {
                            vErrors.push(err83)
                          }
                          errors++
                        }
                      } else {
                        const err84 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3 + '/role',
                          schemaPath:
                            '#/properties/tenants/items/properties/roleAssignments/items/properties/role/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema31.properties.tenants.items.properties.roleAssignments.items.properties.role
                              .type,
                          parentSchema:
                            schema31.properties.tenants.items.properties.roleAssignments.items.properties
                              .role,
                          data: data30
                        }
                        if (vErrors === null) {
                          vErrors = [err84]
                        } else {
                          vErrors.push(err84)
                        }
                        errors++
                      }
                    }
                  } else {
                    const err85 = {
                      instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments/' + i3,
                      schemaPath: '#/properties/tenants/items/properties/roleAssignments/items/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema31.properties.tenants.items.properties.roleAssignments.items.type,
                      parentSchema: schema31.properties.tenants.items.properties.roleAssignments.items,
                      data: data28
                    }
                    if (vErrors === null) {
                      vErrors = [err85]
                    } else {
                      vErrors.push(err85)
                    }
                    errors++
                  }
                }
              } else {
                const err86 = {
                  instancePath: instancePath + '/tenants/' + i2 + '/roleAssignments',
                  schemaPath: '#/properties/tenants/items/properties/roleAssignments/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema31.properties.tenants.items.properties.roleAssignments.type,
                  parentSchema: schema31.properties.tenants.items.properties.roleAssignments,
                  data: data27
                }
                if (vErrors === null) {
                  vErrors = [err86]
                } else {
                  vErrors.push(err86)
                }
                errors++
              }
            }
            if (data24.onboarding !== undefined) {
              let data31 = data24.onboarding
              if (typeof data31 !== 'boolean') {
                const err87 = {
                  instancePath: instancePath + '/tenants/' + i2 + '/onboarding',
                  schemaPath: '#/properties/tenants/items/properties/onboarding/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.tenants.items.properties.onboarding.type,
                  parentSchema: schema31.properties.tenants.items.properties.onboarding,
                  data: data31
                }
                if (vErrors === null) {
                  vErrors = [err87]
                } else {
                  vErrors.push(err87)
                }
                errors++
              }
            }
            if (data24.prune !== undefined) {
              let data32 = data24.prune
              if (typeof data32 !== 'boolean') {
                const err88 = {
                  instancePath: instancePath + '/tenants/' + i2 + '/prune',
                  schemaPath: '#/properties/tenants/items/properties/prune/type',
                  keyword: 'type',
                  params: { type: 'boolean' },
                  message: 'must be boolean',
                  schema: schema31.properties.tenants.items.properties.prune.type,
                  parentSchema: schema31.properties.tenants.items.properties.prune,
                  data: data32
                }
                if (vErrors === null) {
                  vErrors = [err88]
                } else {
                  vErrors.push(err88)
                }
                errors++
              }
            }
            if (data24.probes !== undefined) {
              let data33 = data24.probes
              if (Array.isArray(data33)) {
                const len4 = data33.length
                for (let i4 = 0; i4 < len4; i4++) {
                  let data34 = data33[i4]
                  const _errs110 = errors
                  let valid22 = false
                  let passing0 = null
                  const _errs111 = errors
                  if (data34 && typeof data34 == 'object' && !Array.isArray(data34)) {
                    if (data34.keyVault === undefined) {
                      const err89 = {
                        instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                        schemaPath: '#/properties/tenants/items/properties/probes/items/oneOf/0/required',
                        keyword: 'required',
                        params: { missingProperty: 'keyVault' },
                        message: "must have required property '" + 'keyVault' + "'",
                        schema: schema31.properties.tenants.items.properties.probes.items.oneOf[0].required,
                        parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[0],
                        data: data34
                      }
                      if (vErrors === null) {
                        vErrors = [err89]
                      } else {
                        vErrors.push(err89)
                      }
                      errors++
                    }
                    if (data34.secret === undefined) {
                      const err90 = {
                        instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                        schemaPath: '#/properties/tenants/items/properties/probes/items/oneOf/0/required',
                        keyword: 'required',
                        params: { missingProperty: 'secret' },
                        message: "must have required property '" + 'secret' + "'",
                        schema: schema31.properties.tenants.items.properties.probes.items.oneOf[0].required,
                        parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[0],
                        data: data34
                      }
                      if (vErrors === null) {
                        vErrors = [err90]
                      } else {
                        vErrors.push(err90)
                      }
                      errors++
                    }
                    for (const key6 in data34) {
                      if (!(key6 === 'keyVault' || key6 === 'secret')) {
                        const err91 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                          schemaPath:
                            '#/properties/tenants/items/properties/probes/items/oneOf/0/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key6 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[0],
                          data: data34
                        }
                        if (vErrors === null) {
                          vErrors = [err91]
                        } else {
                          vErrors.push(err91)
                        }
                        errors++
                      }
                    }
                    if (data34.keyVault !== undefined) {
                      let data35 = data34.keyVault
                      if (typeof data35 === 'string') {
                        if (!pattern7.test(data35)) {
                          const err92 = {
                            instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4 + '/keyVault',
                            schemaPath:
                              '#/properties/tenants/items/properties/probes/items/oneOf/0/properties/keyVault/pattern',
                            keyword: 'pattern',
                            params: {
                              pattern:
                                '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$'
                            },
                            message:
                              'must match pattern "' +
                              '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$' +
                              '"',
                            schema:
                              '^(?:[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]|https://[A-Za-z0-9.-]+(?::[0-9]{1,5})?/?)$',
                            parentSchema:
                              schema31.properties.tenants.items.properties.probes.items.oneOf[0].properties
                                .keyVault,
                            data: data35
                          }
                          if (vErrors === null) {
                            vErrors = [err92]
                          } else {
                            vErrors.push(err92)
                          }
                          errors++
                        }
                      } else {
                        const err93 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4 + '/keyVault',
                          schemaPath:
                            '#/properties/tenants/items/properties/probes/items/oneOf/0/properties/keyVault/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema31.properties.tenants.items.properties.probes.items.oneOf[0].properties
                              .keyVault.type,
                          parentSchema:
                            schema31.properties.tenants.items.properties.probes.items.oneOf[0].properties
                              .keyVault,
                          data: data35
                        }
                        if (vErrors === null) {
                          vErrors = [err93]
                        } else {
                          vErrors.push(err93)
                        }
                        errors++
                      }
                    }
                    if (data34.secret !== undefined) {
                      let data36 = data34.secret
                      if (typeof data36 === 'string') {
                        if (!pattern8.test(data36)) {
                          const err94 = {
                            instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4 + '/secret',
                            schemaPath:
                              '#/properties/tenants/items/properties/probes/items/oneOf/0/properties/secret/pattern',
                            keyword: 'pattern',
                            params: { pattern: '^[A-Za-z0-9-]{1,127}$' },
                            message: 'must match pattern "' + '^[A-Za-z0-9-]{1,127}$' + '"',
                            schema: '^[A-Za-z0-9-]{1,127}$',
                            parentSchema:
                              schema31.properties.tenants.items.properties.probes.items.oneOf[0].properties
                                .secret,
                            data: data36
                          }
                          if (vErrors === null) {
                            vErrors = [err94]
                          } else {
                            vErrors.push(err94)
                          }
                          errors++
                        }
                      } else {
                        const err95 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4 + '/secret',
                          schemaPath:
                            '#/properties/tenants/items/properties/probes/items/oneOf/0/properties/secret/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema31.properties.tenants.items.properties.probes.items.oneOf[0].properties
                              .secret.type,
                          parentSchema:
                            schema31.properties.tenants.items.properties.probes.items.oneOf[0].properties
                              .secret,
                          data: data36
                        }
                        if (vErrors === null) {
                          vErrors = [err95]
                        } else {
                          vErrors.push(err95)
                        }
                        errors++
                      }
                    }
                  } else {
                    const err96 = {
                      instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                      schemaPath: '#/properties/tenants/items/properties/probes/items/oneOf/0/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema31.properties.tenants.items.properties.probes.items.oneOf[0].type,
                      parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[0],
                      data: data34
                    }
                    if (vErrors === null) {
                      vErrors = [err96]
                    } else {
                      vErrors.push(err96)
                    }
                    errors++
                  }
                  var _valid2 = _errs111 === errors
                  if (_valid2) {
                    valid22 = true
                    passing0 = 0
                    var props1 = true
                  }
                  const _errs118 = errors
                  if (data34 && typeof data34 == 'object' && !Array.isArray(data34)) {
                    if (data34.arm === undefined) {
                      const err97 = {
                        instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                        schemaPath: '#/properties/tenants/items/properties/probes/items/oneOf/1/required',
                        keyword: 'required',
                        params: { missingProperty: 'arm' },
                        message: "must have required property '" + 'arm' + "'",
                        schema: schema31.properties.tenants.items.properties.probes.items.oneOf[1].required,
                        parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[1],
                        data: data34
                      }
                      if (vErrors === null) {
                        vErrors = [err97]
                      } else {
                        vErrors.push(err97)
                      }
                      errors++
                    }
                    for (const key7 in data34) {
                      if (!(key7 === 'arm')) {
                        const err98 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                          schemaPath:
                            '#/properties/tenants/items/properties/probes/items/oneOf/1/additionalProperties',
                          keyword: 'additionalProperties',
                          params: { additionalProperty: key7 },
                          message: 'must NOT have additional properties',
                          schema: false,
                          parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[1],
                          data: data34
                        }
                        if (vErrors === null) {
                          vErrors = [err98]
                        } else {
                          vErrors.push(err98)
                        }
                        errors++
                      }
                    }
                    if (data34.arm !== undefined) {
                      let data37 = data34.arm
                      if (typeof data37 === 'string') {
                        if (!pattern16.test(data37)) {
                          const err99 = {
                            instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4 + '/arm',
                            schemaPath:
                              '#/properties/tenants/items/properties/probes/items/oneOf/1/properties/arm/pattern',
                            keyword: 'pattern',
                            params: {
                              pattern:
                                '^/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]/?$'
                            },
                            message:
                              'must match pattern "' +
                              '^/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]/?$' +
                              '"',
                            schema:
                              '^/subscriptions/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}/resourceGroups/[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]/?$',
                            parentSchema:
                              schema31.properties.tenants.items.properties.probes.items.oneOf[1].properties
                                .arm,
                            data: data37
                          }
                          if (vErrors === null) {
                            vErrors = [err99]
                          } else {
                            vErrors.push(err99)
                          }
                          errors++
                        }
                      } else {
                        const err100 = {
                          instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4 + '/arm',
                          schemaPath:
                            '#/properties/tenants/items/properties/probes/items/oneOf/1/properties/arm/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                          schema:
                            schema31.properties.tenants.items.properties.probes.items.oneOf[1].properties.arm
                              .type,
                          parentSchema:
                            schema31.properties.tenants.items.properties.probes.items.oneOf[1].properties.arm,
                          data: data37
                        }
                        if (vErrors === null) {
                          vErrors = [err100]
                        } else {
                          vErrors.push(err100)
                        }
                        errors++
                      }
                    }
                  } else {
                    const err101 = {
                      instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                      schemaPath: '#/properties/tenants/items/properties/probes/items/oneOf/1/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                      schema: schema31.properties.tenants.items.properties.probes.items.oneOf[1].type,
                      parentSchema: schema31.properties.tenants.items.properties.probes.items.oneOf[1],
                      data: data34
                    }
                    if (vErrors === null) {
                      vErrors = [err101]
                    } else {
                      vErrors.push(err101)
                    }
                    errors++
                  }
                  var _valid2 = _errs118 === errors
                  if (_valid2 && valid22) {
                    valid22 = false
                    passing0 = [passing0, 1]
                  } else {
                    if (_valid2) {
                      valid22 = true
                      passing0 = 1
                      if (props1 !== true) {
                        props1 = true
                      }
                    }
                  }
                  if (!valid22) {
                    const err102 = {
                      instancePath: instancePath + '/tenants/' + i2 + '/probes/' + i4,
                      schemaPath: '#/properties/tenants/items/properties/probes/items/oneOf',
                      keyword: 'oneOf',
                      params: { passingSchemas: passing0 },
                      message: 'must match exactly one schema in oneOf',
                      schema: schema31.properties.tenants.items.properties.probes.items.oneOf,
                      parentSchema: schema31.properties.tenants.items.properties.probes.items,
                      data: data34
                    }
                    if (vErrors === null) {
                      vErrors = [err102]
                    } else {
                      vErrors.push(err102)
                    }
                    errors++
                  } else {
                    errors = _errs110
                    if (vErrors !== null) {
                      if (_errs110) {
                        vErrors.length = _errs110
                      } else {
                        vErrors = null
                      }
                    }
                  }
                }
              } else {
                const err103 = {
                  instancePath: instancePath + '/tenants/' + i2 + '/probes',
                  schemaPath: '#/properties/tenants/items/properties/probes/type',
                  keyword: 'type',
                  params: { type: 'array' },
                  message: 'must be array',
                  schema: schema31.properties.tenants.items.properties.probes.type,
                  parentSchema: schema31.properties.tenants.items.properties.probes,
                  data: data33
                }
                if (vErrors === null) {
                  vErrors = [err103]
                } else {
                  vErrors.push(err103)
                }
                errors++
              }
            }
          } else {
            const err104 = {
              instancePath: instancePath + '/tenants/' + i2,
              schemaPath: '#/properties/tenants/items/type',
              keyword: 'type',
              params: { type: 'object' },
              message: 'must be object',
              schema: schema31.properties.tenants.items.type,
              parentSchema: schema31.properties.tenants.items,
              data: data24
            }
            if (vErrors === null) {
              vErrors = [err104]
            } else {
              vErrors.push(err104)
            }
            errors++
          }
        }
      } else {
        const err105 = {
          instancePath: instancePath + '/tenants',
          schemaPath: '#/properties/tenants/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
          schema: schema31.properties.tenants.type,
          parentSchema: schema31.properties.tenants,
          data: data23
        }
        if (vErrors === null) {
          vErrors = [err105]
        } else {
          vErrors.push(err105)
        }
        errors++
      }
    }
  } else {
    const err106 = {
      instancePath,
      schemaPath: '#/type',
      keyword: 'type',
      params: { type: 'object' },
      message: 'must be object',
      schema: schema31.type,
      parentSchema: schema31,
      data
    }
    if (vErrors === null) {
      vErrors = [err106]
    } else {
      vErrors.push(err106)
    }
    errors++
  }
  validate20.errors = vErrors
  return errors === 0
}
validate20.evaluated = { props: true, dynamicProps: false, dynamicItems: false }
