/**
 * Scenario files: the directory, GitHub run and Azure resources an emulator starts with (format in
 * test/emulator/README.md). YAML or JSON; every error names the offending field.
 */
import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import type { DirectoryState, Lags, SignInAudience } from './directory.js'
import { NO_LAGS, SEEDED_AT, SIGN_IN_AUDIENCES } from './directory.js'

/** GitHub's OIDC issuer (https://learn.microsoft.com/entra/identity-platform/access-tokens). */
export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
/** GitHub ID tokens live about 5 minutes (https://learn.microsoft.com/entra/identity-platform/access-tokens). */
export const GITHUB_TOKEN_LIFETIME_SECONDS = 300

/** The GitHub Actions run whose OIDC tokens the emulator issues. */
export interface GithubRun {
  repository: string
  repositoryId: string
  repositoryOwnerId: string
  ref: string
  sha: string
  eventName: string
  environment: string | null
  workflow: string
  runId: string
  issuer: string
  tokenLifetimeSeconds: number
  /** explicit `sub`; otherwise derived from environment / event / ref as GitHub does */
  subject: string | null
}

export const DEFAULT_GITHUB: GithubRun = {
  repository: 'contoso/tenant-onboarding',
  repositoryId: '812345678',
  repositoryOwnerId: '91234567',
  ref: 'refs/heads/main',
  sha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
  eventName: 'push',
  environment: null,
  workflow: '.github/workflows/tenants.yml',
  runId: '1000000001',
  issuer: GITHUB_ISSUER,
  tokenLifetimeSeconds: GITHUB_TOKEN_LIFETIME_SECONDS,
  subject: null
}

/** What the resource services load per tenant (ResourceState.loadTenant). */
export interface ResourceSection {
  subscriptions?: unknown
  roleAssignments?: unknown
  keyVaults?: unknown
  managementGroups?: unknown
  roleDefinitions?: unknown
}

export interface LoadedScenario {
  github: GithubRun
  lags: Lags
  graphPageSize: number
  automation: { tenantId: string; clientId: string } | null
  resources: { tenantId: string; section: ResourceSection }[]
}

/** Small enough that a handful of objects already spans pages, so paging code is exercised. */
export const DEFAULT_GRAPH_PAGE_SIZE = 10

export function readScenario(source: string | object): Record<string, unknown> {
  if (typeof source !== 'string') return asRecord(source, 'scenario')
  const text = readFileSync(source, 'utf8')
  const parsed: unknown = source.endsWith('.json') ? JSON.parse(text) : parseYaml(text)
  return asRecord(parsed, `scenario ${source}`)
}

/** Seeds the directory from a scenario and returns what the rest of the emulator needs from it. */
export function loadScenario(raw: Record<string, unknown>, directory: DirectoryState): LoadedScenario {
  const tenants = optionalArray(raw.tenants, 'tenants')
  const deferredPrincipals: (() => void)[] = []
  const resources: LoadedScenario['resources'] = []
  tenants.forEach((t, i) => {
    const path = `tenants[${i}]`
    const rec = asRecord(t, path)
    const tenant = directory.addTenant({
      id: guid(rec.id, `${path}.id`),
      displayName: str(rec.displayName, `${path}.displayName`),
      defaultDomain:
        optStr(rec.domain, `${path}.domain`) ??
        `${slug(str(rec.displayName, `${path}.displayName`))}.onmicrosoft.com`,
      consentDecision: oneOf(
        rec.consentDecision ?? 'accept',
        ['accept', 'decline'] as const,
        `${path}.consentDecision`
      )
    })
    optionalArray(rec.applications, `${path}.applications`).forEach((a, j) =>
      loadApplication(
        asRecord(a, `${path}.applications[${j}]`),
        `${path}.applications[${j}]`,
        tenant.id,
        directory
      )
    )
    optionalArray(rec.servicePrincipals, `${path}.servicePrincipals`).forEach((s, j) => {
      const spPath = `${path}.servicePrincipals[${j}]`
      const sp = asRecord(s, spPath)
      // applications of other tenants may be declared later in the file: resolve once all are loaded
      deferredPrincipals.push(() => {
        const appRef = str(sp.app, `${spPath}.app`)
        const app = directory.applicationByUniqueName(appRef) ?? directory.applicationByAppId(appRef)
        if (!app) throw new Error(`${spPath}.app: no application with uniqueName or appId '${appRef}'`)
        directory.createServicePrincipal(
          tenant.id,
          app,
          {
            ...(sp.id !== undefined ? { id: guid(sp.id, `${spPath}.id`) } : {}),
            accountEnabled: bool(sp.accountEnabled ?? true, `${spPath}.accountEnabled`),
            blockedByConditionalAccess: bool(
              sp.blockedByConditionalAccess ?? false,
              `${spPath}.blockedByConditionalAccess`
            ),
            graphAppRoles: strArray(sp.graphAppRoles ?? [], `${spPath}.graphAppRoles`)
          },
          SEEDED_AT
        )
      })
    })
    const section: ResourceSection = {}
    if (rec.subscriptions !== undefined) section.subscriptions = rec.subscriptions
    if (rec.roleAssignments !== undefined) section.roleAssignments = rec.roleAssignments
    if (rec.keyVaults !== undefined) section.keyVaults = rec.keyVaults
    if (rec.managementGroups !== undefined) section.managementGroups = rec.managementGroups
    if (rec.roleDefinitions !== undefined) section.roleDefinitions = rec.roleDefinitions
    resources.push({ tenantId: tenant.id, section })
  })
  deferredPrincipals.forEach(create => create())
  resolveOwners(tenants, directory)
  return {
    github: loadGithub(raw.github),
    lags: loadLags(raw.lags, 'lags'),
    graphPageSize:
      raw.graph === undefined
        ? DEFAULT_GRAPH_PAGE_SIZE
        : positiveInt(asRecord(raw.graph, 'graph').pageSize ?? DEFAULT_GRAPH_PAGE_SIZE, 'graph.pageSize'),
    automation: loadAutomation(raw.automation, directory),
    resources
  }
}

