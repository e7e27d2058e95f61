/**
 * Azure role assignments of the app's service principal in a customer tenant, through ARM
 * Microsoft.Authorization (api-version 2022-04-01, the SDK's). Errors are mapped here, once.
 * Source: https://learn.microsoft.com/rest/api/authorization/role-assignments
 */
import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import { NO_SUBSCRIPTION } from './arm-clients.js'
import type {
  AssignOutcome,
  AssignmentLookup,
  EffectivePermissions,
  PrincipalAssignment
} from '../model/observed.js'
import type { RolePermission } from '../model/roles.js'
import { AzureRequestError, failureKindOf } from './errors.js'
import { MAX_RETRIES } from './pipeline.js'
import { type RetryOptions, REPLICATION_RETRY, retryWhile } from './retry.js'

// The deterministic names are the domain's (the hand-off's ARM template uses them too).
export { roleAssignmentName, uuidv5 } from '../model/role-assignment-name.js'
import { roleAssignmentName } from '../model/role-assignment-name.js'

export const ARM_ERRORS = {
  exists: 'RoleAssignmentExists',
  principalNotFound: 'PrincipalNotFound',
  authorizationFailed: 'AuthorizationFailed',
  wrongTenant: 'InvalidAuthenticationTokenTenant'
} as const

/**
 * Permissions – List is documented for a resource group and for a resource only
 * (https://learn.microsoft.com/rest/api/authorization/permissions, swagger authorization-RoleDefinitionsCalls.json
 * 2022-04-01): subscription and management-group scopes have no such operation.
 */
export const PERMISSIONS_SCOPES_NOTE =
  'ARM documents Permissions – List only for resource groups and resources, not at this scope'

/** `/subscriptions/{s}/resourceGroups/{rg}[/providers/{ns}/{type}/{name}[/{type}/{name}…]]`, split as the SDK wants it. */
export function resourceScopeParts(scope: string):
  | { kind: 'resourceGroup'; resourceGroup: string }
  | {
      kind: 'resource'
      resourceGroup: string
      namespace: string
      parentPath: string
      type: string
      name: string
    }
  | undefined {
  const m = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)(?:\/providers\/([^/]+)\/(.+))?$/i.exec(
    scope.replace(/\/+$/, '')
  )
  if (!m) return undefined
  const resourceGroup = m[1] ?? ''
  if (m[2] === undefined) return { kind: 'resourceGroup', resourceGroup }
  const pairs = (m[3] ?? '').split('/')
  if (pairs.length < 2 || pairs.length % 2 !== 0) return undefined
  return {
    kind: 'resource',
    resourceGroup,
    namespace: m[2],
    parentPath: pairs.slice(0, -2).join('/'),
    type: pairs.at(-2) ?? '',
    name: pairs.at(-1) ?? ''
  }
}

/** The trailing GUID of any form of roleDefinitionId ARM returns or takes. */
export function roleGuidOf(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? '').toLowerCase()
}

const scopeKey = (scope: string): string => scope.replace(/\/+$/, '').toLowerCase()

/** Whether two scopes are the same (ARM compares resource ids case-insensitively). */
export function sameScope(a: string, b: string): boolean {
  return scopeKey(a) === scopeKey(b)
}

/** Whether `assigned` lies below `wanted` by its path: an assignment there grants nothing at `wanted`. */
export function liesBelow(assigned: string, wanted: string): boolean {
  const a = scopeKey(assigned)
  const w = scopeKey(wanted)
  return a !== w && a.startsWith(`${w}/`)
}

/**
 * The principal's own role assignments at the scope or above it, as ARM documents the filter
 * (https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest: `atScope()` lists "only the
 * specified scope, not including the role assignments at subscopes" — that is, at or above it,
 * https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope — and `assignedTo('{objectId}')`
 * narrows it to one user or service principal). ARM walks the hierarchy itself: what it returns for a subscription
 * includes the subscription's management groups and the root `/`, which no scope string contains.
 */
export function atOrAboveFilter(principalId: string): string {
  return `atScope() and assignedTo('${principalId}')`
}

/** The subscription a scope lives in; undefined for a management group or the root. */
export function subscriptionIdOf(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1]?.toLowerCase()
}

function subscriptionOf(scope: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? NO_SUBSCRIPTION
}

