/**
 * ARM Microsoft.Authorization, api-version 2022-04-01: role assignments (list / get / create / delete) and
 * role definitions (list / get), with ARM's authentication, tenant and RBAC checks in front of them.
 * Wire formats: https://learn.microsoft.com/rest/api/authorization/role-assignments (swagger `authorization-RoleAssignmentsCalls.json` and its
 * examples; MicrosoftDocs/azure-docs `role-assignments-list-rest.md`, `role-assignments-rest.md`,
 * `troubleshooting.md`). Behaviour chosen where no document settles it is listed in RESOURCES.md.
 */
import type { AccessTokenClaims, Directory, EmuRequest, EmuResponse, ResourceService } from '../contracts.js'
import type { RoleAssignment, ResourceState } from '../state/resources.js'
import { PRINCIPAL_TYPES, armTime, assignmentId, assignmentView } from '../state/resources.js'
import type { AssignmentAttributes, ConditionContext } from '../state/resources-condition.js'
import type { ParsedScope } from '../state/resources-scope.js'
import { GUID, normalizeScope, parseScope, scopeKey } from '../state/resources-scope.js'
import type { RoleDefinition } from './role-catalogue.js'
import { BUILT_IN_ROLES, ROLE_DEFINITIONS_SEGMENT, roleGuidOf } from './role-catalogue.js'
import type { ArmAuthContext } from './arm-common.js'
import {
  ARM_API_VERSIONS,
  LEGACY_ASSIGNMENT_VERSIONS,
  LEGACY_DEFINITION_VERSIONS,
  apiVersionProblem,
  armAuthenticate,
  armFailureResponse,
  isArmFailure,
  ArmError,
  tenantOf
} from './arm-common.js'

/** Current stable Microsoft.Authorization version (https://learn.microsoft.com/rest/api/authorization/role-assignments); @azure/arm-authorization 9 sends it. */
export const ARM_API_VERSION = '2022-04-01'
/** Small on purpose: a few assignments already span pages, so clients' `nextLink` handling is exercised. */
export const ARM_PAGE_SIZE = 3

/** Pages of the ~900-role catalogue: large, so a client lists it in a few requests rather than hundreds. */
export const ROLE_DEFINITION_PAGE_SIZE = 250

export const ACTION_ASSIGNMENTS_READ = 'Microsoft.Authorization/roleAssignments/read'
export const ACTION_ASSIGNMENTS_WRITE = 'Microsoft.Authorization/roleAssignments/write'
export const ACTION_ASSIGNMENTS_DELETE = 'Microsoft.Authorization/roleAssignments/delete'
const ROLE_DEFINITION_TYPE = 'Microsoft.Authorization/roleDefinitions'

const AUTHORIZATION_PROVIDER =
  /^(.*?)\/providers\/microsoft\.authorization\/(roleassignments|roledefinitions)(?:\/([^/]+))?\/?$/i

interface Route {
  scope: string
  collection: 'roleAssignments' | 'roleDefinitions'
  name: string | undefined
}

/** A request that passed authentication and the subscription/tenant checks. */
interface Call {
  req: EmuRequest
  route: Route
  caller: AccessTokenClaims
  tenantId: string
  scope: ParsedScope
}

/** ARM's error envelope (common-types `ErrorResponse`, https://learn.microsoft.com/rest/api/authorization/role-assignments). */
function armError(status: number, code: string, message: string): EmuResponse {
  return { status, body: { error: { code, message } } }
}

/** `auth` lets ARM tell an expired token from a forged one and see revoked sessions (CAE); optional for unit tests. */
export function createArmService(
  directory: Directory,
  state: ResourceState,
  auth?: ArmAuthContext
): ResourceService {
  return {
    name: 'arm',
    handles: req => req.vault === undefined && routeOf(req.path) !== undefined,
    handle: (req, caller) => {
      try {
        return handleArm(directory, state, req, caller, auth)
      } catch (e) {
        if (e instanceof ArmError)
          return armFailureResponse({
            status: e.status,
            code: e.code,
            message: e.message,
            headers: e.headers
          })
        throw e
      }
    }
  }
}