/**
 * A scenario principal reference: an object id GUID, or `app:<uniqueName or appId>` = that app's service
 * principal in the given tenant.
 */
export function resolvePrincipalRef(directory: DirectoryState, tenantId: string, ref: string): string {
  if (!ref.startsWith('app:')) return guid(ref, `principal '${ref}'`)
  const key = ref.slice('app:'.length)
  const app = directory.applicationByUniqueName(key) ?? directory.applicationByAppId(key)
  if (!app) throw new Error(`principal '${ref}': no application with uniqueName or appId '${key}'`)
  const sp = directory.servicePrincipalByAppId(tenantId, app.appId)
  if (!sp) throw new Error(`principal '${ref}': the app has no service principal in tenant ${tenantId}`)
  return sp.id
}

export function loadLags(value: unknown, path: string, base: Lags = NO_LAGS): Lags {
  if (value === undefined) return { ...base }
  const rec = asRecord(value, path)
  const lags = { ...base }
  for (const key of Object.keys(rec)) {
    if (!(key in NO_LAGS))
      throw new Error(`${path}.${key}: unknown lag (expected one of ${Object.keys(NO_LAGS).join(', ')})`)
    lags[key as keyof Lags] = nonNegative(rec[key], `${path}.${key}`)
  }
  return lags
}

export function loadGithub(value: unknown, base: GithubRun = DEFAULT_GITHUB): GithubRun {
  if (value === undefined) return { ...base }
  const rec = asRecord(value, 'github')
  const out: GithubRun = { ...base }
  for (const key of Object.keys(rec)) {
    const path = `github.${key}`
    switch (key) {
      case 'tokenLifetimeSeconds':
        out.tokenLifetimeSeconds = positiveInt(rec[key], path)
        break
      case 'environment':
      case 'subject':
        out[key] = rec[key] === null ? null : str(rec[key], path)
        break
      case 'repository':
        if (!/^[^/\s]+\/[^/\s]+$/.test(str(rec[key], path))) throw new Error(`${path}: expected OWNER/REPO`)
        out.repository = str(rec[key], path)
        break
      case 'repositoryId':
      case 'repositoryOwnerId':
      case 'ref':
      case 'sha':
      case 'eventName':
      case 'workflow':
      case 'runId':
      case 'issuer':
        out[key] = String(rec[key])
        break
      default:
        throw new Error(`${path}: unknown field`)
    }
  }
  return out
}

