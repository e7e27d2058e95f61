/**
 * What a principal can find out about its own access in a customer tenant, and the ARM read a probe makes:
 * - Permissions – List For Resource Group / For Resource (`GET {scope}/providers/Microsoft.Authorization/
 *   permissions?api-version=2022-04-01`, swagger authorization-RoleDefinitionsCalls.json; https://learn.microsoft.com/
 *   rest/api/authorization/permissions): "all permissions the caller has". Documented at those two scope kinds only;
 *   at a subscription, a management group or the root the operation does not exist (RESOURCES.md).
 * - Resource Groups – Get (`GET /subscriptions/{id}/resourcegroups/{name}`, https://learn.microsoft.com/rest/api/
 *   resources/resource-groups/get), authorized by `Microsoft.Resources/subscriptions/resourceGroups/read`.
 * Self-contained next to arm.ts (Microsoft.Authorization role assignments and definitions), sharing its checks.
 */
import type { AccessTokenClaims, EmuRequest, EmuResponse, ResourceService } from '../contracts.js'
import type { ResourceState } from '../state/resources.js'
import { normalizeScope, parseScope } from '../state/resources-scope.js'
import { queryString } from './arm.js'
import type { ArmAuthContext } from './arm-common.js'
import {
  ArmError,
  apiVersionProblem,
  armAuthenticate,
  armFailureResponse,
  isArmFailure,
  tenantOf
} from './arm-common.js'

/** Permissions – List is served at the version the swagger documents it (authorization-RoleDefinitionsCalls.json). */
export const PERMISSIONS_API_VERSIONS = ['2022-04-01']
/** Small on purpose, as the other ARM lists: clients must follow `nextLink`. */
const PAGE_SIZE = 3

function armError(status: number, code: string, message: string): EmuResponse {
  return armFailureResponse({ status, code, message })
}

const PERMISSIONS_PATH = /^(.*?)\/providers\/microsoft\.authorization\/permissions\/?$/i
const RESOURCE_GROUP_PATH = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/?$/i
/** The resource-group versions the docs list for Resource Groups – Get; the action sends the first. */
export const RESOURCE_GROUP_API_VERSIONS = ['2021-04-01', '2022-09-01', '2023-07-01', '2024-03-01']
export const ACTION_RESOURCE_GROUP_READ = 'Microsoft.Resources/subscriptions/resourceGroups/read'
const RESOURCE_GROUP_LOCATION = 'eastus'

export function createArmAccessService(state: ResourceState, auth: ArmAuthContext): ResourceService {
  return {
    name: 'arm',
    handles: req =>
      req.vault === undefined &&
      (PERMISSIONS_PATH.test(collapse(req.path)) || RESOURCE_GROUP_PATH.test(collapse(req.path))),
    handle: (req, caller) => {
      try {
        if (req.method.toUpperCase() !== 'GET') {
          return armError(405, 'MethodNotAllowed', `The method '${req.method}' is not supported.`)
        }
        const path = collapse(req.path)
        return PERMISSIONS_PATH.test(path)
          ? listPermissions(state, req, path, authenticated(req, caller, auth))
          : getResourceGroup(state, req, path, caller, auth)
      } catch (e) {
        if (e instanceof ArmError) return armFailureResponse(e.failure)
        throw e
      }
    }
  }
}

/** ARM treats `//` as `/`: the SDK writes an empty `parentResourcePath` for a top-level resource as one. */
function collapse(path: string): string {
  return path.replace(/\/{2,}/g, '/')
}

/** ARM's order: api-version, then the token (arm-common.ts, shared with the other ARM services). */
function authenticated(
  req: EmuRequest,
  claims: AccessTokenClaims | undefined,
  auth: ArmAuthContext,
  versions: readonly string[] = PERMISSIONS_API_VERSIONS
): AccessTokenClaims {
  const version = apiVersionProblem(req, versions)
  if (version) throw new ArmError(version.status, version.code, version.message)
  const caller = armAuthenticate(req, claims, auth)
  if (isArmFailure(caller)) throw new ArmError(caller.status, caller.code, caller.message)
  return caller
}

