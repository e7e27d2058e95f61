/**
 * What each field of the tenants file must look like, in words a reader can act on. The schema
 * (`schema/tenants.schema.json`) decides what is valid; these texts explain a rejection.
 */
import { BUILT_IN_ROLES } from '../model/roles.js'

/** A GUID as Entra and ARM write them (tenant, subscription and role-definition ids). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const EXAMPLE_GUID = '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b'

/** Secret lifetime and rotation threshold when the file does not set them. */
export const DEFAULT_LIFETIME_DAYS = 90
export const DEFAULT_ROTATE_BEFORE_DAYS = 30
/** How long a replaced password stays valid after its successor is stored, when the file does not say. */
export const DEFAULT_OVERLAP_DAYS = 7

export interface FieldRule {
  /** Completes "<path> must be …". */
  expect: string
  /** Completes "<parent> is missing "<key>" — …". */
  whenMissing?: string
  /** A closer look at a rejected text value: the first thing wrong with it. */
  explain?: (value: string) => string | undefined
}

const SCOPE_FORMS =
  '/subscriptions/<guid>[/resourceGroups/<name>[/providers/<Namespace>/<type>/<name>]] or ' +
  '/providers/Microsoft.Management/managementGroups/<id>'

/**
 * Rules by generalised path: list indices become `*` (`tenants.*.tenantId`). Each rejected value is described by
 * the rule of its path; a path without one falls back to ajv's own wording.
 */
export const FIELD_RULES: Readonly<Record<string, FieldRule>> = {
  '': { expect: 'a mapping with "app" and "tenants" (see examples/tenants.yml)' },
  app: {
    expect: 'a mapping with uniqueName, displayName, redirectUri and credential',
    whenMissing: 'add an "app:" mapping describing the multi-tenant app (see examples/tenants.yml)'
  },
  tenants: {
    expect: 'a list of tenants (lines starting with "- "; an empty list is written tenants: [])',
    whenMissing: 'add "tenants:" with one entry per customer tenant (it may be empty: tenants: [])'
  },
  'app.uniqueName': {
    expect: '1–120 letters, digits, "-", "_" or "." (the stable key the app is found by)',
    whenMissing: 'add the stable key the app is upserted by, e.g. uniqueName: contoso-provider-access'
  },
  'app.displayName': {
    expect: 'one line of text, at most 256 characters (the name customer admins see when they consent)',
    whenMissing:
      'add the name customer admins see when they consent, e.g. displayName: Contoso Provider Access'
  },
  'app.redirectUri': {
    expect: 'an https:// URL (or http://localhost… for local testing)',
    whenMissing: 'add the https:// page a customer admin lands on after consenting'
  },
  'app.credential': {
    expect: 'a mapping with kind: secret (plus keyVault and secretName) or kind: federated',
    whenMissing: 'add "credential:" with kind: secret (plus keyVault and secretName) or kind: federated'
  },
  'app.credential.kind': {
    expect: '"secret" or "federated"',
    whenMissing: 'add kind: secret (a client secret rotated in Key Vault) or kind: federated (secretless)'
  },
  'app.credential.keyVault': {
    expect:
      'a Key Vault name (3–24 letters, digits and single hyphens, starting with a letter) or an https:// vault URL without path or query',
    whenMissing:
      'kind: secret keeps the app secret in Key Vault; add keyVault: <vault name or https:// vault URL>',
    explain: explainKeyVault
  },
  'app.credential.secretName': {
    expect: '1–127 letters, digits and hyphens (a Key Vault secret name)',
    whenMissing: 'kind: secret stores the app secret under this Key Vault secret name; add secretName: <name>'
  },
  'app.credential.lifetimeDays': { expect: 'a whole number of days from 1 to 730' },
  'app.credential.overlapDays': { expect: 'a whole number of days, at least 0 and less than lifetimeDays' },
  'app.credential.rotateBeforeDays': {
    expect: 'a whole number of days, at least 1 and less than lifetimeDays'
  },
  'app.federatedCredentials': {
    expect:
      'a list of at most 20 federated credentials (Entra’s limit per app), with at least one when credential.kind is "federated"',
    whenMissing:
      'credential kind "federated" needs at least one; add federatedCredentials, or use kind: secret'
  },
  'app.federatedCredentials.*': {
    expect: 'a mapping with name, issuer and subject'
  },
  'app.federatedCredentials.*.name': {
    expect: '3–120 letters, digits, "-" and "_", starting with a letter or digit',
    whenMissing: 'add a name, unique within the app, e.g. name: github-main'
  },
  'app.federatedCredentials.*.issuer': {
    expect:
      'an https:// URL of at most 600 characters (GitHub Actions: https://token.actions.githubusercontent.com)',
    whenMissing: 'add the external token’s issuer, e.g. issuer: https://token.actions.githubusercontent.com'
  },
  'app.federatedCredentials.*.subject': {
    expect: 'non-empty text of at most 600 characters, matched exactly against the token’s sub claim',
    whenMissing:
      'add the external token’s subject, e.g. subject: repo:contoso/tenant-onboarding:environment:production'
  },
  'app.federatedCredentials.*.audiences': {
    expect:
      'a list of exactly one audience (omit it to use the cloud’s default, api://AzureADTokenExchange in AzureCloud)'
  },
  'app.federatedCredentials.*.audiences.*': { expect: 'non-empty text of at most 600 characters' },
  'app.federatedCredentials.*.description': { expect: 'text of at most 600 characters' },
  'tenants.*': {
    expect: 'a mapping with name, tenantId and roleAssignments'
  },
  'tenants.*.name': {
    expect: 'one line of text, at most 256 characters',
    whenMissing: 'add the customer’s name, e.g. name: Fabrikam'
  },
  'tenants.*.tenantId': {
    expect: `a GUID like ${EXAMPLE_GUID}`,
    whenMissing: 'add the customer’s Entra tenant ID (a GUID)'
  },
  'tenants.*.roleAssignments': { expect: 'a list of role assignments, each with scope and role' },
  'tenants.*.roleAssignments.*': { expect: 'a mapping with scope and role' },
  'tenants.*.roleAssignments.*.scope': {
    expect: `an Azure scope: ${SCOPE_FORMS}`,
    whenMissing: 'add the scope the role applies at, e.g. scope: /subscriptions/<guid>/resourceGroups/<name>',
    explain: explainScope
  },
  'tenants.*.roleAssignments.*.role': {
    expect: 'a built-in role name or a role definition GUID',
    whenMissing: 'add a built-in role name (e.g. role: Reader) or a role definition GUID'
  }
}

