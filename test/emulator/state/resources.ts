/**
 * The emulator's Azure resources: subscriptions (each in one tenant), resource groups, resources, role
 * assignments and key vaults with their secrets. The ARM and Key Vault services read and change it; the core
 * loads it from scenario files and exposes `snapshot()` on its control API. Scenario format: RESOURCES.md.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Directory } from '../contracts.js'
import type { Plane, RoleDefinition } from '../services/role-catalogue.js'
import { ROLE_DEFINITIONS_SEGMENT, resolveRole, roleByGuid, roleGrants } from '../services/role-catalogue.js'
import {
  flag,
  guid,
  list,
  onlyKeys,
  optionalText,
  record,
  stringMap,
  text,
  unixSeconds
} from './resources-fields.js'
import type { ConditionContext } from './resources-condition.js'
import { conditionHolds } from './resources-condition.js'
import type { ParsedScope } from './resources-scope.js'
import { GUID, managementGroupScope, normalizeScope, parseScope, scopeKey } from './resources-scope.js'

/** https://learn.microsoft.com/rest/api/authorization/role-assignments (`type` of every role assignment) */
export const ROLE_ASSIGNMENT_TYPE = 'Microsoft.Authorization/roleAssignments'
export const ROLE_ASSIGNMENTS_SEGMENT = '/providers/Microsoft.Authorization/roleAssignments/'
/** `principalType` enum of RoleAssignmentProperties, 2022-04-01 (https://learn.microsoft.com/rest/api/authorization/role-assignments) */
export const PRINCIPAL_TYPES = ['User', 'Group', 'ServicePrincipal', 'ForeignGroup'] as const
/** The resource type of a key vault, as it appears in its resource id. */
export const KEY_VAULT_TYPE = 'Microsoft.KeyVault/vaults'
/** Soft delete is always on with the default 90-day retention (https://learn.microsoft.com/rest/api/keyvault/secrets). */
export const RECOVERY_LEVEL = 'Recoverable+Purgeable'
export const RECOVERABLE_DAYS = 90
/** Key Vault object names: 1–127 alphanumerics and dashes (learn.microsoft.com/azure/key-vault/general/about-keys-secrets-certificates). */
export const SECRET_NAME = /^[0-9a-zA-Z-]{1,127}$/
/** Key vault names: 3–24 characters, letters, digits and dashes, starting with a letter (same page). */
const VAULT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/
const DEFAULT_VAULT_LOCATION = 'eastus'

export interface Resource {
  type: string
  name: string
}
export interface ResourceGroup {
  name: string
  resources: Resource[]
}
export interface Subscription {
  id: string
  tenantId: string
  displayName: string
  resourceGroups: ResourceGroup[]
}

/**
 * A management group (https://learn.microsoft.com/azure/governance/management-groups/overview): every tenant
 * has a root group whose id is the tenant id; subscriptions not placed elsewhere sit under it.
 */
export interface ManagementGroup {
  id: string
  tenantId: string
  displayName: string
  /** undefined for the tenant root group */
  parentId: string | undefined
  subscriptionIds: Set<string>
}

export interface RoleAssignment {
  name: string
  scope: string
  roleGuid: string
  principalId: string
  principalType: string
  tenantId: string
  description: string | null
  condition: string | null
  conditionVersion: string | null
  createdOn: string
  updatedOn: string
  createdBy: string | null
  updatedBy: string | null
}

export interface SecretVersion {
  version: string
  value: string
  contentType?: string
  tags?: Record<string, string>
  enabled: boolean
  nbf?: number
  exp?: number
  /** unix seconds */
  created: number
  updated: number
}
export interface Secret {
  name: string
  /** oldest first */
  versions: SecretVersion[]
}
export interface KeyVault {
  name: string
  tenantId: string
  /** the vault's ARM resource id, the scope its data-plane role assignments are evaluated against */
  resourceId: string
  location: string
  secrets: Map<string, Secret>
  /** soft-deleted secrets (every emulated vault has soft delete on, as Azure now enforces), by lower-case name */
  deletedSecrets: Map<string, DeletedSecret>
}

/** A secret in the deleted-but-recoverable state (https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview). */
export interface DeletedSecret {
  secret: Secret
  /** unix seconds */
  deletedDate: number
  scheduledPurgeDate: number
}