/** One page and, when more remain, an absolute `nextLink` that repeats the query (`x-ms-pageable`). */
function page(req: EmuRequest, items: unknown[]): Record<string, unknown> {
  const skip = Number(req.query.get('$skipToken') ?? '0')
  if (!Number.isInteger(skip) || skip < 0)
    throw new ArmError(400, 'InvalidSkipToken', 'The $skipToken is not valid.')
  const value = items.slice(skip, skip + PAGE_SIZE)
  if (skip + PAGE_SIZE >= items.length) return { value }
  const next = [...req.query].filter(([k]) => k !== '$skipToken')
  next.push(['$skipToken', String(skip + PAGE_SIZE)])
  return { value, nextLink: `${req.origin}${encodeURI(req.path)}?${queryString(next)}` }
}

function listPermissions(
  state: ResourceState,
  req: EmuRequest,
  path: string,
  caller: AccessTokenClaims
): EmuResponse {
  const scopeText = normalizeScope(PERMISSIONS_PATH.exec(path)?.[1] ?? '')
  const scope = parseScope(scopeText)
  if (scope?.kind !== 'resourceGroup' && scope?.kind !== 'resource') {
    // ARM's answer for an operation a resource provider does not register at that scope.
    return armError(
      400,
      'InvalidResourceType',
      `The resource type 'permissions' could not be found in the namespace 'Microsoft.Authorization' for api version '${PERMISSIONS_API_VERSIONS[0]}' at scope '${scopeText}'.`
    )
  }
  const tenantId = tenantOf(state, scope, caller)
  const problem = state.scopeProblem(scope)
  if (problem) return armError(problem.status, problem.code, problem.message)
  // No RBAC check: it reports the caller's own permissions, so every caller of the tenant may ask (an empty list
  // when it holds none). One entry per permission block of each role assigned to it at or above the scope — above
  // along the whole hierarchy: the subscription's management groups and the root too (scope-overview: inheritance).
  const oid = caller.oid.toLowerCase()
  const permissions = state
    .assignmentsOfTenant(tenantId)
    .filter(a => a.principalId === oid && state.inherits(a.scope, scopeText))
    .flatMap(a => state.role(tenantId, a.roleGuid)?.permissions ?? [])
    .map(p => ({
      actions: [...p.actions],
      notActions: [...p.notActions],
      dataActions: [...p.dataActions],
      notDataActions: [...p.notDataActions]
    }))
  return { status: 200, body: page(req, permissions) }
}

function getResourceGroup(
  state: ResourceState,
  req: EmuRequest,
  path: string,
  claims: AccessTokenClaims | undefined,
  auth: ArmAuthContext
): EmuResponse {
  const caller = authenticated(req, claims, auth, RESOURCE_GROUP_API_VERSIONS)
  const m = RESOURCE_GROUP_PATH.exec(path)
  const scopeText = normalizeScope(`/subscriptions/${m?.[1] ?? ''}/resourceGroups/${m?.[2] ?? ''}`)
  const scope = parseScope(scopeText)
  if (scope?.kind !== 'resourceGroup') return armError(404, 'NotFound', `No route for '${path}'.`)
  const tenantId = tenantOf(state, scope, caller)
  if (!state.isPermitted(tenantId, caller.oid, scopeText, ACTION_RESOURCE_GROUP_READ, 'control')) {
    return armError(
      403,
      'AuthorizationFailed',
      `The client '${caller.oid}' with object id '${caller.oid}' does not have authorization to perform action '${ACTION_RESOURCE_GROUP_READ}' over scope '${scopeText}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
    )
  }
  const problem = state.scopeProblem(scope)
  if (problem) return armError(problem.status, problem.code, problem.message)
  const group = state
    .subscription(scope.subscriptionId)
    ?.resourceGroups.find(g => g.name.toLowerCase() === scope.resourceGroup.toLowerCase())
  return {
    status: 200,
    body: {
      id: `/subscriptions/${scope.subscriptionId}/resourceGroups/${group?.name ?? scope.resourceGroup}`,
      name: group?.name ?? scope.resourceGroup,
      type: 'Microsoft.Resources/resourceGroups',
      location: RESOURCE_GROUP_LOCATION,
      properties: { provisioningState: 'Succeeded' }
    }
  }
}
