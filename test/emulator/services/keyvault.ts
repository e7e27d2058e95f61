/**
 * Key Vault secrets, data plane. Every vault listens on its own port of 127.0.0.1 (contracts.ts, EmuRequest.vault)
 * and its vault URL is that origin. Wire formats: https://learn.microsoft.com/rest/api/keyvault/secrets (swagger examples under
 * `specification/keyvault/data-plane/Microsoft.KeyVault/stable/7.5/examples`, `authentication-requests-and-
 * responses.md`) and https://github.com/Azure/azure-sdk-for-js (how @azure/keyvault-secrets 4.12 talks to it).
 */
import type { AccessTokenClaims, Directory, EmuRequest, EmuResponse, ResourceService } from '../contracts.js'
import type {
  DeletedSecret,
  KeyVault,
  ResourceState,
  Secret,
  SecretInput,
  SecretVersion
} from '../state/resources.js'
import { RECOVERABLE_DAYS, RECOVERY_LEVEL, SECRET_NAME } from '../state/resources.js'
import { queryString } from './arm.js'

/** Token audience of the Key Vault data plane (https://learn.microsoft.com/rest/api/keyvault/secrets). */
export const KEY_VAULT_AUDIENCE = 'https://vault.azure.net'
/**
 * The newest data-plane version: @azure/keyvault-secrets 4.12.0 sends it (`LATEST_API_VERSION`, and its
 * `KnownVersions` enum lists 7.6, 2025-07-01 and 2026-04-01). 7.x and 2025-07-01 are accepted too
 * (https://learn.microsoft.com/rest/api/keyvault/secrets).
 */
export const KEY_VAULT_API_VERSION = '2026-04-01'
const ACCEPTED_API_VERSION = /^(2015-06-01|2016-10-01|7\.[0-6](-preview(\.\d+)?)?|2025-07-01|2026-04-01)$/
/**
 * What older versions leave out of secret attributes: `recoveryLevel` arrived with soft delete in 2016-10-01,
 * `recoverableDays` in 7.1 (the `SecretAttributes` definitions of each version under
 * https://github.com/Azure/azure-rest-api-specs/tree/main/specification/keyvault/data-plane/Microsoft.KeyVault/stable).
 */
function attributeFieldsOf(version: string): { recoveryLevel: boolean; recoverableDays: boolean } {
  if (version === '2015-06-01') return { recoveryLevel: false, recoverableDays: false }
  if (version === '2016-10-01' || /^7\.0/.test(version))
    return { recoveryLevel: true, recoverableDays: false }
  return { recoveryLevel: true, recoverableDays: true }
}
/** Small on purpose so that a few versions already span pages; `maxresults` (1–25) overrides it. */
export const KEY_VAULT_PAGE_SIZE = 3
/** Key Vault's upper bound for `maxresults` (swagger `maxresults` parameter: maximum 25). */
const MAX_RESULTS = 25

/** Data actions of the secret operations (built-in-roles/security.md; conditions-authorization-actions-attributes.md). */
export const SECRET_ACTIONS = {
  get: 'Microsoft.KeyVault/vaults/secrets/getSecret/action',
  set: 'Microsoft.KeyVault/vaults/secrets/setSecret/action',
  readMetadata: 'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
  update: 'Microsoft.KeyVault/vaults/secrets/update/action',
  delete: 'Microsoft.KeyVault/vaults/secrets/delete',
  recover: 'Microsoft.KeyVault/vaults/secrets/recover/action',
  purge: 'Microsoft.KeyVault/vaults/secrets/purge/action'
} as const
/** Days a deleted secret stays recoverable (vault default; soft-delete-overview). */
const RETENTION_DAYS = RECOVERABLE_DAYS

interface VaultCall {
  req: EmuRequest
  vault: KeyVault
  caller: AccessTokenClaims
  nowSeconds: number
}

