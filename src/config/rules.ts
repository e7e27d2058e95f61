/**
 * Words for what the schema (`schema/tenants.schema.json`) cannot say by itself: which part of a rejected scope or
 * vault is wrong, and which key or role a typo was likely meant to be. The schema alone decides what is valid.
 */
import { BUILT_IN_ROLES } from '../model/role-names.js'

/** A GUID as Entra and ARM write them (tenant, subscription and role-definition ids). */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

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