/** The rule for a path, looked up by its generalised form. */
export function ruleFor(segments: readonly (string | number)[]): FieldRule | undefined {
  const general = segments.map(s => (typeof s === 'number' || /^\d+$/.test(s) ? '*' : s)).join('.')
  return FIELD_RULES[general]
}

const GUID_TEXT = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}'
/**
 * Resource group and management group names: 1–90 letters, digits, `._-()`, not ending in `.`.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
 * (Microsoft.Resources/resourcegroups; Microsoft.Management/managementGroups).
 */
const GROUP_NAME = /^[A-Za-z0-9._()-]{0,89}[A-Za-z0-9_()-]$/
/** A resource provider namespace such as `Microsoft.KeyVault`. */
const PROVIDER_NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*)+$/
const RESOURCE_TYPE = /^[A-Za-z][A-Za-z0-9]*$/
const SUBSCRIPTION_ID = new RegExp(`^${GUID_TEXT}$`)

/**
 * The first thing wrong with a role-assignment scope, or undefined when it is well formed. Mirrors the scope
 * pattern of the schema, segment by segment, so a rejection can say which part to fix.
 */
export function explainScope(scope: string): string | undefined {
  const trimmed = scope.endsWith('/') ? scope.slice(0, -1) : scope
  if (!trimmed.startsWith('/')) return 'a scope starts with "/"'
  const parts = trimmed.slice(1).split('/')
  if (parts.some(part => part === '')) return 'it has an empty segment ("//" or a second trailing "/")'
  if (parts[0] === 'providers') return explainManagementGroupScope(parts)
  if (parts[0] !== 'subscriptions') {
    return parts[0]?.toLowerCase() === 'subscriptions'
      ? `write "subscriptions" as Azure does, not "${parts[0]}"`
      : 'it must start with /subscriptions/<guid> or /providers/Microsoft.Management/managementGroups/<id>'
  }
  const subscription = parts[1]
  if (subscription === undefined) return 'the subscription GUID is missing after /subscriptions'
  if (!SUBSCRIPTION_ID.test(subscription)) return `the subscription id "${subscription}" is not a GUID`
  if (parts.length === 2) return undefined
  if (parts[2] !== 'resourceGroups') {
    return parts[2]?.toLowerCase() === 'resourcegroups'
      ? `write "resourceGroups" as Azure does, not "${parts[2]}"`
      : `expected /resourceGroups/<name> after the subscription, got "/${parts[2]}"`
  }
  const group = parts[3]
  if (group === undefined) return 'the resource group name is missing after /resourceGroups'
  if (!GROUP_NAME.test(group)) {
    return `the resource group name "${group}" must be 1–90 letters, digits, "._-()" and not end in "."`
  }
  if (parts.length === 4) return undefined
  return explainResourcePath(parts.slice(4))
}