function loadApplication(
  rec: Record<string, unknown>,
  path: string,
  tenantId: string,
  directory: DirectoryState
): void {
  const app = directory.createApplication(
    tenantId,
    {
      displayName: str(rec.displayName, `${path}.displayName`),
      ...(rec.id !== undefined ? { id: guid(rec.id, `${path}.id`) } : {}),
      ...(rec.appId !== undefined ? { appId: guid(rec.appId, `${path}.appId`) } : {}),
      uniqueName: optStr(rec.uniqueName, `${path}.uniqueName`) ?? null,
      signInAudience: oneOf(
        rec.signInAudience ?? 'AzureADMyOrg',
        SIGN_IN_AUDIENCES,
        `${path}.signInAudience`
      ) as SignInAudience,
      redirectUris: strArray(rec.redirectUris ?? [], `${path}.redirectUris`)
    },
    SEEDED_AT
  )
  optionalArray(rec.passwords, `${path}.passwords`).forEach((p, k) => {
    const pPath = `${path}.passwords[${k}]`
    const pw = asRecord(p, pPath)
    directory.addPassword(
      app,
      {
        secretText: str(pw.secret, `${pPath}.secret`),
        ...(pw.keyId !== undefined ? { keyId: guid(pw.keyId, `${pPath}.keyId`) } : {}),
        displayName: optStr(pw.displayName, `${pPath}.displayName`) ?? null,
        ...(pw.startDateTime !== undefined
          ? { startDateTime: isoDate(pw.startDateTime, `${pPath}.startDateTime`) }
          : {}),
        ...(pw.endDateTime !== undefined
          ? { endDateTime: isoDate(pw.endDateTime, `${pPath}.endDateTime`) }
          : {})
      },
      SEEDED_AT
    )
  })
  optionalArray(rec.federatedCredentials, `${path}.federatedCredentials`).forEach((f, k) => {
    const fPath = `${path}.federatedCredentials[${k}]`
    const fic = asRecord(f, fPath)
    directory.addFederatedCredential(
      app,
      {
        ...(fic.id !== undefined ? { id: guid(fic.id, `${fPath}.id`) } : {}),
        name: str(fic.name, `${fPath}.name`),
        issuer: str(fic.issuer ?? GITHUB_ISSUER, `${fPath}.issuer`),
        subject: str(fic.subject, `${fPath}.subject`),
        audiences: strArray(fic.audiences ?? ['api://AzureADTokenExchange'], `${fPath}.audiences`),
        description: optStr(fic.description, `${fPath}.description`) ?? null
      },
      SEEDED_AT
    )
  })
}

/** Owners are principal references, resolvable only once every service principal exists. */
function resolveOwners(tenants: unknown[], directory: DirectoryState): void {
  tenants.forEach((t, i) => {
    const rec = t as Record<string, unknown>
    const tenantId = String(rec.id).toLowerCase()
    optionalArray(rec.applications, `tenants[${i}].applications`).forEach((a, j) => {
      const appRec = a as Record<string, unknown>
      const owners = strArray(appRec.owners ?? [], `tenants[${i}].applications[${j}].owners`)
      const app =
        directory.applicationByUniqueName(String(appRec.uniqueName)) ??
        directory.applicationByAppId(String(appRec.appId))
      if (!app) return
      app.owners = owners.map(ref => resolvePrincipalRef(directory, tenantId, ref))
    })
  })
}

function loadAutomation(value: unknown, directory: DirectoryState): LoadedScenario['automation'] {
  if (value === undefined) return null
  const rec = asRecord(value, 'automation')
  const tenantId = guid(rec.tenant, 'automation.tenant')
  const ref = str(rec.app, 'automation.app')
  const app = directory.applicationByUniqueName(ref) ?? directory.applicationByAppId(ref)
  if (!app) throw new Error(`automation.app: no application with uniqueName or appId '${ref}'`)
  return { tenantId, clientId: app.appId }
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function asRecord(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${path}: expected an object`)
  return value as Record<string, unknown>
}

function optionalArray(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new Error(`${path}: expected a list`)
  return value
}

function str(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${path}: expected a non-empty string`)
  return value
}

function optStr(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : str(value, path)
}

function strArray(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw new Error(`${path}: expected a list of strings`)
  return value.map((v, i) => str(v, `${path}[${i}]`))
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${path}: expected true or false`)
  return value
}

function guid(value: unknown, path: string): string {
  if (typeof value !== 'string' || !GUID_RE.test(value))
    throw new Error(`${path}: expected a GUID, got ${JSON.stringify(value)}`)
  return value.toLowerCase()
}

function isoDate(value: unknown, path: string): string {
  const text = value instanceof Date ? value.toISOString() : str(value, path)
  if (Number.isNaN(Date.parse(text)))
    throw new Error(`${path}: expected an ISO 8601 date-time, got ${JSON.stringify(value)}`)
  return new Date(text).toISOString()
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new Error(`${path}: expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return value as T
}

function nonNegative(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new Error(`${path}: expected a number ≥ 0`)
  return value
}

function positiveInt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new Error(`${path}: expected a positive integer`)
  return value
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '')
}