function routeOf(path: string): Route | undefined {
  const m = AUTHORIZATION_PROVIDER.exec(path)
  if (!m) return undefined
  return {
    scope: normalizeScope(m[1] ?? ''),
    collection: m[2]?.toLowerCase() === 'roleassignments' ? 'roleAssignments' : 'roleDefinitions',
    name: m[3]
  }
}

function handleArm(
  directory: Directory,
  state: ResourceState,
  req: EmuRequest,
  claims: AccessTokenClaims | undefined,
  auth: ArmAuthContext | undefined
): EmuResponse {
  const route = routeOf(req.path)
  if (!route) return armError(404, 'NotFound', `No route for '${req.path}'.`)
  const versionProblem = apiVersionProblem(req, ARM_API_VERSIONS[route.collection])
  if (versionProblem) throw ArmError.of(versionProblem)
  const authenticated = armAuthenticate(req, claims, auth)
  if (isArmFailure(authenticated)) throw ArmError.of(authenticated)
  const caller = authenticated
  const scope = parseScope(route.scope)
  if (!scope) {
    throw new ArmError(
      400,
      'InvalidScope',
      `The scope '${route.scope}' is not a management group, subscription, resource group or resource scope.`
    )
  }
  const call: Call = { req, route, caller, scope, tenantId: tenantOf(state, scope, caller) }
  if (route.collection === 'roleDefinitions') return handleRoleDefinitions(state, call)
  switch (req.method.toUpperCase()) {
    case 'GET':
      return route.name === undefined ? listAssignments(state, call) : getAssignment(state, call, route.name)
    case 'PUT':
      return putAssignment(directory, state, call, route.name)
    case 'DELETE':
      return deleteAssignment(state, call, route.name)
    default:
      return armError(
        405,
        'MethodNotAllowed',
        `The method '${req.method}' is not supported on role assignments.`
      )
  }
}

/** ARM authorizes before the resource provider sees the request, so this runs before any scope or body check. */
function authorize(
  state: ResourceState,
  call: Call,
  action: string,
  target: string,
  attributes: Omit<ConditionContext, 'action'> = {}
): void {
  if (state.isPermitted(call.tenantId, call.caller.oid, call.route.scope, action, 'control', attributes))
    return
  const who = `The client '${call.caller.oid}' with object id '${call.caller.oid}'`
  // learn.microsoft.com/azure/role-based-access-control/troubleshooting: writes mention ABAC conditions, reads do not
  const what =
    action === ACTION_ASSIGNMENTS_READ
      ? `does not have authorization to perform action '${action}'`
      : `does not have authorization or an ABAC condition not fulfilled to perform action '${action}'`
  throw new ArmError(
    403,
    'AuthorizationFailed',
    `${who} ${what} over scope '${target}' or the scope is invalid. If access was recently granted, please refresh your credentials.`
  )
}

function requireScopeExists(state: ResourceState, call: Call): void {
  const problem = state.scopeProblem(call.scope)
  if (problem) throw new ArmError(problem.status, problem.code, problem.message)
}

// --- role assignments ---

type AssignmentFilter = { atScope: boolean; principalId: string | undefined }

/**
 * `$filter` as the 2022-04-01 swagger and role-assignments-list-rest.md define it: `atScope()` (at or above
 * the scope), `principalId eq '{id}'` / `assignedTo('{id}')` (one principal, at, above or below), or
 * `atScope() and assignedTo('{id}')`. Without a filter the list holds assignments at, above and below.
 * `assignedTo` is transitive through groups in Azure; the emulator has no groups, so it equals `principalId eq`.
 */
function parseAssignmentFilter(raw: string | null): AssignmentFilter {
  const filter: AssignmentFilter = { atScope: false, principalId: undefined }
  if (raw === null || raw.trim() === '') return filter
  for (const term of raw.trim().split(/\s+and\s+/i)) {
    const principal = /^principalId\s+eq\s+'([^']*)'$/i.exec(term) ?? /^assignedTo\('([^']*)'\)$/i.exec(term)
    if (/^atScope\(\)$/i.test(term)) filter.atScope = true
    else if (principal && filter.principalId === undefined) filter.principalId = principal[1]?.toLowerCase()
    else {
      throw new ArmError(
        400,
        'UnsupportedQuery',
        `The filter '${raw}' is not supported. Supported filters are either 'atScope()' or 'principalId eq '{value}'' or 'assignedTo('{value}')'.`
      )
    }
  }
  return filter
}