function explainResourcePath(parts: string[]): string | undefined {
  if (parts[0] !== 'providers')
    return `expected /providers/<Namespace>/<type>/<name> after the resource group`
  const namespace = parts[1]
  if (namespace === undefined) return 'the provider namespace is missing after /providers'
  if (!PROVIDER_NAMESPACE.test(namespace)) {
    return `"${namespace}" is not a provider namespace like Microsoft.KeyVault`
  }
  const typeAndNames = parts.slice(2)
  if (typeAndNames.length === 0 || typeAndNames.length % 2 !== 0) {
    return `after ${namespace} the path must alternate <type>/<name>, e.g. /vaults/kv-cmk`
  }
  for (let i = 0; i < typeAndNames.length; i += 2) {
    const type = typeAndNames[i] ?? ''
    if (!RESOURCE_TYPE.test(type)) return `"${type}" is not a resource type like vaults`
    const name = typeAndNames[i + 1] ?? ''
    if (/\s/.test(name)) return `the resource name "${name}" contains whitespace`
  }
  return undefined
}

function explainManagementGroupScope(parts: string[]): string | undefined {
  if (parts[1] !== 'Microsoft.Management' || parts[2] !== 'managementGroups') {
    return 'a scope under /providers must be /providers/Microsoft.Management/managementGroups/<id>'
  }
  const group = parts[3]
  if (group === undefined || parts.length !== 4) {
    return 'a management group scope is /providers/Microsoft.Management/managementGroups/<id>, nothing more'
  }
  if (!GROUP_NAME.test(group)) {
    return `the management group id "${group}" must be 1–90 letters, digits, "._-()" and not end in "."`
  }
  return undefined
}

/**
 * The first thing wrong with a Key Vault name or URL. Names: 3–24 characters, alphanumerics and hyphens, start
 * with a letter, end with a letter or digit, no consecutive hyphens.
 * Source: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules (Microsoft.KeyVault/vaults).
 */
export function explainKeyVault(value: string): string | undefined {
  if (/^https?:\/\//i.test(value)) {
    if (!value.startsWith('https://')) return 'a vault URL must use https://'
    const url = URL.canParse(value) ? new URL(value) : undefined
    if (url === undefined || url.hostname === '') return 'it is not a valid URL'
    if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
      return `give the vault URL without path or query, e.g. https://${url.host}/`
    }
    return undefined
  }
  if (value.length < 3 || value.length > 24)
    return `a vault name has 3–24 characters, this one has ${value.length}`
  if (!/^[A-Za-z]/.test(value)) return 'a vault name starts with a letter'
  if (/[^A-Za-z0-9-]/.test(value)) return 'a vault name holds only letters, digits and hyphens'
  if (value.includes('--')) return 'a vault name has no consecutive hyphens'
  if (value.endsWith('-')) return 'a vault name ends with a letter or digit'
  return undefined
}

/** Built-in role names, for messages. */
export const BUILT_IN_ROLE_NAMES: readonly string[] = Object.keys(BUILT_IN_ROLES)

/**
 * The candidate closest to `input` (case-insensitive edit distance), when it is close enough to be a likely typo:
 * at most a third of its length, and at least 2 edits allowed.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase())
    if (best === undefined || distance < best.distance) best = { candidate, distance }
  }
  if (best === undefined) return undefined
  const allowed = Math.max(2, Math.floor(best.candidate.length / 3))
  return best.distance <= allowed ? best.candidate : undefined
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
