/**
 * What every emulated ARM operation shares: the api-versions each operation publishes (ARM refuses any other
 * with `InvalidApiVersionParameter`), and authentication with the `WWW-Authenticate` challenge ARM sends on a
 * 401 — including `ExpiredAuthenticationToken` and the continuous-access-evaluation claims challenge.
 */
import type { AccessTokenClaims, EmuRequest, EmuResponse } from '../contracts.js'
import type { ResourceState } from '../state/resources.js'
import type { ParsedScope } from '../state/resources-scope.js'

/**
 * Published api-versions per operation group, from the folders of Azure/azure-rest-api-specs
 * (https://github.com/Azure/azure-rest-api-specs/tree/main/specification/authorization/resource-manager/Microsoft.Authorization
 * and …/specification/resources/resource-manager/Microsoft.Resources). Clients send different ones: Azure CLI
 * 2020-04-01-preview / 2022-04-01 for role assignments, 2018-01-01-preview / 2022-04-01 for role definitions,
 * 2022-12-01 for subscriptions and tenants.
 */
export const ARM_API_VERSIONS = {
  roleAssignments: [
    '2015-07-01',
    '2017-10-01-preview',
    '2018-01-01-preview',
    '2018-09-01-preview',
    '2020-03-01-preview',
    '2020-04-01-preview',
    '2020-08-01-preview',
    '2020-10-01-preview',
    '2022-01-01-preview',
    '2022-04-01'
  ],
  roleDefinitions: ['2015-07-01', '2017-05-01', '2018-01-01-preview', '2022-04-01', '2022-05-01-preview'],
  subscriptions: [
    '2016-06-01',
    '2018-06-01',
    '2019-06-01',
    '2019-11-01',
    '2020-01-01',
    '2021-01-01',
    '2022-01-01',
    '2022-12-01'
  ],
  metadata: ['2019-05-01', '2020-06-01', '2022-09-01']
} as const satisfies Record<string, readonly string[]>

/**
 * Role assignments before 2018-09-01-preview carry only `scope`, `roleDefinitionId` and `principalId`
 * (the 2015-07-01 `RoleAssignmentPropertiesWithScope`); role definitions before 2018-01-01-preview have no
 * dataActions / notDataActions (2015-07-01 `Permission`).
 */
export const LEGACY_ASSIGNMENT_VERSIONS: readonly string[] = [
  '2015-07-01',
  '2017-10-01-preview',
  '2018-01-01-preview'
]
export const LEGACY_DEFINITION_VERSIONS: readonly string[] = ['2015-07-01', '2017-05-01']

export interface ArmFailure {
  status: number
  code: string
  message: string
  headers?: Record<string, string>
}

export function armFailureResponse(f: ArmFailure): EmuResponse {
  const body = { error: { code: f.code, message: f.message } }
  return f.headers === undefined ? { status: f.status, body } : { status: f.status, headers: f.headers, body }
}

/** ARM checks the api-version before anything else, authentication included. */
export function apiVersionProblem(req: EmuRequest, supported: readonly string[]): ArmFailure | undefined {
  const version = req.query.get('api-version')
  if (version === null || version === '') {
    // "The api-version query parameter (?api-version=) is required for all requests." (Azure/azure-sdk-for-python#34747)
    return {
      status: 400,
      code: 'MissingApiVersionParameter',
      message: 'The api-version query parameter (?api-version=) is required for all requests.'
    }
  }
  if (!supported.includes(version)) {
    // message form as quoted in hashicorp/vault-plugin-secrets-azure#13 (a role assignment create)
    return {
      status: 400,
      code: 'InvalidApiVersionParameter',
      message: `The api-version '${version}' is invalid. The supported versions are '${[...supported].reverse().join(',')}'.`
    }
  }
  return undefined
}

/**
 * The audiences ARM accepts, as its InvalidAuthenticationToken message lists them ("It should exactly match
 * with one of the allowed audiences 'https://management.core.windows.net/','https://management.core.windows.net',
 * 'https://management.azure.com/','https://management.azure.com'").
 */
export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com'
]

/** What ARM can learn about a bearer token it could not accept as valid. */
export interface ArmAuthContext {
  /** The claims of a token the emulator's Entra signed, even when expired; undefined for a forged one. */
  inspect(token: string): AccessTokenClaims | undefined
  /** When the principal's sessions were revoked (ms), for continuous access evaluation. */
  revokedAt(tenantId: string, objectId: string): number | undefined
  now(): number
}

/**
 * The claims challenge of continuous access evaluation: `{"access_token":{"nbf":{"essential":true,"value":"<s>"}}}`
 * base64-encoded, with `error="insufficient_claims"` (https://learn.microsoft.com/entra/identity-platform/claims-challenge).
 */
export function caeClaims(revokedAtMs: number): string {
  const value = String(Math.floor(revokedAtMs / 1000))
  return Buffer.from(JSON.stringify({ access_token: { nbf: { essential: true, value } } }), 'utf8').toString(
    'base64'
  )
}

