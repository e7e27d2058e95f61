/**
 * Checks a schema cannot express: uniqueness across entries, known role names, and limits that relate two
 * fields. Each runs only on values the schema accepted, so one mistake is reported once.
 */
import { builtInRoleId } from '../model/role-names.js'
import { labelOf, placeOf, pointerOf, valuePlaceOf } from './positions.js'
import type { PathSegments, SourceDocument } from './positions.js'
import { BUILT_IN_ROLE_NAMES, GUID_PATTERN, closestMatch, explainScope } from './rules.js'
import { DEFAULT_LIFETIME_DAYS, DEFAULT_ROTATE_BEFORE_DAYS, SECRET_ONLY_FIELDS } from './schema.js'
import type { Finding } from './schema.js'

type Mapping = Record<string, unknown>

/** Values already reported by the schema, by pointer (and everything under them). */
export type Rejected = (segments: PathSegments) => boolean

export function semanticFindings(data: unknown, source: SourceDocument, rejected: Rejected): Finding[] {
  if (!isMapping(data)) return []
  const context: Context = { source, rejected, findings: [] }
  if (isMapping(data.app)) checkApp(data.app, context)
  if (Array.isArray(data.tenants)) checkTenants(data.tenants, context)
  return context.findings
}

interface Context {
  source: SourceDocument
  rejected: Rejected
  findings: Finding[]
}

function report(
  context: Context,
  segments: PathSegments,
  message: string,
  at: 'key' | 'value' = 'key'
): void {
  const place = at === 'value' ? valuePlaceOf(context.source, segments) : placeOf(context.source, segments)
  context.findings.push({ ...place, pointer: pointerOf(segments), message })
}

/** The text at `segments` in `parent`, when the schema accepted it. */
function acceptedText(context: Context, parent: Mapping, segments: PathSegments): string | undefined {
  const key = segments[segments.length - 1]
  const value = typeof key === 'string' ? parent[key] : undefined
  return typeof value === 'string' && !context.rejected(segments) ? value : undefined
}

function acceptedNumber(context: Context, parent: Mapping, segments: PathSegments): number | undefined {
  const key = segments[segments.length - 1]
  const value = typeof key === 'string' ? parent[key] : undefined
  return typeof value === 'number' && !context.rejected(segments) ? value : undefined
}

function lineOf(context: Context, segments: PathSegments): number {
  return placeOf(context.source, segments).line
}

function checkApp(app: Mapping, context: Context): void {
  if (isMapping(app.credential)) checkCredential(app.credential, ['app', 'credential'], context)
  if (Array.isArray(app.federatedCredentials)) checkFederatedCredentials(app.federatedCredentials, context)
}

function checkCredential(credential: Mapping, at: PathSegments, context: Context): void {
  if (credential.kind === 'federated') {
    for (const field of SECRET_ONLY_FIELDS) {
      if (field in credential && !context.rejected([...at, field])) {
        report(
          context,
          [...at, field],
          `${labelOf([...at, field])} is only used with kind: secret — remove it, or set kind: secret`
        )
      }
    }
    return
  }
  checkRotationWindow(credential, at, context)
  checkOverlap(credential, at, context)
}

/** A password that overlaps its successor for its whole life would never be retired before it expires. */
function checkOverlap(credential: Mapping, at: PathSegments, context: Context): void {
  const overlapPath = [...at, 'overlapDays']
  if (!('overlapDays' in credential)) return
  const overlap = acceptedNumber(context, credential, overlapPath)
  const lifetime =
    'lifetimeDays' in credential
      ? acceptedNumber(context, credential, [...at, 'lifetimeDays'])
      : DEFAULT_LIFETIME_DAYS
  if (overlap === undefined || lifetime === undefined || overlap < lifetime) return
  report(
    context,
    overlapPath,
    `${labelOf(overlapPath)} must be less than lifetimeDays (${lifetime}), got ${overlap} — the replaced password would outlive its own expiry`,
    'value'
  )
}

/** A threshold at or beyond the lifetime would make every run rotate a freshly made secret. */
function checkRotationWindow(credential: Mapping, at: PathSegments, context: Context): void {
  const lifetimePath = [...at, 'lifetimeDays']
  const rotatePath = [...at, 'rotateBeforeDays']
  const lifetime =
    'lifetimeDays' in credential ? acceptedNumber(context, credential, lifetimePath) : DEFAULT_LIFETIME_DAYS
  const rotate =
    'rotateBeforeDays' in credential
      ? acceptedNumber(context, credential, rotatePath)
      : DEFAULT_ROTATE_BEFORE_DAYS
  if (lifetime === undefined || rotate === undefined || rotate < lifetime) return
  if ('rotateBeforeDays' in credential) {
    const lifetimeText = 'lifetimeDays' in credential ? `${lifetime}` : `${lifetime}, the default`
    report(
      context,
      rotatePath,
      `${labelOf(rotatePath)} must be less than lifetimeDays (${lifetimeText}), got ${rotate} — otherwise every run rotates the secret`,
      'value'
    )
  } else {
    report(
      context,
      lifetimePath,
      `${labelOf(lifetimePath)} must be more than rotateBeforeDays (${rotate}, the default), got ${lifetime} — raise it or set rotateBeforeDays lower`,
      'value'
    )
  }
}