/** KeyVaultError shape: `{ error: { code, message, innererror? } }` (https://learn.microsoft.com/rest/api/keyvault/secrets). */
function kvError(
  status: number,
  code: string,
  message: string,
  inner?: string,
  headers?: Record<string, string>
): EmuResponse {
  return {
    status,
    ...(headers ? { headers } : {}),
    body: { error: { code, message, ...(inner ? { innererror: { code: inner } } : {}) } }
  }
}

export function createKeyVaultService(
  directory: Directory,
  state: ResourceState,
  authorityHost: string
): ResourceService {
  const authority = authorityHost.replace(/\/+$/, '')
  return {
    name: 'keyvault',
    handles: req => req.vault !== undefined && state.vault(req.vault) !== undefined,
    handle: (req, caller) => {
      const vault = state.vault(req.vault ?? '')
      if (!vault) return kvError(404, 'VaultNotFound', `No vault '${req.vault}'.`)
      const rejected = authenticate(req, caller, vault, authority)
      if (rejected || !caller) return rejected as EmuResponse
      const badVersion = checkApiVersion(req)
      if (badVersion) return badVersion
      return route(state, { req, vault, caller, nowSeconds: Math.floor(directory.now() / 1000) })
    }
  }
}

/**
 * 401 with the challenge that tells the SDK which tenant to get a token from (https://learn.microsoft.com/rest/api/keyvault/secrets):
 * on a request without a token, and on one whose audience or tenant is wrong.
 */
function authenticate(
  req: EmuRequest,
  caller: AccessTokenClaims | undefined,
  vault: KeyVault,
  authority: string
): EmuResponse | undefined {
  const challenge = {
    'www-authenticate': `Bearer authorization="${authority}/${vault.tenantId}", resource="${KEY_VAULT_AUDIENCE}"`
  }
  const unauthorized = (message: string): EmuResponse =>
    kvError(401, 'Unauthorized', message, undefined, challenge)
  if (req.headers.authorization === undefined)
    return unauthorized('AKV10000: Request is missing a Bearer or PoP token.')
  if (!caller) return unauthorized('Token validation failed.')
  if (caller.aud.replace(/\/$/, '') !== KEY_VAULT_AUDIENCE) {
    // message as Key Vault returns it for a management token (azure-sdk-for-js keyvault TROUBLESHOOTING.md)
    return unauthorized(`AKV10022: Invalid audience. Expected ${KEY_VAULT_AUDIENCE}, found: ${caller.aud}.`)
  }
  if (caller.tid.toLowerCase() !== vault.tenantId) {
    return unauthorized(
      `AKV10032: Invalid issuer. Expected one of https://sts.windows.net/${vault.tenantId}/, found https://sts.windows.net/${caller.tid}/.`
    )
  }
  return undefined
}

/** "Clients must use the api-version query string parameter … as there is no default." (https://learn.microsoft.com/rest/api/keyvault/secrets) */
function checkApiVersion(req: EmuRequest): EmuResponse | undefined {
  const version = req.query.get('api-version')
  if (version === null || version === '')
    return kvError(400, 'BadParameter', 'The api-version query parameter is required.')
  if (!ACCEPTED_API_VERSION.test(version)) {
    return kvError(
      400,
      'BadParameter',
      `The specified version (${version}) is not recognized. Consider using the latest supported version (${KEY_VAULT_API_VERSION}).`
    )
  }
  return undefined
}