function armErrorOf(error: unknown): { statusCode: number; code: string; message: string } {
  const e = error as { statusCode?: number; code?: string; message?: string }
  return {
    statusCode: e.statusCode ?? -1,
    code: e.code ?? '',
    message: (e.message ?? String(error)).split(/\r?\n/)[0] ?? ''
  }
}

/**
 * What a failed ARM read says, in the product's words. A definitive answer (403, 404, 400) is reported as ARM gave
 * it; no answer — throttling, 5xx, a dropped connection or timeout, all already retried by the pipeline, or its
 * retry budget spent — is a transient failure, reported as such and never turned into a verdict.
 */
function failureOf(error: unknown, what: string): { transient: boolean; detail: string } {
  const e = armErrorOf(error)
  const answer = e.statusCode > 0 ? `${e.code || 'error'} (HTTP ${e.statusCode})` : e.code || 'no answer'
  const detail = `${answer}: ${e.message}`
  return failureKindOf(e.statusCode) === 'transient'
    ? {
        transient: true,
        detail: `Transient: ${what} could not be read, retried up to ${MAX_RETRIES} times: ${detail}`
      }
    : { transient: false, detail }
}

/** Why the role assignments could not be read: `failed` (transient) or `unverifiable` (ARM's definitive refusal). */
export function unreadable(error: unknown): AssignmentLookup {
  const { transient, detail } = failureOf(error, 'the role assignments')
  if (transient) return { status: 'failed', failure: 'transient', detail }
  return { status: 'unverifiable', detail, statusCode: armErrorOf(error).statusCode }
}

export class RoleAssignments {
  readonly #client: (scope: string) => AuthorizationManagementClient
  readonly #retry: RetryOptions

  constructor(
    client: (scope: string) => AuthorizationManagementClient,
    retry: RetryOptions = REPLICATION_RETRY
  ) {
    this.#client = client
    this.#retry = retry
  }

