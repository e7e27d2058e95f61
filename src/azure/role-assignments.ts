/**
 * Azure role assignments of the app's service principal in a customer tenant, through ARM
 * Microsoft.Authorization (api-version 2022-04-01, the SDK's). Errors are mapped here, once.
 * Source: https://learn.microsoft.com/rest/api/authorization/role-assignments
 */
import { createHash } from 'node:crypto'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { TokenCredential } from '@azure/identity'
import { type Cloud, defaultScope } from '../cloud.js'
import type { AssignOutcome, AssignmentLookup } from '../model/observed.js'
import type { ClientOptions } from './pipeline.js'
import { type RetryOptions, REPLICATION_RETRY, retryWhile } from './retry.js'

/**
 * The namespace of ARM template `guid()` (UUIDv5 over the arguments joined with `-`), so that the action names an
 * assignment exactly as a Bicep `guid(scope, principalId, roleId)` would
 * (https://learn.microsoft.com/azure/azure-resource-manager/bicep/scenarios-rbac#name).
 */
const ROLE_ASSIGNMENT_NAMESPACE = '11fb06fb-712d-4ddd-98c7-e71bbd588830'

export const ARM_ERRORS = {
  exists: 'RoleAssignmentExists',
  principalNotFound: 'PrincipalNotFound',
  authorizationFailed: 'AuthorizationFailed',
  wrongTenant: 'InvalidAuthenticationTokenTenant'
} as const

export function uuidv5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
  hash[6] = (hash[6]! & 0x0f) | 0x50
  hash[8] = (hash[8]! & 0x3f) | 0x80
  const hex = hash.subarray(0, 16).toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A stable name for (scope, principal, role): re-applying is a no-op PUT, never a duplicate. */
export function roleAssignmentName(scope: string, principalId: string, roleDefinitionId: string): string {
  return uuidv5(
    [scope, principalId, roleDefinitionId].map(part => part.toLowerCase()).join('-'),
    ROLE_ASSIGNMENT_NAMESPACE
  )
}

/** The trailing GUID of any form of roleDefinitionId ARM returns or takes. */
export function roleGuidOf(roleDefinitionId: string): string {
  return (roleDefinitionId.split('/').pop() ?? '').toLowerCase()
}

/** Whether an assignment at `assigned` applies at `wanted`: the same scope or one above it. */
export function coversScope(assigned: string, wanted: string): boolean {
  const a = assigned.replace(/\/+$/, '').toLowerCase()
  const w = wanted.replace(/\/+$/, '').toLowerCase()
  return a === '' || a === w || w.startsWith(`${a}/`)
}

/**
 * One client for a tenant's every scope. The constructor wants a subscription id, but it only enters the paths of
 * subscription-bound operations; the scope-based ones used here (list for scope, create, get) take the scope
 * whole, so a placeholder serves. https://learn.microsoft.com/rest/api/authorization/role-assignments/list-for-scope
 */
const NO_SUBSCRIPTION = '00000000-0000-0000-0000-000000000000'

function subscriptionOf(scope: string): string {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1] ?? NO_SUBSCRIPTION
}

export function armClient(
  cloud: Cloud,
  credential: TokenCredential,
  options: ClientOptions
): AuthorizationManagementClient {
  return new AuthorizationManagementClient(credential, NO_SUBSCRIPTION, {
    ...options,
    endpoint: cloud.armEndpoint,
    credentialScopes: [defaultScope(cloud.armAudience)]
  })
}

function armErrorOf(error: unknown): { statusCode: number; code: string; message: string } {
  const e = error as { statusCode?: number; code?: string; message?: string }
  return {
    statusCode: e.statusCode ?? -1,
    code: e.code ?? '',
    message: (e.message ?? String(error)).split(/\r?\n/)[0] ?? ''
  }
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

  /** Whether the principal holds the role at the scope, directly or from a scope above it. */
  async check(scope: string, roleDefinitionId: string, principalId: string): Promise<AssignmentLookup> {
    try {
      const assignments = this.#client(scope).roleAssignments.listForScope(scope, {
        filter: `principalId eq '${principalId}'`
      })
      for await (const assignment of assignments) {
        if (
          roleGuidOf(assignment.roleDefinitionId ?? '') === roleDefinitionId.toLowerCase() &&
          (assignment.principalId ?? '').toLowerCase() === principalId.toLowerCase() &&
          coversScope(assignment.scope ?? '', scope)
        ) {
          return { status: 'present', via: assignment.scope ?? scope }
        }
      }
      return { status: 'missing' }
    } catch (error) {
      const e = armErrorOf(error)
      return { status: 'unverifiable', detail: `${e.code || 'error'} (HTTP ${e.statusCode}): ${e.message}` }
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