function route(state: ResourceState, call: VaultCall): EmuResponse {
  const seg = call.req.path.split('/').filter(s => s !== '')
  const method = call.req.method.toUpperCase()
  if (seg[0]?.toLowerCase() === 'deletedsecrets') return routeDeleted(state, call, seg.slice(1), method)
  if (seg[0]?.toLowerCase() !== 'secrets') return notModelled(call.req)
  const name = seg[1]
  if (name === undefined) return method === 'GET' ? listSecrets(state, call) : notModelled(call.req)
  if (!SECRET_NAME.test(name))
    return kvError(400, 'BadParameter', `The request URI contains an invalid name: ${name}`)
  const rest = seg[2]
  if (seg.length > 3) return notModelled(call.req)
  if (rest?.toLowerCase() === 'versions')
    return method === 'GET' ? listVersions(state, call, name) : notModelled(call.req)
  switch (method) {
    case 'PUT':
      return rest === undefined ? setSecret(state, call, name) : notModelled(call.req)
    case 'GET':
      return getSecret(state, call, name, rest)
    case 'PATCH':
      return updateSecret(state, call, name, rest)
    case 'DELETE':
      return rest === undefined ? deleteSecret(state, call, name) : notModelled(call.req)
    default:
      return notModelled(call.req)
  }
}

/** `/deletedsecrets[/{name}[/recover]]` (GetDeletedSecret, GetDeletedSecrets, RecoverDeletedSecret, PurgeDeletedSecret). */
function routeDeleted(state: ResourceState, call: VaultCall, seg: string[], method: string): EmuResponse {
  const [name, action, ...more] = seg
  if (more.length > 0) return notModelled(call.req)
  if (name === undefined) return method === 'GET' ? listDeleted(state, call) : notModelled(call.req)
  if (action?.toLowerCase() === 'recover')
    return method === 'POST' ? recoverSecret(state, call, name) : notModelled(call.req)
  if (action !== undefined) return notModelled(call.req)
  if (method === 'GET') return getDeleted(state, call, name)
  if (method === 'DELETE') return purgeSecret(state, call, name)
  return notModelled(call.req)
}

function deletedNotFound(name: string): EmuResponse {
  return kvError(404, 'SecretNotFound', `Deleted Secret not found: ${name}`)
}

/**
 * DeletedSecretBundle (DeleteSecret-example.json): `recoveryId`, `deletedDate`, `scheduledPurgeDate`, then the
 * latest version's id and attributes, without the value.
 */
function deletedBundle(call: VaultCall, deleted: DeletedSecret): Record<string, unknown> {
  const latest = deleted.secret.versions.at(-1) as SecretVersion
  return {
    recoveryId: `${call.req.origin}/deletedsecrets/${deleted.secret.name}`,
    deletedDate: deleted.deletedDate,
    scheduledPurgeDate: deleted.scheduledPurgeDate,
    ...bundle(call, deleted.secret, latest, false)
  }
}

/** DELETE /secrets/{name}: every version moves to the deleted state, recoverable until the purge date. */
function deleteSecret(state: ResourceState, call: VaultCall, name: string): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.delete, secretResource(call.vault, name))
  if (denied) return denied
  const key = name.toLowerCase()
  const secret = call.vault.secrets.get(key)
  if (!secret || secret.versions.length === 0) return notFound(name)
  call.vault.secrets.delete(key)
  const deleted: DeletedSecret = {
    secret,
    deletedDate: call.nowSeconds,
    scheduledPurgeDate: call.nowSeconds + RETENTION_DAYS * 86_400
  }
  call.vault.deletedSecrets.set(key, deleted)
  return { status: 200, body: deletedBundle(call, deleted) }
}

function getDeleted(state: ResourceState, call: VaultCall, name: string): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.readMetadata, secretResource(call.vault, name))
  if (denied) return denied
  const deleted = call.vault.deletedSecrets.get(name.toLowerCase())
  if (!deleted) return deletedNotFound(name)
  return { status: 200, body: deletedBundle(call, deleted) }
}

function listDeleted(state: ResourceState, call: VaultCall): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.readMetadata, call.vault.resourceId)
  if (denied) return denied
  const items = [...call.vault.deletedSecrets.values()].map(d => {
    const latest = d.secret.versions.at(-1) as SecretVersion
    return {
      recoveryId: `${call.req.origin}/deletedsecrets/${d.secret.name}`,
      deletedDate: d.deletedDate,
      scheduledPurgeDate: d.scheduledPurgeDate,
      ...item(`${call.req.origin}/secrets/${d.secret.name}`, latest)
    }
  })
  return page(call, items)
}