/** Above, at and below follow the management-group hierarchy too (scope-overview: inheritance). */
function matchesFilter(
  state: ResourceState,
  a: RoleAssignment,
  scope: string,
  filter: AssignmentFilter
): boolean {
  if (filter.principalId !== undefined && a.principalId !== filter.principalId) return false
  const atOrAbove = state.inherits(a.scope, scope)
  return filter.atScope ? atOrAbove : atOrAbove || state.inherits(scope, a.scope)
}

function listAssignments(state: ResourceState, call: Call): EmuResponse {
  authorize(state, call, ACTION_ASSIGNMENTS_READ, call.route.scope)
  requireScopeExists(state, call)
  const filter = parseAssignmentFilter(call.req.query.get('$filter'))
  const matching = state
    .assignmentsOfTenant(call.tenantId)
    .filter(a => matchesFilter(state, a, call.route.scope, filter))
  return {
    status: 200,
    body: page(
      call.req,
      matching.map(a => versionedAssignment(call, a))
    )
  }
}

function getAssignment(state: ResourceState, call: Call, name: string): EmuResponse {
  authorize(state, call, ACTION_ASSIGNMENTS_READ, call.route.scope)
  requireScopeExists(state, call)
  const found = assignmentAt(state, call, name)
  if (!found) return armError(404, 'RoleAssignmentNotFound', `The role assignment '${name}' is not found.`)
  return { status: 200, body: versionedAssignment(call, found) }
}

/**
 * A role assignment in the shape of the request's api-version: before 2018-09-01-preview the properties are
 * only `roleDefinitionId`, `principalId` and `scope` (2015-07-01 `RoleAssignmentPropertiesWithScope`).
 */
function versionedAssignment(call: Call, a: RoleAssignment): Record<string, unknown> {
  const view = assignmentView(a)
  if (!LEGACY_ASSIGNMENT_VERSIONS.includes(call.req.query.get('api-version') ?? '')) return view
  const props = view.properties as Record<string, unknown>
  return {
    ...view,
    properties: {
      roleDefinitionId: props.roleDefinitionId,
      principalId: props.principalId,
      scope: props.scope
    }
  }
}

function assignmentAt(state: ResourceState, call: Call, name: string): RoleAssignment | undefined {
  const found = state.assignmentByName(call.tenantId, name)
  return found && scopeKey(found.scope) === scopeKey(call.route.scope) ? found : undefined
}

/** The id an authorization error names for a write or delete: the assignment's own id. */
function assignmentTarget(call: Call, name: string): string {
  return `${call.route.scope === '/' ? '' : call.route.scope}/providers/Microsoft.Authorization/roleAssignments/${name}`
}

function attributesOf(a: RoleAssignment): AssignmentAttributes {
  return { roleDefinitionId: a.roleGuid, principalId: a.principalId, principalType: a.principalType }
}

/**
 * The `@Request[…]` attributes conditions see, read before the body is validated because ARM authorizes first;
 * a body that cannot be read offers none, so a conditioned grant does not apply to it.
 */
function requestedAttributes(body: Buffer): AssignmentAttributes | undefined {
  try {
    const props = (JSON.parse(body.toString('utf8')) as { properties?: Record<string, unknown> }).properties
    const roleGuid =
      typeof props?.roleDefinitionId === 'string' ? roleGuidOf(props.roleDefinitionId) : undefined
    if (roleGuid === undefined || typeof props?.principalId !== 'string') return undefined
    return {
      roleDefinitionId: roleGuid,
      principalId: props.principalId.toLowerCase(),
      principalType: typeof props.principalType === 'string' ? props.principalType : 'User'
    }
  } catch {
    return undefined
  }
}

interface AssignmentRequest {
  role: RoleDefinition
  principalId: string
  principalType: string | undefined
  description: string | null
  condition: string | null
  conditionVersion: string | null
}