/** ARM's challenge on a 401 (`authorization_uri` is the authority to get a token from). */
function challenge(
  origin: string,
  error: string,
  description: string,
  claims?: string
): Record<string, string> {
  const parts = [`authorization_uri="${origin}/"`, `error="${error}"`, `error_description="${description}"`]
  if (claims !== undefined) parts.push(`claims="${claims}"`)
  return { 'www-authenticate': `Bearer ${parts.join(', ')}` }
}

function unauthorized(req: EmuRequest, code: string, message: string, claims?: string): ArmFailure {
  const error = claims === undefined ? 'invalid_token' : 'insufficient_claims'
  return { status: 401, code, message, headers: challenge(req.origin, error, message, claims) }
}

/** .NET's `M/d/yyyy h:mm:ss AM` form, as ARM prints token times (hashicorp/terraform-provider-azurerm#20867). */
export function armUtcTime(ms: number): string {
  const d = new Date(ms)
  const h = d.getUTCHours()
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
}

/**
 * ARM's authentication: no header → `AuthenticationFailed`; an expired token → `ExpiredAuthenticationToken`
 * ("The access token expiry UTC time '…' is earlier than current UTC time '…'.",
 * hashicorp/terraform-provider-azurerm#20867); any other invalid token or a wrong audience →
 * `InvalidAuthenticationToken`; a token issued before the principal's sessions were revoked → the CAE claims
 * challenge, which @azure/core-rest-pipeline answers by asking for a new token with those claims.
 */
export function armAuthenticate(
  req: EmuRequest,
  claims: AccessTokenClaims | undefined,
  ctx: ArmAuthContext | undefined
): AccessTokenClaims | ArmFailure {
  const header = req.headers.authorization
  if (header === undefined) {
    return unauthorized(
      req,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing."
    )
  }
  if (!claims) {
    const token = /^Bearer\s+(.+)$/i.exec(String(header).trim())?.[1]
    const inspected = token === undefined ? undefined : ctx?.inspect(token)
    if (inspected && inspected.exp * 1000 <= (ctx?.now() ?? Date.now())) {
      return unauthorized(
        req,
        'ExpiredAuthenticationToken',
        `The access token expiry UTC time '${armUtcTime(inspected.exp * 1000)}' is earlier than current UTC time '${armUtcTime(ctx?.now() ?? Date.now())}'.`
      )
    }
    return unauthorized(req, 'InvalidAuthenticationToken', 'The access token is invalid.')
  }
  if (!ARM_AUDIENCES.includes(claims.aud)) {
    return unauthorized(
      req,
      'InvalidAuthenticationToken',
      `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map(a => `'${a}'`).join(',')}.`
    )
  }
  const revokedAt = ctx?.revokedAt(claims.tid, claims.oid)
  // whole seconds, as `iat` is: a token issued in the second of the revocation (the client's answer) passes
  if (revokedAt !== undefined && claims.iat < Math.floor(revokedAt / 1000)) {
    // https://learn.microsoft.com/entra/identity/conditional-access/concept-continuous-access-evaluation
    return unauthorized(
      req,
      'InvalidAuthenticationToken',
      'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp',
      caeClaims(revokedAt)
    )
  }
  return claims
}

export function isArmFailure(x: AccessTokenClaims | ArmFailure): x is ArmFailure {
  return 'code' in x && 'status' in x
}

/** An ARM error answer, thrown where it is found and turned into ARM's envelope by the service. */
export class ArmError extends Error {
  readonly status: number
  readonly code: string
  readonly headers: Record<string, string> | undefined
  constructor(status: number, code: string, message: string, headers?: Record<string, string>) {
    super(message)
    this.status = status
    this.code = code
    this.headers = headers
  }

  get failure(): ArmFailure {
    return this.headers === undefined
      ? { status: this.status, code: this.code, message: this.message }
      : { status: this.status, code: this.code, message: this.message, headers: this.headers }
  }

  static of(f: ArmFailure): ArmError {
    return new ArmError(f.status, f.code, f.message, f.headers)
  }
}

/** The tenant a scope lives in; a token from any other tenant is refused as ARM refuses it. */
export function tenantOf(state: ResourceState, scope: ParsedScope, caller: AccessTokenClaims): string {
  if (scope.kind === 'root') return caller.tid.toLowerCase()
  // a management group of another tenant holds no assignment of the caller: AuthorizationFailed follows
  if (scope.kind === 'managementGroup')
    return state.managementGroup(scope.groupId)?.tenantId ?? caller.tid.toLowerCase()
  const sub = state.subscription(scope.subscriptionId)
  if (!sub)
    throw new ArmError(
      404,
      'SubscriptionNotFound',
      `The subscription '${scope.subscriptionId}' could not be found.`
    )
  if (sub.tenantId !== caller.tid.toLowerCase()) {
    // https://learn.microsoft.com/rest/api/authorization/role-assignments (Azure/azure-sdk-for-net#49391)
    throw new ArmError(
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer 'https://sts.windows.net/${caller.tid}/'. It must match the tenant 'https://sts.windows.net/${sub.tenantId}/' associated with this subscription. Please use the authority (URL) 'https://login.windows.net/${sub.tenantId}' to get the token. Note, if the subscription is transferred to another tenant there is no impact to the services, but information about new tenant could take time to propagate (up to an hour). If you just transferred your subscription and see this error message, please try back later.`
    )
  }
  return sub.tenantId
}