function checkFederatedCredentials(entries: unknown[], context: Context): void {
  const names = new FirstSeen()
  const pairs = new FirstSeen()
  entries.forEach((entry, i) => {
    if (!isMapping(entry)) return
    const at = ['app', 'federatedCredentials', i]
    const name = acceptedText(context, entry, [...at, 'name'])
    if (name !== undefined) {
      reportRepeat(
        context,
        names,
        name.toLowerCase(),
        [...at, 'name'],
        first =>
          `${labelOf([...at, 'name'])} "${name}" is already used by ${first} — federated credential names are unique per app`
      )
    }
    const issuer = acceptedText(context, entry, [...at, 'issuer'])
    const subject = acceptedText(context, entry, [...at, 'subject'])
    if (issuer !== undefined && subject !== undefined) {
      reportRepeat(
        context,
        pairs,
        `${issuer}\n${subject}`,
        at,
        first =>
          `${labelOf(at)} has the same issuer and subject as ${first} — Entra accepts each issuer and subject pair once per app; remove one`,
        'key'
      )
    }
  })
}

function checkTenants(tenants: unknown[], context: Context): void {
  const ids = new FirstSeen()
  const names = new FirstSeen()
  // Paths are written out rather than spread from a prefix: this runs once per tenant, on the cold path.
  tenants.forEach((tenant, i) => {
    if (!isMapping(tenant)) return
    const idPath = ['tenants', i, 'tenantId']
    const tenantId = acceptedText(context, tenant, idPath)
    if (tenantId !== undefined) {
      reportRepeat(
        context,
        ids,
        tenantId.toLowerCase(),
        idPath,
        first =>
          `${labelOf(idPath)} ${tenantId} is already listed as ${first} — list each tenant once and merge their roleAssignments`
      )
    }
    const namePath = ['tenants', i, 'name']
    const name = acceptedText(context, tenant, namePath)
    if (name !== undefined) {
      reportRepeat(
        context,
        names,
        name.toLowerCase(),
        namePath,
        first =>
          `${labelOf(namePath)} "${name}" is already used by ${first} — give each tenant its own name (compared case-insensitively)`
      )
    }
    if (Array.isArray(tenant.roleAssignments)) checkRoleAssignments(tenant.roleAssignments, i, context)
  })
}

function checkRoleAssignments(assignments: unknown[], tenant: number, context: Context): void {
  // Most tenants list one assignment, which cannot repeat another.
  const seen = assignments.length > 1 ? new FirstSeen() : undefined
  assignments.forEach((assignment, i) => {
    if (!isMapping(assignment)) return
    const item = ['tenants', tenant, 'roleAssignments', i]
    const roleId = checkRole(assignment, ['tenants', tenant, 'roleAssignments', i, 'role'], context)
    const scope = acceptedText(context, assignment, ['tenants', tenant, 'roleAssignments', i, 'scope'])
    if (
      seen === undefined ||
      roleId === undefined ||
      scope === undefined ||
      explainScope(scope) !== undefined
    )
      return
    // ARM compares scopes case-insensitively; a role named and the same role by GUID are one assignment.
    reportRepeat(
      context,
      seen,
      `${normaliseScope(scope).toLowerCase()}\n${roleId}`,
      item,
      first => `${labelOf(item)} repeats ${first} — the same role at the same scope; remove one`,
      'key'
    )
  })
}

/**
 * The role's definition GUID (lower case); '' for a custom role named by its name (resolved in the customer tenant);
 * undefined after reporting a name so close to a built-in role's that it is most likely a typo of it.
 */
function checkRole(assignment: Mapping, segments: PathSegments, context: Context): string | undefined {
  const role = acceptedText(context, assignment, segments)
  if (role === undefined) return undefined
  const resolved = roleDefinitionIdOf(role)
  if (resolved !== undefined) return resolved
  const suggestion = closestMatch(role, BUILT_IN_ROLE_NAMES)
  if (suggestion === undefined) return `custom:${role.trim().toLowerCase()}`
  report(
    context,
    segments,
    `${labelOf(segments)} "${role}" is not an Azure built-in role. Did you mean "${suggestion}"? A custom role whose name is this close to a built-in one: give its role definition GUID`,
    'value'
  )
  return undefined
}

/** A built-in role name's GUID, or the GUID as written; lower case. */
export function roleDefinitionIdOf(role: string): string | undefined {
  const trimmed = role.trim()
  if (GUID_PATTERN.test(trimmed)) return trimmed.toLowerCase()
  return builtInRoleId(trimmed)
}

/** A single trailing `/` names the same scope; ARM returns scopes without it. */
export function normaliseScope(scope: string): string {
  return scope.endsWith('/') ? scope.slice(0, -1) : scope
}

/** Remembers the first path each key was seen at. */
/**
 * Reports `segments` when `key` was seen before, at the value (default) or the key; `message` gets the first
 * occurrence as "tenants[0].name at line 13".
 */
function reportRepeat(
  context: Context,
  seen: FirstSeen,
  key: string,
  segments: PathSegments,
  message: (first: string) => string,
  at: 'key' | 'value' = 'value'
): void {
  const first = seen.see(key, segments)
  if (first === undefined) return
  report(context, segments, message(`${labelOf(first)} at line ${lineOf(context, first)}`), at)
}

class FirstSeen {
  private readonly first = new Map<string, PathSegments>()

  /** The earlier path with the same key, or undefined when this is the first. */
  see(key: string, segments: PathSegments): PathSegments | undefined {
    const earlier = this.first.get(key)
    if (earlier === undefined) this.first.set(key, segments)
    return earlier
  }
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