function putAssignment(
  directory: Directory,
  state: ResourceState,
  call: Call,
  name: string | undefined
): EmuResponse {
  if (name === undefined) return armError(405, 'MethodNotAllowed', 'PUT needs a role assignment name.')
  authorize(state, call, ACTION_ASSIGNMENTS_WRITE, assignmentTarget(call, name), {
    request: requestedAttributes(call.req.body)
  })
  requireScopeExists(state, call)
  if (!GUID.test(name)) {
    // https://learn.microsoft.com/rest/api/authorization/role-assignments (Azure/azure-service-operator#2586)
    return armError(
      400,
      'InvalidRoleAssignmentId',
      `The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`
    )
  }
  const wanted = readAssignmentRequest(call.req.body, guid => state.role(call.tenantId, guid))
  const existing = state.assignmentByName(call.tenantId, name)
  if (existing) return updateAssignment(directory, call, existing, wanted)
  const principalProblem = checkPrincipal(directory, call.tenantId, wanted)
  if (principalProblem) return principalProblem
  const duplicate = state.assignmentByTriple(
    call.tenantId,
    call.route.scope,
    wanted.principalId,
    wanted.role.guid
  )
  if (duplicate) {
    // https://learn.microsoft.com/rest/api/authorization/role-assignments: the newer message names the existing assignment as 32 hex digits
    return armError(
      409,
      'RoleAssignmentExists',
      `The role assignment already exists. The ID of the existing role assignment is ${duplicate.name.replace(/-/g, '')}.`
    )
  }
  const created = state.createAssignment({
    name,
    scope: call.route.scope,
    role: wanted.role,
    principalId: wanted.principalId,
    // the property defaults to User (swagger RoleAssignmentProperties.principalType)
    principalType: wanted.principalType ?? 'User',
    tenantId: call.tenantId,
    description: wanted.description,
    condition: wanted.condition,
    conditionVersion: wanted.conditionVersion,
    createdBy: call.caller.oid
  })
  return { status: 201, body: versionedAssignment(call, created) }
}

/** A PUT to an existing name: 200 when it restates the same assignment, else the documented refusal. */
function updateAssignment(
  directory: Directory,
  call: Call,
  existing: RoleAssignment,
  wanted: AssignmentRequest
): EmuResponse {
  const same =
    scopeKey(existing.scope) === scopeKey(call.route.scope) &&
    existing.principalId === wanted.principalId &&
    existing.roleGuid === wanted.role.guid
  if (!same) {
    // https://learn.microsoft.com/rest/api/authorization/role-assignments (jetbrains/teamcity-azure-template#10)
    return armError(
      400,
      'RoleAssignmentUpdateNotPermitted',
      'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.'
    )
  }
  existing.description = wanted.description ?? existing.description
  existing.condition = wanted.condition
  existing.conditionVersion = wanted.conditionVersion
  existing.updatedOn = armTime(directory.now())
  existing.updatedBy = call.caller.oid
  return { status: 200, body: versionedAssignment(call, existing) }
}