/** POST /deletedsecrets/{name}/recover: the secret with all its versions is back; the answer omits the value. */
function recoverSecret(state: ResourceState, call: VaultCall, name: string): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.recover, secretResource(call.vault, name))
  if (denied) return denied
  const key = name.toLowerCase()
  const deleted = call.vault.deletedSecrets.get(key)
  if (!deleted) return deletedNotFound(name)
  call.vault.deletedSecrets.delete(key)
  call.vault.secrets.set(key, deleted.secret)
  return {
    status: 200,
    body: bundle(call, deleted.secret, deleted.secret.versions.at(-1) as SecretVersion, false)
  }
}

/** DELETE /deletedsecrets/{name}: purged for good, 204. */
function purgeSecret(state: ResourceState, call: VaultCall, name: string): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.purge, secretResource(call.vault, name))
  if (denied) return denied
  if (!call.vault.deletedSecrets.delete(name.toLowerCase())) return deletedNotFound(name)
  return { status: 204 }
}

function notModelled(req: EmuRequest): EmuResponse {
  return kvError(501, 'NotImplemented', `The emulator does not model ${req.method} ${req.path}.`)
}

/**
 * Data-plane RBAC on the vault's (or secret's) scope; the 403 mirrors Key Vault's multi-line ForbiddenByRbac
 * message (https://learn.microsoft.com/rest/api/keyvault/secrets; Azure/Commercial-Marketplace-SaaS-Accelerator#710).
 */
function forbidden(
  state: ResourceState,
  call: VaultCall,
  action: string,
  resource: string
): EmuResponse | undefined {
  if (state.isPermitted(call.vault.tenantId, call.caller.oid, resource, action, 'data')) return undefined
  const message = [
    'Caller is not authorized to perform action on resource.',
    'If role assignments, deny assignments or role definitions were changed recently, please observe propagation time.',
    `Caller: appid=${call.caller.appid};oid=${call.caller.oid};iss=${call.caller.iss}`,
    `Action: '${action}'`,
    `Resource: '${resource.toLowerCase()}'`,
    'Assignment: (not found)',
    'DenyAssignmentId: null',
    "DecisionReason: 'DeniedWithNoValidRBAC' ",
    `Vault: ${call.vault.name};location=${call.vault.location}`,
    ''
  ].join('\r\n')
  return kvError(403, 'Forbidden', message, 'ForbiddenByRbac')
}

function secretResource(vault: KeyVault, name: string): string {
  return `${vault.resourceId}/secrets/${name}`
}

function notFound(name: string, version?: string): EmuResponse {
  const nameId = version ? `${name}/${version}` : name
  // message as recorded in the azure-sdk-for-js keyvault-secrets test recordings
  return kvError(
    404,
    'SecretNotFound',
    `A secret with (name/id) ${nameId} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182`
  )
}

// --- views (SetSecret / GetSecret / UpdateSecret / GetSecretVersions / GetSecrets examples) ---

function attributesOf(
  v: SecretVersion,
  full: boolean,
  apiVersion = KEY_VAULT_API_VERSION
): Record<string, unknown> {
  const fields = attributeFieldsOf(apiVersion)
  return {
    enabled: v.enabled,
    ...(v.nbf !== undefined ? { nbf: v.nbf } : {}),
    ...(v.exp !== undefined ? { exp: v.exp } : {}),
    created: v.created,
    updated: v.updated,
    ...(full && fields.recoveryLevel ? { recoveryLevel: RECOVERY_LEVEL } : {}),
    ...(full && fields.recoverableDays ? { recoverableDays: RECOVERABLE_DAYS } : {})
  }
}