export interface SecretInput {
  value: string
  contentType?: string
  tags?: Record<string, string>
  enabled?: boolean
  nbf?: number
  exp?: number
}

/** Why a scope cannot be used: the ARM error it produces. */
export interface ScopeProblem {
  status: number
  code: string
  message: string
}

interface NewAssignment {
  name?: string
  scope: string
  role: RoleDefinition
  principalId: string
  principalType: string
  tenantId: string
  description?: string | null
  condition?: string | null
  conditionVersion?: string | null
  createdBy?: string | null
}

/** ARM writes times with seven fractional digits (role-assignments-list-rest.md: `2022-01-15T21:08:45.4904312Z`). */
export function armTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '0000Z')
}

/** A new Key Vault version id: 32 lowercase hex digits (SetSecret-example.json). */
export function newSecretVersion(): string {
  return randomBytes(16).toString('hex')
}

/** A stable name for scenario assignments, so snapshots and request logs read the same on every run. */
function derivedAssignmentName(parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex')
  const variant = ((parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

export class ResourceState {
  private readonly directory: Directory
  private readonly subscriptions = new Map<string, Subscription>()
  private readonly managementGroups = new Map<string, ManagementGroup>()
  /** custom role definitions per tenant (scenario `roleDefinitions`) */
  private readonly customRoles = new Map<string, RoleDefinition[]>()
  private readonly assignments: RoleAssignment[] = []
  private readonly vaults = new Map<string, KeyVault>()

  constructor(directory: Directory) {
    this.directory = directory
  }

  /**
   * Loads one scenario tenant's `subscriptions`, `roleAssignments` and `keyVaults` sections; throws a clear
   * Error naming the bad field. `resolvePrincipal(ref)` turns a scenario principal reference into an object id.
   */
  loadTenant(
    tenantId: string,
    section: {
      subscriptions?: unknown
      roleAssignments?: unknown
      keyVaults?: unknown
      managementGroups?: unknown
      roleDefinitions?: unknown
    },
    resolvePrincipal: (ref: string) => string
  ): void {
    const tid = tenantId.toLowerCase()
    list(section.subscriptions, 'subscriptions').forEach((s, i) =>
      this.loadSubscription(tid, s, `subscriptions[${i}]`)
    )
    this.loadManagementGroups(tid, list(section.managementGroups, 'managementGroups'))
    list(section.roleDefinitions, 'roleDefinitions').forEach((r, i) =>
      this.loadCustomRole(tid, r, `roleDefinitions[${i}]`)
    )
    list(section.keyVaults, 'keyVaults').forEach((v, i) => this.loadVault(tid, v, `keyVaults[${i}]`))
    list(section.roleAssignments, 'roleAssignments').forEach((a, i) =>
      this.loadAssignment(tid, a, `roleAssignments[${i}]`, resolvePrincipal)
    )
  }

  vaultNames(): string[] {
    return [...this.vaults.values()].map(v => v.name)
  }

  vault(name: string): KeyVault | undefined {
    return this.vaults.get(name.toLowerCase())
  }

  subscription(id: string): Subscription | undefined {
    return this.subscriptions.get(id.toLowerCase())
  }

  /** The tenant's subscriptions, as `GET /subscriptions` lists them. */
  subscriptionsOfTenant(tenantId: string): Subscription[] {
    const tid = tenantId.toLowerCase()
    return [...this.subscriptions.values()].filter(s => s.tenantId === tid)
  }

  /** A declared management group, or a tenant's root group (its id is the tenant id). */
  managementGroup(id: string): ManagementGroup | undefined {
    const key = id.toLowerCase()
    const declared = this.managementGroups.get(key)
    if (declared) return declared
    if (!this.directory.hasTenant(key)) return undefined
    return {
      id: key,
      tenantId: key,
      displayName: 'Tenant Root Group',
      parentId: undefined,
      subscriptionIds: new Set()
    }
  }

  /** A role definition as the tenant sees it: its custom roles, then the built-in catalogue. */
  role(tenantId: string, guid: string): RoleDefinition | undefined {
    const key = guid.toLowerCase()
    return this.customRoles.get(tenantId.toLowerCase())?.find(r => r.guid === key) ?? roleByGuid(key)
  }

  /** The tenant's custom roles. */
  customRolesOf(tenantId: string): RoleDefinition[] {
    return [...(this.customRoles.get(tenantId.toLowerCase()) ?? [])]
  }

  /** A role by GUID, role definition id or display name, custom roles of the tenant first. */
  resolveRoleIn(tenantId: string, ref: string): RoleDefinition | undefined {
    const custom = this.customRoles.get(tenantId.toLowerCase()) ?? []
    const byRef = custom.find(
      r => r.guid === ref.toLowerCase().split('/').pop() || r.roleName.toLowerCase() === ref.toLowerCase()
    )
    return byRef ?? resolveRole(ref)
  }

  /**
   * The scopes a scope inherits role assignments from, itself first: its parent paths, then (for anything in a
   * subscription) the subscription's management group and that group's ancestors up to the tenant root group,
   * then `/` (https://learn.microsoft.com/azure/role-based-access-control/scope-overview).
   */
  ancestorsOf(scope: string): string[] {
    const parsed = parseScope(scope)
    if (!parsed || parsed.kind === 'root') return ['/']
    const chain: string[] = []
    let groupId: string | undefined
    if (parsed.kind === 'managementGroup') {
      groupId = parsed.groupId
    } else {
      const segments = normalizeScope(scope)
        .split('/')
        .filter(x => x !== '')
      for (let n = segments.length; n >= 2; n--) chain.push(scopeKey('/' + segments.slice(0, n).join('/')))
      groupId = this.groupOfSubscription(parsed.subscriptionId)
    }
    const seen = new Set<string>()
    while (groupId !== undefined && !seen.has(groupId.toLowerCase())) {
      seen.add(groupId.toLowerCase())
      chain.push(scopeKey(managementGroupScope(groupId)))
      groupId = this.managementGroup(groupId)?.parentId
    }
    chain.push('/')
    return chain
  }

  /** Whether an assignment at `ancestor` applies at `scope` (at, or inherited from above). */
  inherits(ancestor: string, scope: string): boolean {
    return this.ancestorsOf(scope).includes(scopeKey(ancestor))
  }

  /** The management group a subscription sits in: a declared one, else its tenant's root group. */
  private groupOfSubscription(subscriptionId: string): string | undefined {
    const id = subscriptionId.toLowerCase()
    for (const g of this.managementGroups.values()) if (g.subscriptionIds.has(id)) return g.id
    return this.subscription(id)?.tenantId
  }

  /** JSON-able state for the control API. Secret values are left out: only their versions and attributes. */
  snapshot(): unknown {
    return {
      subscriptions: [...this.subscriptions.values()].map(s => ({
        id: s.id,
        tenantId: s.tenantId,
        displayName: s.displayName,
        resourceGroups: s.resourceGroups.map(g => ({
          name: g.name,
          resources: g.resources.map(r => ({ ...r }))
        }))
      })),
      roleAssignments: this.assignments.map(a => ({ ...assignmentView(a), tenantId: a.tenantId })),
      keyVaults: [...this.vaults.values()].map(v => ({
        name: v.name,
        tenantId: v.tenantId,
        resourceId: v.resourceId,
        location: v.location,
        secrets: [...v.secrets.values()].map(s => ({
          name: s.name,
          versions: s.versions.map(({ value: _value, ...rest }) => rest)
        }))
      }))
    }
  }

  /** Removes an assignment named by its full id or its GUID name; false when there is none. */
  deleteRoleAssignment(id: string): boolean {
    const isName = GUID.test(id)
    const key = scopeKey(id)
    const index = this.assignments.findIndex(a =>
      isName ? a.name === id.toLowerCase() : scopeKey(assignmentId(a)) === key
    )
    if (index < 0) return false
    this.assignments.splice(index, 1)
    return true
  }

  /**
   * Adds an assignment as a customer administrator would (control API): the scope must exist; the role may be
   * named by GUID, role definition id or display name. Returns the assignment as ARM shows it.
   */
  addRoleAssignment(a: {
    scope: string
    roleDefinitionId: string
    principalId: string
    principalType?: string
  }): unknown {
    const tenantId = this.tenantOfScope(a.scope, 'scope')
    const role = this.resolveRoleIn(tenantId, a.roleDefinitionId)
    if (!role) throw new Error(`roleDefinitionId: no role '${a.roleDefinitionId}'`)
    const principalType = a.principalType ?? 'ServicePrincipal'
    checkPrincipalType(principalType, 'principalType')
    const created = this.createAssignment({
      scope: a.scope,
      role,
      principalId: guid(a.principalId, 'principalId'),
      principalType,
      tenantId
    })
    return assignmentView(created)
  }

  // --- role assignments, as the ARM service uses them ---

  /** The ARM error for a scope that does not exist (subscription existence and tenant are checked before). */
  scopeProblem(scope: ParsedScope): ScopeProblem | undefined {
    if (scope.kind === 'root' || scope.kind === 'subscription') return undefined
    if (scope.kind === 'managementGroup') {
      if (this.managementGroup(scope.groupId)) return undefined
      // Microsoft.Management's answer for an unknown group (management-groups troubleshooting)
      return {
        status: 404,
        code: 'NotFound',
        message: `'${managementGroupScope(scope.groupId)}' not found`
      }
    }
    const sub = this.subscription(scope.subscriptionId)
    const group = sub?.resourceGroups.find(g => g.name.toLowerCase() === scope.resourceGroup.toLowerCase())
    if (!group) {
      // azure-docs articles/azure-resource-manager/troubleshooting/error-not-found.md
      return {
        status: 404,
        code: 'ResourceGroupNotFound',
        message: `Resource group '${scope.resourceGroup}' could not be found.`
      }
    }
    if (scope.kind === 'resourceGroup') return undefined
    const found = group.resources.some(
      r =>
        r.type.toLowerCase() === scope.resourceType.toLowerCase() &&
        r.name.toLowerCase() === scope.resourceName.toLowerCase()
    )
    if (found) return undefined
    return {
      status: 404,
      code: 'ResourceNotFound',
      message: `The Resource '${scope.resourceType}/${scope.resourceName}' under resource group '${scope.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
    }
  }

  assignmentsOfTenant(tenantId: string): RoleAssignment[] {
    const tid = tenantId.toLowerCase()
    return this.assignments.filter(a => a.tenantId === tid)
  }

  /** Role assignment names are unique within a tenant, whatever their scope. */
  assignmentByName(tenantId: string, name: string): RoleAssignment | undefined {
    const tid = tenantId.toLowerCase()
    return this.assignments.find(a => a.tenantId === tid && a.name === name.toLowerCase())
  }

  assignmentByTriple(
    tenantId: string,
    scope: string,
    principalId: string,
    roleGuid: string
  ): RoleAssignment | undefined {
    const key = scopeKey(scope)
    return this.assignmentsOfTenant(tenantId).find(
      a => scopeKey(a.scope) === key && a.principalId === principalId.toLowerCase() && a.roleGuid === roleGuid
    )
  }

  createAssignment(n: NewAssignment): RoleAssignment {
    const name = (
      n.name ?? derivedAssignmentName([n.tenantId, scopeKey(n.scope), n.principalId, n.role.guid])
    ).toLowerCase()
    if (this.assignmentByName(n.tenantId, name))
      throw new Error(`a role assignment named '${name}' already exists`)
    const now = armTime(this.directory.now())
    const a: RoleAssignment = {
      name,
      scope: normalizeScope(n.scope),
      roleGuid: n.role.guid,
      principalId: n.principalId.toLowerCase(),
      principalType: n.principalType,
      tenantId: n.tenantId.toLowerCase(),
      description: n.description ?? null,
      condition: n.condition ?? null,
      conditionVersion: n.conditionVersion ?? null,
      createdOn: now,
      updatedOn: now,
      createdBy: n.createdBy ?? null,
      updatedBy: n.createdBy ?? null
    }
    this.assignments.push(a)
    return a
  }

  /**
   * Whether a principal holds an operation at a scope through an assignment at or above it. An assignment's
   * ABAC condition must hold for the operation, given the attributes of the assignment being written or deleted
   * (`attributes`); a condition the emulator cannot read grants nothing (resources-condition.ts).
   */
  isPermitted(
    tenantId: string,
    principalId: string,
    scope: string,
    operation: string,
    plane: Plane,
    attributes: Omit<ConditionContext, 'action'> = {}
  ): boolean {
    const pid = principalId.toLowerCase()
    return this.assignmentsOfTenant(tenantId).some(a => {
      if (a.principalId !== pid || !this.inherits(a.scope, scope)) return false
      const role = this.role(tenantId, a.roleGuid)
      if (role === undefined || !roleGrants(role, operation, plane)) return false
      return a.condition === null || conditionHolds(a.condition, { action: operation, ...attributes })
    })
  }

  // --- key vault secrets, as the Key Vault service uses them ---

  setSecret(vault: KeyVault, name: string, input: SecretInput, nowSeconds: number): SecretVersion {
    const key = name.toLowerCase()
    const secret = vault.secrets.get(key) ?? { name, versions: [] }
    vault.secrets.set(key, secret)
    const version: SecretVersion = {
      version: newSecretVersion(),
      value: input.value,
      enabled: input.enabled ?? true,
      created: nowSeconds,
      updated: nowSeconds,
      ...(input.contentType !== undefined ? { contentType: input.contentType } : {}),
      ...(input.tags !== undefined ? { tags: { ...input.tags } } : {}),
      ...(input.nbf !== undefined ? { nbf: input.nbf } : {}),
      ...(input.exp !== undefined ? { exp: input.exp } : {})
    }
    secret.versions.push(version)
    return version
  }

  secret(vault: KeyVault, name: string): Secret | undefined {
    return vault.secrets.get(name.toLowerCase())
  }

  /** A secret's value for in-process tests (never part of `snapshot()`): the latest version unless one is named. */
  secretValue(vaultName: string, name: string, version?: string): string | undefined {
    const vault = this.vault(vaultName)
    const secret = vault && this.secret(vault, name)
    if (!secret) return undefined
    const found = version
      ? secret.versions.find(v => v.version === version.toLowerCase())
      : secret.versions.at(-1)
    return found?.value
  }

  // --- scenario loading ---

  private loadSubscription(tenantId: string, value: unknown, path: string): void {
    const rec = record(value, path)
    onlyKeys(rec, ['id', 'displayName', 'resourceGroups'], path)
    const id = guid(rec.id, `${path}.id`)
    const existing = this.subscriptions.get(id)
    if (existing)
      throw new Error(`${path}.id: subscription ${id} is already declared (tenant ${existing.tenantId})`)
    const sub: Subscription = {
      id,
      tenantId,
      displayName: optionalText(rec.displayName, `${path}.displayName`) ?? `Subscription ${id.slice(0, 8)}`,
      resourceGroups: []
    }
    list(rec.resourceGroups, `${path}.resourceGroups`).forEach((g, i) => {
      const gPath = `${path}.resourceGroups[${i}]`
      const gRec = record(g, gPath)
      onlyKeys(gRec, ['name', 'resources'], gPath)
      const group: ResourceGroup = { name: text(gRec.name, `${gPath}.name`), resources: [] }
      if (sub.resourceGroups.some(x => x.name.toLowerCase() === group.name.toLowerCase())) {
        throw new Error(`${gPath}.name: resource group '${group.name}' is declared twice`)
      }
      list(gRec.resources, `${gPath}.resources`).forEach((r, j) => {
        const rPath = `${gPath}.resources[${j}]`
        const rRec = record(r, rPath)
        onlyKeys(rRec, ['type', 'name'], rPath)
        const type = text(rRec.type, `${rPath}.type`)
        if (!/^[^/]+\/[^/]+$/.test(type))
          throw new Error(`${rPath}.type: expected 'Namespace/type', got '${type}'`)
        group.resources.push({ type, name: text(rRec.name, `${rPath}.name`) })
      })
      sub.resourceGroups.push(group)
    })
    this.subscriptions.set(id, sub)
  }

  /**
   * `managementGroups: [{ id, displayName?, parent?, subscriptions? }]`; `parent` defaults to the tenant root
   * group (id = the tenant id), each subscription may sit in one group only.
   */
  private loadManagementGroups(tenantId: string, values: unknown[]): void {
    values.forEach((value, i) => {
      const path = `managementGroups[${i}]`
      const rec = record(value, path)
      onlyKeys(rec, ['id', 'displayName', 'parent', 'subscriptions'], path)
      const id = text(rec.id, `${path}.id`).toLowerCase()
      if (this.managementGroup(id)) throw new Error(`${path}.id: management group '${id}' already exists`)
      const group: ManagementGroup = {
        id,
        tenantId,
        displayName: optionalText(rec.displayName, `${path}.displayName`) ?? id,
        parentId: (optionalText(rec.parent, `${path}.parent`) ?? tenantId).toLowerCase(),
        subscriptionIds: new Set()
      }
      list(rec.subscriptions, `${path}.subscriptions`).forEach((sub, j) => {
        const subId = guid(sub, `${path}.subscriptions[${j}]`)
        if (this.subscription(subId)?.tenantId !== tenantId)
          throw new Error(`${path}.subscriptions[${j}]: subscription ${subId} is not declared in this tenant`)
        if (this.groupOfSubscription(subId) !== tenantId)
          throw new Error(`${path}.subscriptions[${j}]: subscription ${subId} is already in another group`)
        group.subscriptionIds.add(subId)
      })
      this.managementGroups.set(id, group)
    })
    for (const g of this.managementGroups.values()) {
      if (g.tenantId === tenantId && g.parentId !== undefined && !this.managementGroup(g.parentId))
        throw new Error(`managementGroups: '${g.id}' has an undeclared parent '${g.parentId}'`)
    }
  }

  /**
   * `roleDefinitions: [{ name?, roleName, description?, assignableScopes, permissions }]`: a custom role
   * (https://learn.microsoft.com/azure/role-based-access-control/custom-roles), the same JSON shape as
   * `az role definition create` takes.
   */
  private loadCustomRole(tenantId: string, value: unknown, path: string): void {
    const rec = record(value, path)
    onlyKeys(rec, ['name', 'roleName', 'description', 'assignableScopes', 'permissions'], path)
    const roleName = text(rec.roleName, `${path}.roleName`)
    const id =
      rec.name === undefined
        ? derivedAssignmentName([tenantId, 'customRole', roleName.toLowerCase()])
        : guid(rec.name, `${path}.name`)
    if (this.role(tenantId, id) || this.resolveRoleIn(tenantId, roleName))
      throw new Error(`${path}: a role with this name or id already exists`)
    const scopes = list(rec.assignableScopes, `${path}.assignableScopes`).map((x, j) =>
      normalizeScope(text(x, `${path}.assignableScopes[${j}]`))
    )
    if (scopes.length === 0) throw new Error(`${path}.assignableScopes: at least one scope is required`)
    const permissions = list(rec.permissions, `${path}.permissions`).map((p, j) => {
      const pPath = `${path}.permissions[${j}]`
      const pRec = record(p, pPath)
      onlyKeys(pRec, ['actions', 'notActions', 'dataActions', 'notDataActions'], pPath)
      const strings = (key: string): string[] =>
        list(pRec[key], `${pPath}.${key}`).map((x, k) => text(x, `${pPath}.${key}[${k}]`))
      return {
        actions: strings('actions'),
        notActions: strings('notActions'),
        dataActions: strings('dataActions'),
        notDataActions: strings('notDataActions')
      }
    })
    const roles = this.customRoles.get(tenantId) ?? []
    roles.push({
      guid: id,
      roleName,
      description: optionalText(rec.description, `${path}.description`) ?? '',
      type: 'CustomRole',
      assignableScopes: scopes,
      permissions
    })
    this.customRoles.set(tenantId, roles)
  }

  private loadVault(tenantId: string, value: unknown, path: string): void {
    const rec = record(value, path)
    onlyKeys(rec, ['name', 'scope', 'location', 'secrets'], path)
    const name = text(rec.name, `${path}.name`)
    if (!VAULT_NAME.test(name)) throw new Error(`${path}.name: '${name}' is not a valid key vault name`)
    if (this.vault(name))
      throw new Error(`${path}.name: key vault '${name}' is already declared (vault names are global)`)
    const scope = normalizeScope(text(rec.scope, `${path}.scope`))
    const parsed = parseScope(scope)
    if (
      parsed?.kind !== 'resource' ||
      parsed.resourceType.toLowerCase() !== KEY_VAULT_TYPE.toLowerCase() ||
      parsed.resourceName.toLowerCase() !== name.toLowerCase() ||
      !scope.toLowerCase().endsWith(`/${name.toLowerCase()}`)
    ) {
      throw new Error(
        `${path}.scope: expected /subscriptions/{id}/resourceGroups/{group}/providers/${KEY_VAULT_TYPE}/${name}, got '${scope}'`
      )
    }
    const sub = this.subscription(parsed.subscriptionId)
    if (!sub || sub.tenantId !== tenantId) {
      throw new Error(
        `${path}.scope: subscription ${parsed.subscriptionId} is not declared in this tenant's subscriptions`
      )
    }
    // a vault cannot exist without its resource group and resource entry: declare them if the scenario did not
    let group = sub.resourceGroups.find(g => g.name.toLowerCase() === parsed.resourceGroup.toLowerCase())
    if (!group) {
      group = { name: parsed.resourceGroup, resources: [] }
      sub.resourceGroups.push(group)
    }
    if (
      !group.resources.some(
        r =>
          r.type.toLowerCase() === KEY_VAULT_TYPE.toLowerCase() && r.name.toLowerCase() === name.toLowerCase()
      )
    ) {
      group.resources.push({ type: KEY_VAULT_TYPE, name })
    }
    const vault: KeyVault = {
      name,
      tenantId,
      resourceId: scope,
      location: optionalText(rec.location, `${path}.location`) ?? DEFAULT_VAULT_LOCATION,
      secrets: new Map(),
      deletedSecrets: new Map()
    }
    this.vaults.set(name.toLowerCase(), vault)
    list(rec.secrets, `${path}.secrets`).forEach((s, i) => this.loadSecret(vault, s, `${path}.secrets[${i}]`))
  }

  /** Each entry is one version; entries with the same name become successive versions, in file order. */
  private loadSecret(vault: KeyVault, value: unknown, path: string): void {
    const rec = record(value, path)
    onlyKeys(rec, ['name', 'value', 'contentType', 'tags', 'exp', 'nbf', 'enabled', 'created'], path)
    const name = text(rec.name, `${path}.name`)
    if (!SECRET_NAME.test(name))
      throw new Error(`${path}.name: '${name}' is not a valid secret name (1-127 letters, digits, dashes)`)
    if (typeof rec.value !== 'string') throw new Error(`${path}.value: expected a string`)
    const now = Math.floor(this.directory.now() / 1000)
    const created = rec.created === undefined ? now : unixSeconds(rec.created, `${path}.created`)
    this.setSecret(
      vault,
      name,
      {
        value: rec.value,
        ...(rec.contentType !== undefined
          ? { contentType: text(rec.contentType, `${path}.contentType`) }
          : {}),
        ...(rec.tags !== undefined ? { tags: stringMap(rec.tags, `${path}.tags`) } : {}),
        ...(rec.enabled !== undefined ? { enabled: flag(rec.enabled, `${path}.enabled`) } : {}),
        ...(rec.nbf !== undefined ? { nbf: unixSeconds(rec.nbf, `${path}.nbf`) } : {}),
        ...(rec.exp !== undefined ? { exp: unixSeconds(rec.exp, `${path}.exp`) } : {})
      },
      created
    )
  }

  private loadAssignment(
    tenantId: string,
    value: unknown,
    path: string,
    resolvePrincipal: (ref: string) => string
  ): void {
    const rec = record(value, path)
    onlyKeys(
      rec,
      ['scope', 'role', 'principal', 'principalType', 'name', 'description', 'condition', 'conditionVersion'],
      path
    )
    const scope = normalizeScope(text(rec.scope, `${path}.scope`))
    // `/` is the root of the tenant's hierarchy: an assignment there (elevated access, for one) applies to every
    // management group and subscription of the tenant (https://learn.microsoft.com/azure/role-based-access-control/elevate-access-global-admin)
    const scopeTenant =
      parseScope(scope)?.kind === 'root' ? tenantId : this.tenantOfScope(scope, `${path}.scope`)
    if (scopeTenant !== tenantId)
      throw new Error(`${path}.scope: the scope belongs to tenant ${scopeTenant}, not this one`)
    const roleRef = text(rec.role, `${path}.role`)
    const role = this.resolveRoleIn(tenantId, roleRef)
    if (!role)
      throw new Error(
        `${path}.role: no built-in or custom role '${roleRef}' (see test/emulator/RESOURCES.md)`
      )
    const principalRef = text(rec.principal, `${path}.principal`)
    let principalId: string
    try {
      principalId = resolvePrincipal(principalRef).toLowerCase()
    } catch (e) {
      throw new Error(`${path}.principal: ${(e as Error).message}`, { cause: e })
    }
    const principalType = optionalText(rec.principalType, `${path}.principalType`) ?? 'ServicePrincipal'
    checkPrincipalType(principalType, `${path}.principalType`)
    const name = rec.name === undefined ? undefined : guid(rec.name, `${path}.name`)
    if (name && this.assignmentByName(tenantId, name))
      throw new Error(`${path}.name: '${name}' is already used in this tenant`)
    if (this.assignmentByTriple(tenantId, scope, principalId, role.guid)) {
      throw new Error(
        `${path}: the same scope, role and principal are already assigned (Azure refuses duplicates)`
      )
    }
    const condition = optionalText(rec.condition, `${path}.condition`)
    this.createAssignment({
      scope,
      role,
      principalId,
      principalType,
      tenantId,
      ...(name !== undefined ? { name } : {}),
      description: optionalText(rec.description, `${path}.description`) ?? null,
      condition: condition ?? null,
      conditionVersion: condition
        ? (optionalText(rec.conditionVersion, `${path}.conditionVersion`) ?? '2.0')
        : null
    })
  }

  /** The tenant of an existing scope; throws naming `path` when the scope is malformed or not declared. */
  private tenantOfScope(scope: string, path: string): string {
    const parsed = parseScope(scope)
    if (!parsed || parsed.kind === 'root')
      throw new Error(
        `${path}: '${scope}' is not a management group, subscription, resource group or resource scope`
      )
    if (parsed.kind === 'managementGroup') {
      const group = this.managementGroup(parsed.groupId)
      if (!group) throw new Error(`${path}: management group ${parsed.groupId} is not declared`)
      return group.tenantId
    }
    const sub = this.subscription(parsed.subscriptionId)
    if (!sub) throw new Error(`${path}: subscription ${parsed.subscriptionId} is not declared`)
    const problem = this.scopeProblem(parsed)
    if (problem) throw new Error(`${path}: ${problem.message}`)
    return sub.tenantId
  }
}

function checkPrincipalType(value: string, path: string): void {
  if (!(PRINCIPAL_TYPES as readonly string[]).includes(value)) {
    throw new Error(`${path}: '${value}' is not one of ${PRINCIPAL_TYPES.join(', ')}`)
  }
}

export function assignmentId(a: RoleAssignment): string {
  return `${a.scope === '/' ? '' : a.scope}${ROLE_ASSIGNMENTS_SEGMENT}${a.name}`
}

/**
 * The role definition id ARM returns on an assignment: subscription-qualified for assignments in a
 * subscription, as the read examples in MicrosoftDocs/azure-docs `role-assignments-list-rest.md` and
 * `role-assignments-rest.md` show. (The swagger examples, e.g. RoleAssignments_CreateForSubscription.json,
 * shorten it to `/providers/…`; clients must compare by the trailing GUID either way — https://learn.microsoft.com/rest/api/authorization/role-assignments.)
 */
export function assignmentRoleDefinitionId(a: RoleAssignment): string {
  const parsed = parseScope(a.scope)
  const prefix =
    parsed && parsed.kind !== 'root' && parsed.kind !== 'managementGroup'
      ? `/subscriptions/${parsed.subscriptionId.toLowerCase()}`
      : ''
  return `${prefix}${ROLE_DEFINITIONS_SEGMENT}${a.roleGuid}`
}

/** A role assignment as ARM 2022-04-01 returns it (role-assignments-list-rest.md, the fuller read example). */
export function assignmentView(a: RoleAssignment): Record<string, unknown> {
  return {
    properties: {
      roleDefinitionId: assignmentRoleDefinitionId(a),
      principalId: a.principalId,
      principalType: a.principalType,
      scope: a.scope,
      condition: a.condition,
      conditionVersion: a.conditionVersion,
      createdOn: a.createdOn,
      updatedOn: a.updatedOn,
      createdBy: a.createdBy,
      updatedBy: a.updatedBy,
      delegatedManagedIdentityResourceId: null,
      description: a.description
    },
    id: assignmentId(a),
    type: ROLE_ASSIGNMENT_TYPE,
    name: a.name
  }
}