function readAssignmentRequest(
  body: Buffer,
  roleOf: (guid: string) => RoleDefinition | undefined
): AssignmentRequest {
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch (e) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The request content was invalid and could not be deserialized: '${(e as Error).message}'.`
    )
  }
  const props = (parsed as { properties?: Record<string, unknown> } | null)?.properties
  if (typeof props !== 'object' || props === null) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: the 'properties' object is required."
    )
  }
  const roleDefinitionId = props.roleDefinitionId
  const principalId = props.principalId
  if (typeof roleDefinitionId !== 'string') {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'properties.roleDefinitionId' is required."
    )
  }
  if (typeof principalId !== 'string') {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      "The request content was invalid: 'properties.principalId' is required."
    )
  }
  if (!GUID.test(principalId)) {
    // https://learn.microsoft.com/rest/api/authorization/role-assignments (Azure/azure-powershell#16627)
    throw new ArmError(
      400,
      'InvalidPrincipalId',
      `The Principal ID '${principalId}' is not valid. Principal ID must be a GUID.`
    )
  }
  const guid = roleGuidOf(roleDefinitionId)
  const role = guid !== undefined ? roleOf(guid) : undefined
  if (!role) {
    throw new ArmError(
      400,
      'RoleDefinitionDoesNotExist',
      `The specified role definition with ID '${guid ?? roleDefinitionId}' does not exist.`
    )
  }
  const principalType = props.principalType
  if (principalType !== undefined && !(PRINCIPAL_TYPES as readonly unknown[]).includes(principalType)) {
    throw new ArmError(
      400,
      'InvalidRequestContent',
      `The request content was invalid: principalType '${String(principalType)}' is not one of ${PRINCIPAL_TYPES.join(', ')}.`
    )
  }
  const condition = typeof props.condition === 'string' ? props.condition : null
  return {
    role,
    principalId: principalId.toLowerCase(),
    principalType: principalType as string | undefined,
    description: typeof props.description === 'string' ? props.description : null,
    condition,
    conditionVersion: condition
      ? typeof props.conditionVersion === 'string'
        ? props.conditionVersion
        : '2.0'
      : null
  }
}

/**
 * The principal must be visible to ARM. A principal still replicating is accepted only when the request states
 * its `principalType` — the documented remedy for a new service principal ("set the principalType property
 * to ServicePrincipal", role-assignments-rest.md § New service principal).
 */
function checkPrincipal(
  directory: Directory,
  tenantId: string,
  wanted: AssignmentRequest
): EmuResponse | undefined {
  const principal = directory.principal(tenantId, wanted.principalId)
  if (principal === 'replicating' && wanted.principalType !== undefined) return undefined
  if (principal === undefined || principal === 'replicating') {
    return principalNotFoundResponse(wanted.principalId, tenantId)
  }
  if (wanted.principalType !== undefined && wanted.principalType !== 'ServicePrincipal') {
    // every principal of the emulated directory is a service principal
    return armError(
      400,
      'UnmatchedPrincipalType',
      `The PrincipalId '${wanted.principalId.replace(/-/g, '')}' has type 'ServicePrincipal', which is different from specified PrincipalType '${wanted.principalType}'.`
    )
  }
  return undefined
}

/**
 * The `principal-not-found` fault: ARM's answer for a principal the serving region has not replicated yet, for the
 * principal the request body names, in the caller's tenant (the token's `tid`, read unverified: the fault stands in
 * for ARM before authentication matters).
 */
export function principalNotFound(req: Pick<EmuRequest, 'body' | 'headers'>): EmuResponse {
  let principalId = ''
  try {
    const props = (JSON.parse(req.body.toString('utf8')) as { properties?: { principalId?: unknown } })
      .properties
    principalId = typeof props?.principalId === 'string' ? props.principalId.toLowerCase() : ''
  } catch {
    // a body that is not JSON names no principal
  }
  return principalNotFoundResponse(principalId, tenantOfToken(req.headers.authorization))
}

function tenantOfToken(authorization: string | string[] | undefined): string {
  const token = (typeof authorization === 'string' ? authorization : '').replace(/^Bearer\s+/i, '')
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      tid?: unknown
    }
    return typeof claims.tid === 'string' ? claims.tid : ''
  } catch {
    return ''
  }
}

/** https://learn.microsoft.com/azure/role-based-access-control/troubleshooting (PrincipalNotFound); ARM prints the principal id without dashes. */
function principalNotFoundResponse(principalId: string, tenantId: string): EmuResponse {
  return armError(
    400,
    'PrincipalNotFound',
    `Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`
  )
}

function deleteAssignment(state: ResourceState, call: Call, name: string | undefined): EmuResponse {
  if (name === undefined) return armError(405, 'MethodNotAllowed', 'DELETE needs a role assignment name.')
  const found = assignmentAt(state, call, name)
  authorize(
    state,
    call,
    ACTION_ASSIGNMENTS_DELETE,
    assignmentTarget(call, name),
    found ? { resource: attributesOf(found) } : {}
  )
  requireScopeExists(state, call)
  // RoleAssignments_Delete.json: 200 with the deleted assignment, or 204 when there is none
  if (!found) return { status: 204 }
  const view = versionedAssignment(call, found)
  state.deleteRoleAssignment(assignmentId(found))
  return { status: 200, body: view }
}

// --- role definitions ---

/**
 * Built-in role definitions are readable by any caller of the scope's tenant: they are the same published
 * catalogue everywhere, and a caller checking which role to request must be able to read it first.
 */
function handleRoleDefinitions(state: ResourceState, call: Call): EmuResponse {
  if (call.req.method.toUpperCase() !== 'GET') {
    return armError(405, 'MethodNotAllowed', 'The emulator serves built-in role definitions read-only.')
  }
  requireScopeExists(state, call)
  const name = call.route.name
  if (name !== undefined) {
    const role = GUID.test(name) ? state.role(call.tenantId, name) : undefined
    if (!role)
      return armError(
        404,
        'RoleDefinitionDoesNotExist',
        `The specified role definition with ID '${name}' does not exist.`
      )
    return { status: 200, body: roleDefinitionView(role, call) }
  }
  // custom roles are listed where they can be assigned: at, above or below one of their assignable scopes
  const custom = state
    .customRolesOf(call.tenantId)
    .filter(r =>
      r.assignableScopes.some(s => state.inherits(s, call.route.scope) || state.inherits(call.route.scope, s))
    )
  const roles = [...BUILT_IN_ROLES, ...custom].filter(roleFilter(call.req.query.get('$filter')))
  return {
    status: 200,
    body: page(
      call.req,
      roles.map(r => roleDefinitionView(r, call)),
      ROLE_DEFINITION_PAGE_SIZE
    )
  }
}

/** `RoleDefinitionFilter` has `roleName` and `type` (https://learn.microsoft.com/rest/api/authorization/role-assignments). */
function roleFilter(raw: string | null): (r: RoleDefinition) => boolean {
  if (raw === null || raw.trim() === '') return () => true
  const byName = /^roleName\s+eq\s+'(.*)'$/i.exec(raw.trim())
  if (byName) return r => r.roleName.toLowerCase() === (byName[1] ?? '').toLowerCase()
  const byType = /^type\s+eq\s+'(.*)'$/i.exec(raw.trim())
  if (byType) return r => r.type.toLowerCase() === (byType[1] ?? '').toLowerCase()
  throw new ArmError(
    400,
    'UnsupportedQuery',
    `The filter '${raw}' is not supported. Supported filters are 'roleName eq '{value}'' or 'type eq '{value}''.`
  )
}

/**
 * GetRoleDefinitionByName.json: the id carries the subscription it was read at (none at the root or a
 * management group). Before 2018-01-01-preview a permission has no dataActions / notDataActions.
 */
function roleDefinitionView(role: RoleDefinition, call: Call): Record<string, unknown> {
  const scope = call.scope
  const prefix =
    scope.kind === 'root' || scope.kind === 'managementGroup'
      ? ''
      : `/subscriptions/${scope.subscriptionId.toLowerCase()}`
  const legacy = LEGACY_DEFINITION_VERSIONS.includes(call.req.query.get('api-version') ?? '')
  return {
    properties: {
      roleName: role.roleName,
      type: role.type,
      description: role.description,
      assignableScopes: [...role.assignableScopes],
      permissions: role.permissions.map(p => ({
        actions: [...p.actions],
        notActions: [...p.notActions],
        ...(legacy ? {} : { dataActions: [...p.dataActions], notDataActions: [...p.notDataActions] }),
        ...(p.condition === undefined ? {} : { condition: p.condition, conditionVersion: p.conditionVersion })
      }))
    },
    id: `${prefix}${ROLE_DEFINITIONS_SEGMENT}${role.guid}`,
    type: ROLE_DEFINITION_TYPE,
    name: role.guid
  }
}

// --- paging ---

/**
 * One page of a list and, when more remain, an absolute `nextLink` that repeats the query (the SDK follows it
 * verbatim: `x-ms-pageable: { nextLinkName: "nextLink" }`). The last page has no `nextLink`, as in the examples.
 */
function page(req: EmuRequest, items: unknown[], size = ARM_PAGE_SIZE): Record<string, unknown> {
  const skip = Number(req.query.get('$skipToken') ?? '0')
  if (!Number.isInteger(skip) || skip < 0)
    throw new ArmError(400, 'InvalidSkipToken', 'The $skipToken is not valid.')
  const value = items.slice(skip, skip + size)
  if (skip + size >= items.length) return { value }
  const next = [...req.query].filter(([k]) => k !== '$skipToken')
  next.push(['$skipToken', String(skip + size)])
  return { value, nextLink: `${req.origin}${encodeURI(req.path)}?${queryString(next)}` }
}

/** Like ARM's own next links, `$filter` and `$skipToken` keep their literal `$`. */
export function queryString(pairs: [string, string][]): string {
  return pairs
    .map(([k, v]) => `${encodeURIComponent(k).replace(/^%24/, '$')}=${encodeURIComponent(v)}`)
    .join('&')
}