function bundle(
  call: VaultCall,
  secret: Secret,
  v: SecretVersion,
  withValue: boolean
): Record<string, unknown> {
  return {
    ...(withValue ? { value: v.value } : {}),
    ...(v.contentType !== undefined ? { contentType: v.contentType } : {}),
    id: `${call.req.origin}/secrets/${secret.name}/${v.version}`,
    attributes: attributesOf(v, true, call.req.query.get('api-version') ?? KEY_VAULT_API_VERSION),
    ...(v.tags !== undefined ? { tags: { ...v.tags } } : {})
  }
}

function item(id: string, v: SecretVersion): Record<string, unknown> {
  return {
    id,
    attributes: attributesOf(v, false),
    ...(v.contentType !== undefined ? { contentType: v.contentType } : {}),
    ...(v.tags !== undefined ? { tags: { ...v.tags } } : {})
  }
}

// --- operations ---

function setSecret(state: ResourceState, call: VaultCall, name: string): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.set, secretResource(call.vault, name))
  if (denied) return denied
  const input = readSetParameters(call.req.body)
  if (typeof input === 'string') return kvError(400, 'BadParameter', input)
  if (call.vault.deletedSecrets.has(name.toLowerCase())) {
    // soft-delete-overview: a deleted name cannot be reused until it is recovered or purged
    return kvError(
      409,
      'Conflict',
      `Secret ${name} is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.`,
      'ObjectIsDeletedButRecoverable'
    )
  }
  const version = state.setSecret(call.vault, name, input, call.nowSeconds)
  const secret = state.secret(call.vault, name) as Secret
  return { status: 200, body: bundle(call, secret, version, true) }
}

function getSecret(
  state: ResourceState,
  call: VaultCall,
  name: string,
  versionId: string | undefined
): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.get, secretResource(call.vault, name))
  if (denied) return denied
  const secret = state.secret(call.vault, name)
  const version = secret && findVersion(secret, versionId)
  if (!secret || !version) return notFound(name, versionId)
  if (!version.enabled) {
    return kvError(403, 'Forbidden', 'Operation get is not allowed on a disabled secret.', 'SecretDisabled')
  }
  return { status: 200, body: bundle(call, secret, version, true) }
}

function updateSecret(
  state: ResourceState,
  call: VaultCall,
  name: string,
  versionId: string | undefined
): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.update, secretResource(call.vault, name))
  if (denied) return denied
  const secret = state.secret(call.vault, name)
  const version = secret && findVersion(secret, versionId)
  if (!secret || !version) return notFound(name, versionId)
  const patch = readUpdateParameters(call.req.body)
  if (typeof patch === 'string') return kvError(400, 'BadParameter', patch)
  if (patch.contentType !== undefined) version.contentType = patch.contentType
  if (patch.tags !== undefined) version.tags = patch.tags
  if (patch.enabled !== undefined) version.enabled = patch.enabled
  if (patch.nbf !== undefined) version.nbf = patch.nbf
  if (patch.exp !== undefined) version.exp = patch.exp
  version.updated = call.nowSeconds
  return { status: 200, body: bundle(call, secret, version, false) }
}

function listVersions(state: ResourceState, call: VaultCall, name: string): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.readMetadata, secretResource(call.vault, name))
  if (denied) return denied
  const secret = state.secret(call.vault, name)
  // Key Vault answers an unknown name with an empty list, not a 404
  const items = (secret?.versions ?? []).map(v =>
    item(`${call.req.origin}/secrets/${secret?.name}/${v.version}`, v)
  )
  return page(call, items)
}

function listSecrets(state: ResourceState, call: VaultCall): EmuResponse {
  const denied = forbidden(state, call, SECRET_ACTIONS.readMetadata, call.vault.resourceId)
  if (denied) return denied
  const items = [...call.vault.secrets.values()].flatMap(s => {
    const latest = s.versions.at(-1)
    return latest ? [item(`${call.req.origin}/secrets/${s.name}`, latest)] : []
  })
  return page(call, items)
}