  /**
   * Whether the principal holds the role at the scope: `present` with `via` the scope of the assignment ARM reports,
   * the scope itself when there is one there, else the ancestor it inherits from (a resource group, a subscription,
   * a management group or the root). `assignedTo` is transitive through groups: only the principal's own
   * assignments count, as apply would create them.
   */
  async check(scope: string, roleDefinitionId: string, principalId: string): Promise<AssignmentLookup> {
    try {
      const assignments = this.#client(scope).roleAssignments.listForScope(scope, {
        filter: atOrAboveFilter(principalId)
      })
      let inheritedFrom: string | undefined
      for await (const assignment of assignments) {
        const at = assignment.scope ?? ''
        if (
          roleGuidOf(assignment.roleDefinitionId ?? '') !== roleDefinitionId.toLowerCase() ||
          (assignment.principalId ?? '').toLowerCase() !== principalId.toLowerCase() ||
          at === '' ||
          liesBelow(at, scope)
        )
          continue
        if (sameScope(at, scope)) return { status: 'present', via: at }
        inheritedFrom ??= at
      }
      return inheritedFrom === undefined ? { status: 'missing' } : { status: 'present', via: inheritedFrom }
    } catch (error) {
      return unreadable(error)
    }
  }

  /**
   * Every role assignment of the principal at, above and below the scope (`principalId eq` filter,
   * https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest): for unmanaged ones.
   */
  async listForPrincipal(scope: string, principalId: string): Promise<PrincipalAssignment[]> {
    const found: PrincipalAssignment[] = []
    try {
      const assignments = this.#client(scope).roleAssignments.listForScope(scope, {
        filter: `principalId eq '${principalId}'`
      })
      for await (const a of assignments) {
        if ((a.principalId ?? '').toLowerCase() !== principalId.toLowerCase()) continue
        found.push({
          id: a.id ?? '',
          scope: a.scope ?? '',
          roleDefinitionId: roleGuidOf(a.roleDefinitionId ?? ''),
          ...(a.condition ? { condition: a.condition } : {})
        })
      }
    } catch (error) {
      const e = armErrorOf(error)
      const answer = e.statusCode > 0 ? `${e.code || 'error'} (HTTP ${e.statusCode})` : e.code || 'no answer'
      throw new AzureRequestError(
        `the role assignments at ${scope}: ${answer}: ${e.message}`,
        e.statusCode,
        error
      )
    }
    return found
  }

  /**
   * What the caller itself may do at the scope: needs no role at all ("Gets all permissions the caller has"), so it
   * answers where a principal without read rights cannot list role assignments.
   */
  async effectivePermissions(scope: string): Promise<EffectivePermissions> {
    const parts = resourceScopeParts(scope)
    if (!parts) return { status: 'unavailable', detail: PERMISSIONS_SCOPES_NOTE }
    const permissions = this.#client(scope).permissions
    try {
      const pages =
        parts.kind === 'resourceGroup'
          ? permissions.listForResourceGroup(parts.resourceGroup)
          : permissions.listForResource(
              parts.resourceGroup,
              parts.namespace,
              parts.parentPath,
              parts.type,
              parts.name
            )
      const read: RolePermission[] = []
      for await (const p of pages) {
        read.push({
          actions: p.actions ?? [],
          notActions: p.notActions ?? [],
          dataActions: p.dataActions ?? [],
          notDataActions: p.notDataActions ?? []
        })
      }
      return { status: 'read', permissions: read }
    } catch (error) {
      const e = armErrorOf(error)
      return { status: 'unavailable', detail: `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}` }
    }
  }

  /**
   * A role definition of the customer tenant, by GUID or by name (`roleName eq` filter,
   * https://learn.microsoft.com/rest/api/authorization/role-definitions/list): custom roles live only there.
   */
  async roleDefinition(
    scope: string,
    role: { id: string } | { name: string }
  ): Promise<{ id: string; permissions: RolePermission[] } | { problem: string }> {
    const client = this.#client(scope)
    const shape = (d: { name?: string; permissions?: Partial<RolePermission>[] }) => ({
      id: (d.name ?? '').toLowerCase(),
      permissions: (d.permissions ?? []).map(p => ({
        actions: p.actions ?? [],
        notActions: p.notActions ?? [],
        dataActions: p.dataActions ?? [],
        notDataActions: p.notDataActions ?? []
      }))
    })
    try {
      if ('id' in role) return shape(await client.roleDefinitions.get(scope, role.id))
      const filter = `roleName eq '${role.name.replace(/'/g, "''")}'`
      for await (const d of client.roleDefinitions.list(scope, { filter })) return shape(d)
      return {
        problem:
          `No role named "${role.name}" is defined at ${scope} in this tenant (neither built in nor a custom role ` +
          "assignable there): check the name in the tenants file, or ask the customer's admin to create the custom role " +
          'with this scope among its assignable scopes.'
      }
    } catch (error) {
      const failure = failureOf(error, 'the role definition')
      return {
        problem: failure.transient
          ? failure.detail
          : `The role definition could not be read: ${failure.detail}`
      }
    }
  }

  /** Removes an assignment by its id (prune). */
  async remove(
    id: string,
    scope: string
  ): Promise<{ status: 'removed' } | { status: 'not-permitted' | 'failed'; detail: string }> {
    try {
      await this.#client(scope).roleAssignments.deleteById(id)
      return { status: 'removed' }
    } catch (error) {
      const e = armErrorOf(error)
      const detail = `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}`
      return { status: e.statusCode === 403 ? 'not-permitted' : 'failed', detail }
    }
  }

  /**
   * Creates the assignment under its deterministic name, with `principalType: ServicePrincipal` so that ARM does
   * not insist on seeing a just-consented principal (documented for replication delays), retrying PrincipalNotFound
   * for the lag that remains. A 409 RoleAssignmentExists means it is there under another name: nothing to do.
   */
  async assign(scope: string, roleDefinitionId: string, principalId: string): Promise<AssignOutcome> {
    const client = this.#client(scope)
    const name = roleAssignmentName(scope, principalId, roleDefinitionId)
    const roleDefinition = `${scope.startsWith('/subscriptions/') ? `/subscriptions/${subscriptionOf(scope)}` : ''}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionId}`
    try {
      await retryWhile(
        () =>
          client.roleAssignments.create(scope, name, {
            roleDefinitionId: roleDefinition,
            principalId,
            principalType: 'ServicePrincipal'
          }),
        error => armErrorOf(error).code === ARM_ERRORS.principalNotFound,
        this.#retry
      )
      return { status: 'applied' }
    } catch (error) {
      const e = armErrorOf(error)
      if (e.code === ARM_ERRORS.exists) return { status: 'present' }
      if (e.statusCode === 403) return { status: 'not-permitted', detail: `${e.code}: ${e.message}` }
      return { status: 'failed', detail: `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}` }
    }
  }
}
