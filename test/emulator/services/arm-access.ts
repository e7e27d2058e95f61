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
import { isAtOrAbove, normalizeScope, parseScope } from '../state/resources-scope.js'
import { roleByGuid } from './role-catalogue.js'
import { ARM_API_VERSION, ArmError, armError, authenticate, checkApiVersion, page, tenantOf } from './arm.js'

const PERMISSIONS_PATH = /^(.*?)\/providers\/microsoft\.authorization\/permissions\/?$/i
const RESOURCE_GROUP_PATH = /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/?$/i
/** The resource-group versions the docs list for Resource Groups – Get; the action sends the first. */
export const RESOURCE_GROUP_API_VERSIONS = ['2021-04-01', '2022-09-01', '2023-07-01', '2024-03-01']
export const ACTION_RESOURCE_GROUP_READ = 'Microsoft.Resources/subscriptions/resourceGroups/read'
const RESOURCE_GROUP_LOCATION = 'eastus'

export function createArmAccessService(state: ResourceState): ResourceService {
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
          ? listPermissions(state, req, path, caller)
          : getResourceGroup(state, req, path, caller)
      } catch (e) {
        if (e instanceof ArmError) return armError(e.status, e.code, e.message)
        throw e
      }
    }
  }
}

/** ARM treats `//` as `/`: the SDK writes an empty `parentResourcePath` for a top-level resource as one. */
function collapse(path: string): string {
  return path.replace(/\/{2,}/g, '/')
}

function listPermissions(
  state: ResourceState,
  req: EmuRequest,
  path: string,
  claims: AccessTokenClaims | undefined
): EmuResponse {
  checkApiVersion(req)
  const caller = authenticate(req, claims)
  const scopeText = normalizeScope(PERMISSIONS_PATH.exec(path)?.[1] ?? '')
  const scope = parseScope(scopeText)
  if (scope?.kind !== 'resourceGroup' && scope?.kind !== 'resource') {
    // ARM's answer for an operation a resource provider does not register at that scope.
    return armError(
      400,
      'InvalidResourceType',
      `The resource type 'permissions' could not be found in the namespace 'Microsoft.Authorization' for api version '${ARM_API_VERSION}' at scope '${scopeText}'.`
    )
  }
  const tenantId = tenantOf(state, scope, caller)
  const problem = state.scopeProblem(scope)
  if (problem) return armError(problem.status, problem.code, problem.message)
  // No RBAC check: it reports the caller's own permissions, so every caller of the tenant may ask (an empty list
  // when it holds none). One entry per permission block of each role assigned to it at or above the scope.
  const oid = caller.oid.toLowerCase()
  const permissions = state
    .assignmentsOfTenant(tenantId)
    .filter(a => a.principalId === oid && isAtOrAbove(a.scope, scopeText))
    .flatMap(a => roleByGuid(a.roleGuid)?.permissions ?? [])
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
  claims: AccessTokenClaims | undefined
): EmuResponse {
  const version = req.query.get('api-version')
  if (version === null || !RESOURCE_GROUP_API_VERSIONS.includes(version)) {
    return armError(
      400,
      version === null ? 'MissingApiVersionParameter' : 'InvalidApiVersionParameter',
      `The api-version '${version ?? ''}' is invalid. The supported versions are '${RESOURCE_GROUP_API_VERSIONS.join(',')}'.`
    )
  }
  const caller = authenticate(req, claims)
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