/** An empty or absent version segment means the latest (the SDK asks for `/secrets/{name}/`). */
function findVersion(secret: Secret, versionId: string | undefined): SecretVersion | undefined {
  if (versionId === undefined || versionId === '') return secret.versions.at(-1)
  return secret.versions.find(v => v.version === versionId.toLowerCase())
}

/**
 * GetSecretVersions-example.json: `maxresults` sizes a page, `nextLink` carries `$skiptoken`, and the last
 * page says `"nextLink": null`.
 */
function page(call: VaultCall, items: unknown[]): EmuResponse {
  const rawMax = call.req.query.get('maxresults')
  const max = rawMax === null ? KEY_VAULT_PAGE_SIZE : Number(rawMax)
  if (!Number.isInteger(max) || max < 1 || max > MAX_RESULTS) {
    return kvError(400, 'BadParameter', `The value of maxresults must be between 1 and ${MAX_RESULTS}.`)
  }
  const skip = Number(call.req.query.get('$skiptoken') ?? '0')
  if (!Number.isInteger(skip) || skip < 0) return kvError(400, 'BadParameter', 'The $skiptoken is not valid.')
  const value = items.slice(skip, skip + max)
  let nextLink: string | null = null
  if (skip + max < items.length) {
    const query = queryString([
      ['api-version', call.req.query.get('api-version') ?? KEY_VAULT_API_VERSION],
      ['$skiptoken', String(skip + max)],
      ['maxresults', String(max)]
    ])
    nextLink = `${call.req.origin}${encodeURI(call.req.path)}?${query}`
  }
  return { status: 200, body: { value, nextLink } }
}

// --- request bodies (SecretSetParameters / SecretUpdateParameters, https://learn.microsoft.com/rest/api/keyvault/secrets) ---

type Parsed<T> = T | string

function readJson(body: Buffer): Parsed<Record<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'))
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>
  } catch {
    // answered below
  }
  return 'The request body is not a JSON object.'
}

function readSetParameters(body: Buffer): Parsed<SecretInput> {
  const json = readJson(body)
  if (typeof json === 'string') return json
  if (typeof json.value !== 'string') return "Property 'value' is required and must be a string."
  const rest = readUpdateParameters(body)
  if (typeof rest === 'string') return rest
  return { value: json.value, ...rest }
}

function readUpdateParameters(body: Buffer): Parsed<Omit<SecretInput, 'value'>> {
  const json = readJson(body)
  if (typeof json === 'string') return json
  const out: Omit<SecretInput, 'value'> = {}
  if (json.contentType !== undefined && json.contentType !== null) {
    if (typeof json.contentType !== 'string') return "Property 'contentType' must be a string."
    out.contentType = json.contentType
  }
  if (json.tags !== undefined && json.tags !== null) {
    const tags = json.tags
    if (
      typeof tags !== 'object' ||
      Array.isArray(tags) ||
      Object.values(tags).some(v => typeof v !== 'string')
    ) {
      return "Property 'tags' must map names to strings."
    }
    out.tags = { ...(tags as Record<string, string>) }
  }
  const attrs = json.attributes
  if (attrs !== undefined && attrs !== null) {
    if (typeof attrs !== 'object' || Array.isArray(attrs)) return "Property 'attributes' must be an object."
    const a = attrs as Record<string, unknown>
    if (a.enabled !== undefined && a.enabled !== null) {
      if (typeof a.enabled !== 'boolean') return "Attribute 'enabled' must be true or false."
      out.enabled = a.enabled
    }
    for (const key of ['nbf', 'exp'] as const) {
      const v = a[key]
      if (v === undefined || v === null) continue
      if (typeof v !== 'number' || !Number.isInteger(v)) return `Attribute '${key}' must be unix seconds.`
      out[key] = v
    }
  }
  return out
}
