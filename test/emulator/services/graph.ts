/**
 * Microsoft Graph v1.0: applications (with passwords, federated credentials and owners) and service principals,
 * as https://learn.microsoft.com/graph/api/resources/application and §E document them — status codes, the error envelope (§A.7), the
 * `Application.ReadWrite.OwnedBy` limits (§E), upsert by `uniqueName` (§A.1) and the replication lag that
 * keeps a fresh application from `POST /servicePrincipals` (§A.3, §B).
 */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../clock.js'
import type { EmuResponse } from '../contracts.js'
import type { CoreRequest } from '../http.js'
import { json, noContent } from '../http.js'
import { graphInnerError } from '../server.js'
import type {
  Application,
  DirectoryState,
  FederatedIdentityCredential,
  ServicePrincipal,
  Tenant
} from '../state/directory.js'
import { GRAPH_APP_ROLES, SIGN_IN_AUDIENCES } from '../state/directory.js'
import type { IssuedTokenClaims } from './entra.js'
import { MICROSOFT_GRAPH, isAudienceOf } from './resource-principals.js'
import { caeClaims } from './arm-common.js'
import { FilterError, UnsupportedProperty, compileFilter } from './graph-filter.js'

export const GRAPH_PREFIX = '/v1.0'
/** "Maximum of 20 objects can be added to an application" (https://learn.microsoft.com/graph/api/resources/application). */
export const MAX_FEDERATED_CREDENTIALS = 20
/** Graph's largest `$top` for directory objects. */
const MAX_TOP = 999
const INSUFFICIENT_PRIVILEGES = 'Insufficient privileges to complete the operation.'
const GRAPH_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8'
/** secretText is 16–64 characters (https://learn.microsoft.com/graph/api/resources/application); the portal's secrets are 40 long. */
const SECRET_LENGTH = 40
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789~._-'

/** Application properties Graph lets a client write (resources/application, "Properties"). */
const WRITABLE_APPLICATION_PROPERTIES = new Set([
  'addIns',
  'api',
  'appRoles',
  'defaultRedirectUri',
  'description',
  'displayName',
  'groupMembershipClaims',
  'identifierUris',
  'info',
  'isDeviceOnlyAuthSupported',
  'isFallbackPublicClient',
  'keyCredentials',
  'notes',
  'optionalClaims',
  'parentalControlSettings',
  'publicClient',
  'requiredResourceAccess',
  'samlMetadataUrl',
  'serviceManagementReference',
  'servicePrincipalLockConfiguration',
  'signInAudience',
  'spa',
  'tags',
  'tokenEncryptionKeyId',
  'uniqueName',
  'web'
])
const WRITABLE_SERVICE_PRINCIPAL_PROPERTIES = new Set([
  'accountEnabled',
  'appRoleAssignmentRequired',
  'description',
  'displayName',
  'notes',
  'tags',
  'appId'
])

class GraphError extends Error {
  readonly status: number
  readonly code: string
  readonly headers: Record<string, string>
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message)
    this.status = status
    this.code = code
    this.headers = headers
  }
}

/**
 * Graph's challenge on a 401 (https://learn.microsoft.com/entra/identity-platform/claims-challenge):
 * `realm`, `authorization_uri` and Graph's `client_id`, plus `error="insufficient_claims"` and `claims` for CAE.
 */
function graphChallenge(origin: string, claims?: string): Record<string, string> {
  const parts = [
    'realm=""',
    `authorization_uri="${origin}/common/oauth2/authorize"`,
    `client_id="${MICROSOFT_GRAPH.appId}"`
  ]
  if (claims !== undefined) parts.push('error="insufficient_claims"', `claims="${claims}"`)
  return { 'www-authenticate': `Bearer ${parts.join(', ')}` }
}

const unauthenticated = (req: CoreRequest, message: string, claims?: string): GraphError =>
  new GraphError(401, 'InvalidAuthenticationToken', message, graphChallenge(req.origin, claims))

const notFound = (key: string): GraphError =>
  new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`
  )
const denied = (): GraphError => new GraphError(403, 'Authorization_RequestDenied', INSUFFICIENT_PRIVILEGES)
const badRequest = (message: string): GraphError => new GraphError(400, 'Request_BadRequest', message)
const methodNotAllowed = (): GraphError =>
  new GraphError(405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.')

/** Who is calling: the principal and its Graph app roles, from the access token. */
interface Caller {
  tenant: Tenant
  oid: string
  all: boolean
  ownedBy: boolean
}

/** `/applications/{id}`, `/applications(appId='…')` or `/applications(uniqueName='…')`. */
interface EntityKey {
  kind: 'id' | 'appId' | 'uniqueName' | 'name'
  value: string
}

interface ParsedPath {
  collection: 'applications' | 'servicePrincipals' | 'directoryObjects'
  key: EntityKey | undefined
  rest: string[]
}

export class GraphService {
  readonly name = 'graph'
  private readonly directory: DirectoryState
  private readonly clock: Clock
  private readonly pageSize: number

  /** `inspect` reads a token the emulator signed even when expired, so an expired one is named as such. */
  private readonly inspect: (token: string) => IssuedTokenClaims | undefined

  constructor(
    directory: DirectoryState,
    clock: Clock,
    pageSize: number,
    inspect: (token: string) => IssuedTokenClaims | undefined = () => undefined
  ) {
    this.directory = directory
    this.clock = clock
    this.pageSize = pageSize
    this.inspect = inspect
  }

  handles(req: CoreRequest): boolean {
    return req.path === GRAPH_PREFIX || req.path.startsWith(`${GRAPH_PREFIX}/`)
  }

  handle(req: CoreRequest, token: IssuedTokenClaims | undefined): EmuResponse {
    try {
      const caller = this.authenticate(req, token)
      const parsed = parsePath(req.path.slice(GRAPH_PREFIX.length))
      const response =
        parsed.collection === 'applications'
          ? this.applications(req, caller, parsed)
          : parsed.collection === 'directoryObjects'
            ? this.directoryObjects(req, caller, parsed)
            : this.servicePrincipals(req, caller, parsed)
      return withGraphContentType(response)
    } catch (err) {
      if (err instanceof GraphError) return this.error(req, err)
      if (err instanceof SyntaxError) {
        return this.error(
          req,
          new GraphError(
            400,
            'BadRequest',
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'
          )
        )
      }
      throw err
    }
  }

  // ---- authentication and authorization ----

  private authenticate(req: CoreRequest, token: IssuedTokenClaims | undefined): Caller {
    if (!req.headers.authorization) throw unauthenticated(req, 'Access token is empty.')
    if (!token) {
      const raw = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization).trim())?.[1]
      const signed = raw === undefined ? undefined : this.inspect(raw)
      // Graph's wording for an expired token (msgraph-sdk issues; the 401 InvalidAuthenticationToken code is documented
      // in https://learn.microsoft.com/graph/errors)
      if (signed && signed.exp * 1000 <= this.clock.now())
        throw unauthenticated(req, 'Lifetime validation failed, the token is expired.')
      throw unauthenticated(req, 'Access token validation failure.')
    }
    // every form of Graph's resource: https://graph.microsoft.com[/] or its app id (services/resource-principals.ts)
    if (!isAudienceOf(MICROSOFT_GRAPH, token.aud))
      throw unauthenticated(req, 'Access token validation failure. Invalid audience.')
    const tenant = this.directory.tenant(token.tid)
    if (!tenant) throw unauthenticated(req, 'Access token validation failure.')
    const revokedAt = this.directory.revokedAt(token.tid, token.oid)
    if (revokedAt !== undefined && token.iat < Math.floor(revokedAt / 1000)) {
      // https://learn.microsoft.com/entra/identity/conditional-access/concept-continuous-access-evaluation
      throw unauthenticated(
        req,
        'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp',
        caeClaims(revokedAt)
      )
    }
    const roles = token.roles ?? []
    return {
      tenant,
      oid: token.oid,
      all: roles.includes(GRAPH_APP_ROLES.all),
      ownedBy: roles.includes(GRAPH_APP_ROLES.ownedBy)
    }
  }

  /** Application.ReadWrite.All manages every app; OwnedBy only the apps its principal owns (§E). */
  private requireManage(caller: Caller, app: Application): void {
    if (caller.all) return
    if (caller.ownedBy && app.owners.includes(caller.oid)) return
    throw denied()
  }

  private requireAnyRole(caller: Caller): void {
    if (!caller.all && !caller.ownedBy) throw denied()
  }

  // ---- applications ----

  private applications(req: CoreRequest, caller: Caller, p: ParsedPath): EmuResponse {
    if (!p.key) {
      if (p.rest.length > 0) throw segmentNotFound(p.rest[0] as string)
      if (req.method === 'GET') return this.listApplications(req, caller)
      if (req.method === 'POST') return this.createApplication(req, caller, body(req))
      throw methodNotAllowed()
    }
    if (p.key.kind === 'uniqueName' && req.method === 'PATCH' && p.rest.length === 0)
      return this.upsertApplication(req, caller, p.key.value)
    const app = this.findApplication(caller, p.key)
    this.requireManage(caller, app)
    const [rawSegment, ...after] = p.rest
    if (rawSegment === undefined) return this.applicationEntity(req, caller, app)
    // a navigation segment may carry its own alternate key: `federatedIdentityCredentials(name='…')`
    const keyed = /^(\w+)(\(.*\))$/.exec(rawSegment)
    const segment = canonicalSegment(keyed ? (keyed[1] as string) : rawSegment)
    const sub = keyed ? [keyed[2] as string, ...after] : after
    switch (segment) {
      case 'addPassword':
        if (req.method !== 'POST') throw methodNotAllowed()
        return this.addPassword(req, app)
      case 'removePassword':
        if (req.method !== 'POST') throw methodNotAllowed()
        return this.removePassword(req, app)
      case 'federatedIdentityCredentials':
        return this.federatedCredentials(req, app, sub)
      case 'owners':
        return this.owners(req, caller, app, sub)
      default:
        throw segmentNotFound(segment)
    }
  }

  /**
   * The List applications permission table names Application.ReadWrite.OwnedBy among the application permissions
   * that may call it (https://learn.microsoft.com/graph/api/application-list#permissions), and it lists the
   * tenant's applications.
   */
  private listApplications(req: CoreRequest, caller: Caller): EmuResponse {
    this.requireAnyRole(caller)
    const filter = parseFilter(req.query.get('$filter'), APPLICATION_FILTERABLE, 'application')
    const apps = [...caller.tenant.applications.values()]
      .map(a => applicationJson(a, caller.tenant.defaultDomain))
      .filter(filter)
    return this.page(req, 'applications', apps)
  }

  // ---- directory objects ----

  /** `POST /directoryObjects/getByIds` `{ ids, types? }` (https://learn.microsoft.com/graph/api/directoryobject-getbyids). */
  private directoryObjects(req: CoreRequest, caller: Caller, p: ParsedPath): EmuResponse {
    this.requireAnyRole(caller)
    if (p.key?.value.toLowerCase() !== 'getbyids' || p.rest.length > 0)
      throw segmentNotFound(p.key?.value ?? '')
    if (req.method !== 'POST') throw methodNotAllowed()
    const fields = body(req)
    if (!Array.isArray(fields.ids) || fields.ids.some(id => typeof id !== 'string'))
      throw badRequest("Invalid value specified for property 'ids' of resource 'getByIds'.")
    const types = Array.isArray(fields.types) ? fields.types.map(t => String(t).toLowerCase()) : undefined
    const value: Record<string, unknown>[] = []
    for (const id of fields.ids as string[]) {
      const key = id.toLowerCase()
      const app = caller.tenant.applications.get(key)
      const sp = caller.tenant.servicePrincipals.get(key)
      if (app && (!types || types.includes('application')))
        value.push({
          '@odata.type': '#microsoft.graph.application',
          ...applicationJson(app, caller.tenant.defaultDomain)
        })
      if (sp && (!types || types.includes('serviceprincipal')))
        value.push({
          '@odata.type': '#microsoft.graph.servicePrincipal',
          ...servicePrincipalJson(sp, this.directory)
        })
    }
    return json(200, { '@odata.context': `${req.origin}/v1.0/$metadata#directoryObjects`, value })
  }

  /** `GET /servicePrincipals/{id}/ownedObjects`: the applications the principal owns (servicePrincipal-list-ownedobjects). */
  private ownedObjects(req: CoreRequest, caller: Caller, sp: ServicePrincipal): EmuResponse {
    if (req.method !== 'GET') throw methodNotAllowed()
    const owned = [...caller.tenant.applications.values()]
      .filter(a => a.owners.includes(sp.id))
      .map(a => ({
        '@odata.type': '#microsoft.graph.application',
        ...applicationJson(a, caller.tenant.defaultDomain)
      }))
    return this.page(req, 'directoryObjects', owned)
  }

  private createApplication(req: CoreRequest, caller: Caller, fields: Record<string, unknown>): EmuResponse {
    this.requireAnyRole(caller)
    const app = this.newApplication(caller, fields, undefined)
    return json(
      201,
      {
        '@odata.context': `${req.origin}/v1.0/$metadata#applications/$entity`,
        ...applicationJson(app, caller.tenant.defaultDomain)
      },
      {
        location: `${req.origin}/v2/${caller.tenant.id}/directoryObjects/${app.id}/Microsoft.DirectoryServices.Application`
      }
    )
  }

  /** `PATCH /applications(uniqueName='…')`: 201 + body when created, 204 when updated, 404 without `Prefer: create-if-missing` (§A.1). */
  private upsertApplication(req: CoreRequest, caller: Caller, uniqueName: string): EmuResponse {
    const fields = body(req)
    const existing = [...caller.tenant.applications.values()].find(a => a.uniqueName === uniqueName)
    if (existing) {
      this.requireManage(caller, existing)
      this.updateApplication(existing, fields)
      return noContent()
    }
    const prefer = String(req.headers.prefer ?? '')
    if (!/\bcreate-if-missing\b/i.test(prefer)) throw notFound(uniqueName)
    this.requireAnyRole(caller)
    const app = this.newApplication(caller, fields, uniqueName)
    return json(201, {
      '@odata.context': `${req.origin}/v1.0/$metadata#applications/$entity`,
      ...applicationJson(app, caller.tenant.defaultDomain)
    })
  }

  private newApplication(
    caller: Caller,
    fields: Record<string, unknown>,
    uniqueName: string | undefined
  ): Application {
    if ('passwordCredentials' in fields) {
      // "Adding passwordCredential when creating applications is not supported" (§A.1)
      throw badRequest(
        'Adding passwordCredential when creating applications is not supported. Use the addPassword method instead.'
      )
    }
    checkWritable(fields, WRITABLE_APPLICATION_PROPERTIES, 'Application')
    if (typeof fields.displayName !== 'string' || fields.displayName === '') {
      throw badRequest("Invalid value specified for property 'displayName' of resource 'Application'.")
    }
    const name = uniqueName ?? (typeof fields.uniqueName === 'string' ? fields.uniqueName : null)
    if (name !== null && this.directory.applicationByUniqueName(name)) {
      throw new GraphError(
        400,
        'Request_MultipleObjectsWithSameKeyValue',
        `Another object with the same value for property uniqueName already exists.`
      )
    }
    const app = this.directory.createApplication(caller.tenant.id, {
      displayName: fields.displayName,
      uniqueName: name,
      // an app-only caller with OwnedBy becomes the owner of what it creates (§E)
      owners: caller.ownedBy && !caller.all ? [caller.oid] : []
    })
    this.updateApplication(app, { ...fields, uniqueName: name })
    return app
  }

  private updateApplication(app: Application, fields: Record<string, unknown>): void {
    if ('passwordCredentials' in fields) {
      throw badRequest(
        'Using POST or PATCH to set the passwordCredential property is not supported. Use the addPassword and removePassword methods instead.'
      )
    }
    checkWritable(fields, WRITABLE_APPLICATION_PROPERTIES, 'Application')
    for (const [key, value] of Object.entries(fields)) {
      if (key.startsWith('@odata.')) continue
      switch (key) {
        case 'displayName':
          if (typeof value !== 'string' || value === '')
            throw badRequest("Invalid value specified for property 'displayName' of resource 'Application'.")
          app.displayName = value
          break
        case 'signInAudience':
          if (!SIGN_IN_AUDIENCES.includes(value as never))
            throw badRequest(
              "Invalid value specified for property 'signInAudience' of resource 'Application'."
            )
          app.signInAudience = value as Application['signInAudience']
          break
        case 'uniqueName':
          if (value !== null && value !== app.uniqueName) {
            if (app.uniqueName !== null)
              throw badRequest("Property 'uniqueName' is read-only and cannot be changed once set.")
            app.uniqueName = String(value)
          }
          break
        case 'web': {
          const web = (value ?? {}) as Record<string, unknown>
          if (web.redirectUris !== undefined) {
            if (!Array.isArray(web.redirectUris) || !web.redirectUris.every(u => typeof u === 'string')) {
              throw badRequest(
                "Invalid value specified for property 'web.redirectUris' of resource 'Application'."
              )
            }
            app.redirectUris = [...(web.redirectUris as string[])]
          }
          const { redirectUris: _kept, ...rest } = web
          app.properties.web = { ...((app.properties.web as object | undefined) ?? {}), ...rest }
          break
        }
        default:
          app.properties[key] = value
      }
    }
  }

  private applicationEntity(req: CoreRequest, caller: Caller, app: Application): EmuResponse {
    switch (req.method) {
      case 'GET':
        return json(
          200,
          select(req, 'applications/$entity', applicationJson(app, caller.tenant.defaultDomain))
        )
      case 'PATCH':
        this.updateApplication(app, body(req))
        return noContent()
      case 'DELETE': {
        this.directory.deleteApplication(app)
        const homeSp = this.directory.servicePrincipalByAppId(caller.tenant.id, app.appId)
        if (homeSp) this.directory.deleteServicePrincipal(caller.tenant.id, homeSp.id)
        return noContent()
      }
      default:
        throw methodNotAllowed()
    }
  }

  private findApplication(caller: Caller, key: EntityKey): Application {
    const apps = [...caller.tenant.applications.values()]
    const value = key.value.toLowerCase()
    const app =
      key.kind === 'id'
        ? caller.tenant.applications.get(value)
        : key.kind === 'appId'
          ? apps.find(a => a.appId === value)
          : apps.find(a => a.uniqueName === key.value)
    if (!app) throw notFound(key.value)
    return app
  }

  /** addPassword: `secretText` appears in this response only; default lifetime 2 years (§A.4). */
  private addPassword(req: CoreRequest, app: Application): EmuResponse {
    const fields = body(req)
    const pc = (fields.passwordCredential ?? {}) as Record<string, unknown>
    const start = pc.startDateTime === undefined ? undefined : dateField(pc.startDateTime, 'startDateTime')
    const end = pc.endDateTime === undefined ? undefined : dateField(pc.endDateTime, 'endDateTime')
    if (start && end && Date.parse(end) <= Date.parse(start)) {
      throw badRequest(
        "Invalid value specified for property 'endDateTime': endDateTime must be later than startDateTime."
      )
    }
    const secretText = newSecret()
    const credential = this.directory.addPassword(app, {
      secretText,
      displayName: typeof pc.displayName === 'string' ? pc.displayName : null,
      ...(start ? { startDateTime: start } : {}),
      ...(end ? { endDateTime: end } : {})
    })
    return json(200, {
      '@odata.context': `${req.origin}/v1.0/$metadata#microsoft.graph.passwordCredential`,
      customKeyIdentifier: null,
      displayName: credential.displayName,
      endDateTime: credential.endDateTime,
      hint: credential.hint,
      keyId: credential.keyId,
      secretText,
      startDateTime: credential.startDateTime
    })
  }

  private removePassword(req: CoreRequest, app: Application): EmuResponse {
    const keyId = body(req).keyId
    if (typeof keyId !== 'string' || keyId === '')
      throw badRequest("Invalid value specified for property 'keyId' of resource 'PasswordCredential'.")
    const index = app.passwordCredentials.findIndex(p => p.keyId === keyId.toLowerCase())
    if (index === -1) throw badRequest(`No password credential found with keyId '${keyId}'.`)
    app.passwordCredentials.splice(index, 1)
    return noContent()
  }

  // ---- federated identity credentials (§A.5) ----

  private federatedCredentials(req: CoreRequest, app: Application, rest: string[]): EmuResponse {
    const context = `applications('${app.id}')/federatedIdentityCredentials`
    const [segment, ...more] = rest
    if (more.length > 0) throw segmentNotFound(more[0] as string)
    if (segment === undefined) {
      if (req.method === 'GET') {
        return json(200, {
          '@odata.context': `${req.origin}/v1.0/$metadata#${context}`,
          value: app.federatedIdentityCredentials.map(ficJson)
        })
      }
      if (req.method === 'POST') {
        const fic = this.createFederatedCredential(app, body(req), undefined)
        return json(201, {
          '@odata.context': `${req.origin}/v1.0/$metadata#${context}/$entity`,
          ...ficJson(fic)
        })
      }
      throw methodNotAllowed()
    }
    const key = parseKey(segment)
    // `…/federatedIdentityCredentials/{federatedIdentityCredentialId or name}` (federatedidentitycredential-get)
    const fic = app.federatedIdentityCredentials.find(f =>
      key.kind === 'name' ? f.name === key.value : f.id === key.value.toLowerCase() || f.name === key.value
    )
    if (req.method === 'PATCH' && key.kind === 'name' && !fic) {
      // upsert by name (resources/federatedidentitycredential, methods table: "Upsert")
      const created = this.createFederatedCredential(app, body(req), key.value)
      return json(201, {
        '@odata.context': `${req.origin}/v1.0/$metadata#${context}/$entity`,
        ...ficJson(created)
      })
    }
    if (!fic) throw notFound(key.value)
    switch (req.method) {
      case 'GET':
        return json(200, {
          '@odata.context': `${req.origin}/v1.0/$metadata#${context}/$entity`,
          ...ficJson(fic)
        })
      case 'PATCH':
        this.updateFederatedCredential(fic, body(req))
        return noContent()
      case 'DELETE':
        app.federatedIdentityCredentials.splice(app.federatedIdentityCredentials.indexOf(fic), 1)
        return noContent()
      default:
        throw methodNotAllowed()
    }
  }

  private createFederatedCredential(
    app: Application,
    fields: Record<string, unknown>,
    name: string | undefined
  ): FederatedIdentityCredential {
    if (app.federatedIdentityCredentials.length >= MAX_FEDERATED_CREDENTIALS) {
      throw badRequest(`Maximum of ${MAX_FEDERATED_CREDENTIALS} objects can be added to an application.`)
    }
    const ficName = name ?? fields.name
    if (typeof ficName !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_-]{2,119}$/.test(ficName)) {
      throw badRequest(
        "Invalid value specified for property 'name' of resource 'FederatedIdentityCredential'."
      )
    }
    if (app.federatedIdentityCredentials.some(f => f.name === ficName)) {
      throw new GraphError(
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        `FederatedIdentityCredential with name ${ficName} already exists.`
      )
    }
    const issuer = requiredText(fields.issuer, 'issuer')
    const subject = requiredText(fields.subject, 'subject')
    const audiences = audiencesField(fields.audiences)
    if (app.federatedIdentityCredentials.some(f => f.issuer === issuer && f.subject === subject)) {
      // "issuer+subject combination must be unique on the app" (§A.5)
      throw new GraphError(
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        `FederatedIdentityCredential with issuer ${issuer} and subject ${subject} already exists.`
      )
    }
    return this.directory.addFederatedCredential(app, {
      name: ficName,
      issuer,
      subject,
      audiences,
      description: typeof fields.description === 'string' ? fields.description : null
    })
  }

  private updateFederatedCredential(fic: FederatedIdentityCredential, fields: Record<string, unknown>): void {
    if (fields.name !== undefined && fields.name !== fic.name)
      throw badRequest("Property 'name' is read-only and cannot be changed.")
    if (fields.issuer !== undefined) fic.issuer = requiredText(fields.issuer, 'issuer')
    if (fields.subject !== undefined) fic.subject = requiredText(fields.subject, 'subject')
    if (fields.audiences !== undefined) fic.audiences = audiencesField(fields.audiences)
    if (fields.description !== undefined)
      fic.description = fields.description === null ? null : String(fields.description)
    // a changed record propagates like a new one
    fic.createdAt = this.clock.now()
  }

  // ---- owners (§A.6) ----

  private owners(req: CoreRequest, caller: Caller, app: Application, rest: string[]): EmuResponse {
    if (rest.length === 0 && req.method === 'GET') {
      const owners = app.owners
        .map(id => caller.tenant.servicePrincipals.get(id))
        .filter((sp): sp is ServicePrincipal => sp !== undefined)
        .map(sp => ({
          '@odata.type': '#microsoft.graph.servicePrincipal',
          ...servicePrincipalJson(sp, this.directory)
        }))
      return json(200, { '@odata.context': `${req.origin}/v1.0/$metadata#directoryObjects`, value: owners })
    }
    if (rest.length === 1 && rest[0] === '$ref' && req.method === 'POST') {
      // "Application.ReadWrite.OwnedBy isn't sufficient to add another owner" (application-post-owners)
      if (!caller.all) throw denied()
      const ref = body(req)['@odata.id']
      const id = typeof ref === 'string' ? (ref.split('/').pop() ?? '').toLowerCase() : ''
      if (!caller.tenant.servicePrincipals.has(id)) throw notFound(id)
      if (app.owners.includes(id)) {
        throw badRequest(
          "One or more added object references already exist for the following modified properties: 'owners'."
        )
      }
      app.owners.push(id)
      return noContent()
    }
    throw rest.length === 0 ? methodNotAllowed() : segmentNotFound(rest[0] as string)
  }

  // ---- service principals (§A.3) ----

  private servicePrincipals(req: CoreRequest, caller: Caller, p: ParsedPath): EmuResponse {
    this.requireAnyRole(caller)
    const navigation = p.rest.length === 1 ? canonicalSegment(p.rest[0] as string) : undefined
    if (p.rest.length > 0 && navigation !== 'ownedObjects') throw segmentNotFound(p.rest[0] as string)
    if (!p.key) {
      if (req.method === 'GET') {
        const filter = parseFilter(req.query.get('$filter'), SERVICE_PRINCIPAL_FILTERABLE, 'servicePrincipal')
        const sps = [...caller.tenant.servicePrincipals.values()]
          .map(sp => servicePrincipalJson(sp, this.directory))
          .filter(filter)
        return this.page(req, 'servicePrincipals', sps)
      }
      if (req.method === 'POST') return this.createServicePrincipal(req, caller, body(req))
      throw methodNotAllowed()
    }
    const value = p.key.value.toLowerCase()
    const sp =
      p.key.kind === 'id'
        ? caller.tenant.servicePrincipals.get(value)
        : p.key.kind === 'appId'
          ? this.directory.servicePrincipalByAppId(caller.tenant.id, value)
          : undefined
    if (!sp) throw notFound(p.key.value)
    if (navigation === 'ownedObjects') return this.ownedObjects(req, caller, sp)
    switch (req.method) {
      case 'GET':
        return json(200, select(req, 'servicePrincipals/$entity', servicePrincipalJson(sp, this.directory)))
      case 'PATCH':
        this.requireManageServicePrincipal(caller, sp)
        this.updateServicePrincipal(sp, body(req))
        return noContent()
      default:
        throw methodNotAllowed()
    }
  }

  /**
   * With OwnedBy the caller must own the application of the principal it creates or changes
   * (https://learn.microsoft.com/graph/permissions-reference#applicationreadwriteownedby, psignoret in microsoft-graph-docs#16138).
   */
  private requireManageServicePrincipal(caller: Caller, sp: ServicePrincipal): void {
    if (caller.all) return
    const app = this.directory.applicationByAppId(sp.appId)
    if (caller.ownedBy && app?.homeTenantId === caller.tenant.id && app.owners.includes(caller.oid)) return
    throw denied()
  }

  private createServicePrincipal(
    req: CoreRequest,
    caller: Caller,
    fields: Record<string, unknown>
  ): EmuResponse {
    checkWritable(fields, WRITABLE_SERVICE_PRINCIPAL_PROPERTIES, 'ServicePrincipal')
    const appId = typeof fields.appId === 'string' ? fields.appId.toLowerCase() : ''
    const app = this.directory.applicationByAppId(appId)
    if (!app || this.directory.isLagging(app.createdAt, this.directory.lags.applicationMs)) {
      // replication: a fresh application is not yet visible here (§A.3, msgraph-sdk-dotnet#3108)
      throw badRequest(
        `The appId '${String(fields.appId ?? '')}' of the service principal does not reference a valid application object.`
      )
    }
    if (!caller.all && !(app.homeTenantId === caller.tenant.id && app.owners.includes(caller.oid)))
      throw denied()
    if (app.signInAudience === 'AzureADMyOrg' && app.homeTenantId !== caller.tenant.id) {
      throw badRequest(
        `The appId '${appId}' of the service principal does not reference a valid application object.`
      )
    }
    if (this.directory.servicePrincipalByAppId(caller.tenant.id, app.appId)) {
      throw new GraphError(
        409,
        'Request_MultipleObjectsWithSameKeyValue',
        'Another object with the same value for property servicePrincipalNames already exists.'
      )
    }
    const sp = this.directory.createServicePrincipal(caller.tenant.id, app, {
      ...(typeof fields.accountEnabled === 'boolean' ? { accountEnabled: fields.accountEnabled } : {})
    })
    return json(201, {
      '@odata.context': `${req.origin}/v1.0/$metadata#servicePrincipals/$entity`,
      ...servicePrincipalJson(sp, this.directory)
    })
  }

  private updateServicePrincipal(sp: ServicePrincipal, fields: Record<string, unknown>): void {
    checkWritable(fields, WRITABLE_SERVICE_PRINCIPAL_PROPERTIES, 'ServicePrincipal')
    if (fields.accountEnabled !== undefined) {
      if (typeof fields.accountEnabled !== 'boolean')
        throw badRequest(
          "Invalid value specified for property 'accountEnabled' of resource 'ServicePrincipal'."
        )
      sp.accountEnabled = fields.accountEnabled
    }
    if (typeof fields.displayName === 'string') sp.displayName = fields.displayName
  }

  // ---- paging and errors ----

  /** Server-side paging: `$top` honoured, absolute `@odata.nextLink` carrying a `$skiptoken` (Graph paging docs). */
  private page(req: CoreRequest, collection: string, items: Record<string, unknown>[]): EmuResponse {
    const topText = req.query.get('$top')
    const top = topText === null ? this.pageSize : Number(topText)
    if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
      throw new GraphError(
        400,
        'Request_BadRequest',
        `Invalid page size specified: '${topText}'. Must be between 1 and ${MAX_TOP} inclusive.`
      )
    }
    const offset = decodeSkipToken(req.query.get('$skiptoken'))
    const selected = items.slice(offset, offset + top).map(item => selectFields(req, item))
    const out: Record<string, unknown> = {
      '@odata.context': `${req.origin}/v1.0/$metadata#${collection}`,
      value: selected
    }
    if (offset + top < items.length) {
      const next = new URLSearchParams()
      for (const key of ['$filter', '$select', '$top']) {
        const v = req.query.get(key)
        if (v !== null) next.set(key, v)
      }
      next.set('$skiptoken', Buffer.from(JSON.stringify({ offset: offset + top })).toString('base64url'))
      out['@odata.nextLink'] = `${req.origin}${req.path}?${next.toString()}`
    }
    return json(200, out)
  }

  private error(req: CoreRequest, e: GraphError): EmuResponse {
    return {
      status: e.status,
      headers: { 'content-type': GRAPH_CONTENT_TYPE, ...e.headers },
      body: { error: { code: e.code, message: e.message, innerError: graphInnerError(req, this.clock) } }
    }
  }
}

// ---- representations ----

/**
 * An application with the default property values of the Get application example
 * (https://learn.microsoft.com/graph/api/application-get#response-1); `publisherDomain` is the home tenant's
 * verified (here: default) domain.
 */
export function applicationJson(app: Application, publisherDomain: string): Record<string, unknown> {
  const web = (app.properties.web as Record<string, unknown> | undefined) ?? {}
  return {
    id: app.id,
    deletedDateTime: null,
    appId: app.appId,
    applicationTemplateId: null,
    disabledByMicrosoftStatus: null,
    createdDateTime: app.createdDateTime,
    description: null,
    displayName: app.displayName,
    groupMembershipClaims: null,
    identifierUris: [],
    isDeviceOnlyAuthSupported: null,
    isFallbackPublicClient: null,
    notes: null,
    publisherDomain,
    serviceManagementReference: null,
    signInAudience: app.signInAudience,
    tags: [],
    tokenEncryptionKeyId: null,
    uniqueName: app.uniqueName,
    samlMetadataUrl: null,
    defaultRedirectUri: null,
    certification: null,
    optionalClaims: null,
    servicePrincipalLockConfiguration: null,
    addIns: [],
    api: {
      acceptMappedClaims: null,
      knownClientApplications: [],
      requestedAccessTokenVersion: null,
      oauth2PermissionScopes: [],
      preAuthorizedApplications: []
    },
    appRoles: [],
    info: {
      logoUrl: null,
      marketingUrl: null,
      privacyStatementUrl: null,
      supportUrl: null,
      termsOfServiceUrl: null
    },
    keyCredentials: [],
    parentalControlSettings: { countriesBlockedForMinors: [], legalAgeGroupRule: 'Allow' },
    publicClient: { redirectUris: [] },
    requiredResourceAccess: [],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null },
    spa: { redirectUris: [] },
    ...withoutWeb(app.properties),
    passwordCredentials: app.passwordCredentials.map(p => ({
      customKeyIdentifier: null,
      displayName: p.displayName,
      endDateTime: p.endDateTime,
      hint: p.hint,
      keyId: p.keyId,
      secretText: null,
      startDateTime: p.startDateTime
    })),
    web: {
      homePageUrl: null,
      logoutUrl: null,
      redirectUriSettings: app.redirectUris.map(uri => ({ uri, index: null })),
      implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
      ...web,
      redirectUris: [...app.redirectUris]
    }
  }
}

function withoutWeb(properties: Record<string, unknown>): Record<string, unknown> {
  const { web: _web, ...rest } = properties
  return rest
}

export function servicePrincipalJson(
  sp: ServicePrincipal,
  directory: DirectoryState
): Record<string, unknown> {
  const app = directory.applicationByAppId(sp.appId)
  const identifierUris = Array.isArray(app?.properties.identifierUris)
    ? (app.properties.identifierUris as unknown[]).map(String)
    : []
  // defaults of the Get servicePrincipal example (https://learn.microsoft.com/graph/api/serviceprincipal-get#response-1)
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: sp.accountEnabled,
    alternativeNames: [],
    appDisplayName: app?.displayName ?? sp.displayName,
    appDescription: null,
    appId: sp.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: sp.appOwnerOrganizationId,
    appRoleAssignmentRequired: false,
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: sp.displayName,
    homepage: null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    preferredTokenSigningKeyThumbprint: null,
    replyUrls: app ? [...app.redirectUris] : [],
    servicePrincipalNames: [...identifierUris, sp.appId],
    servicePrincipalType: 'Application',
    signInAudience: app?.signInAudience ?? 'AzureADMyOrg',
    tags: [],
    tokenEncryptionKeyId: null,
    samlSingleSignOnSettings: null,
    addIns: [],
    appRoles: [],
    info: {
      logoUrl: null,
      marketingUrl: null,
      privacyStatementUrl: null,
      supportUrl: null,
      termsOfServiceUrl: null
    },
    keyCredentials: [],
    oauth2PermissionScopes: [],
    passwordCredentials: [],
    resourceSpecificApplicationPermissions: [],
    verifiedPublisher: { displayName: null, verifiedPublisherId: null, addedDateTime: null }
  }
}

function ficJson(f: FederatedIdentityCredential): Record<string, unknown> {
  return {
    id: f.id,
    name: f.name,
    issuer: f.issuer,
    subject: f.subject,
    description: f.description,
    audiences: [...f.audiences]
  }
}

// ---- request parsing helpers ----

/** `/applications`, `/applications/{id}/…`, `/applications(appId='…')/…` and the same for servicePrincipals. */
function parsePath(path: string): ParsedPath {
  // Graph resolves entity set and navigation names case-insensitively (`/serviceprincipals` works)
  const match = /^\/(applications|servicePrincipals|directoryObjects)(\([^)]*\))?(?:\/(.*))?$/i.exec(path)
  if (!match) throw segmentNotFound(path.split('/')[1] ?? '')
  const collection = COLLECTIONS.find(
    c => c.toLowerCase() === (match[1] as string).toLowerCase()
  ) as ParsedPath['collection']
  const segments = (match[3] ?? '').split('/').filter(s => s !== '')
  if (match[2]) return { collection, key: parseKey(match[2]), rest: segments }
  const [id, ...rest] = segments
  return { collection, key: id === undefined ? undefined : { kind: 'id', value: id }, rest }
}

const COLLECTIONS: ParsedPath['collection'][] = ['applications', 'servicePrincipals', 'directoryObjects']

/** `(appId='…')`, `(uniqueName='…')`, `(name='…')` or a bare id. */
function parseKey(segment: string): EntityKey {
  const match = /^\(?(appId|uniqueName|name)='([^']*)'\)$/i.exec(segment.replace(/^([^(]*)\(/, '('))
  if (match) {
    const kind = (['appId', 'uniqueName', 'name'] as const).find(
      k => k.toLowerCase() === (match[1] as string).toLowerCase()
    ) as EntityKey['kind']
    return { kind, value: match[2] as string }
  }
  if (segment.startsWith('(')) throw badRequest(`Invalid key segment '${segment}'.`)
  return { kind: 'id', value: segment }
}

/** Properties Graph lets `$filter` use on these resources (resources/application, resources/serviceprincipal). */
const APPLICATION_FILTERABLE = [
  'appId',
  'uniqueName',
  'displayName',
  'id',
  'identifierUris',
  'publisherDomain',
  'signInAudience',
  'tags',
  'createdDateTime'
]
const SERVICE_PRINCIPAL_FILTERABLE = [
  'appId',
  'displayName',
  'id',
  'servicePrincipalNames',
  'accountEnabled',
  'appOwnerOrganizationId',
  'servicePrincipalType',
  'tags',
  'alternativeNames'
]

/** `$filter` (services/graph-filter.ts), with Graph's two refusals: an unsupported property, a malformed clause. */
function parseFilter(
  filter: string | null,
  allowed: string[],
  resource: string
): (item: Record<string, unknown>) => boolean {
  try {
    return compileFilter(filter, allowed, resource)
  } catch (e) {
    if (e instanceof UnsupportedProperty) throw new GraphError(400, 'Request_UnsupportedQuery', e.message)
    if (e instanceof FilterError)
      throw new GraphError(400, 'BadRequest', `Invalid filter clause: ${e.message}`)
    throw e
  }
}

function select(req: CoreRequest, context: string, item: Record<string, unknown>): Record<string, unknown> {
  return { '@odata.context': `${req.origin}/v1.0/$metadata#${context}`, ...selectFields(req, item) }
}

function selectFields(req: CoreRequest, item: Record<string, unknown>): Record<string, unknown> {
  const selectText = req.query.get('$select')
  if (!selectText) return item
  const out: Record<string, unknown> = {}
  for (const field of selectText.split(',').map(f => f.trim())) if (field in item) out[field] = item[field]
  return out
}

function body(req: CoreRequest): Record<string, unknown> {
  if (req.body.length === 0) return {}
  const parsed: unknown = JSON.parse(req.body.toString('utf8'))
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw badRequest('The request body must be a JSON object.')
  return parsed as Record<string, unknown>
}

function checkWritable(fields: Record<string, unknown>, allowed: Set<string>, type: string): void {
  for (const key of Object.keys(fields)) {
    if (key.startsWith('@odata.') || allowed.has(key)) continue
    throw badRequest(
      `Property '${key}' does not exist on type 'Microsoft.DirectoryServices.${type}' or is read-only.`
    )
  }
}

function requiredText(value: unknown, property: string): string {
  if (typeof value !== 'string' || value === '' || value.length > 600) {
    throw badRequest(
      `Invalid value specified for property '${property}' of resource 'FederatedIdentityCredential'.`
    )
  }
  return value
}

/** `audiences` is required and single-valued (§A.5). */
function audiencesField(value: unknown): string[] {
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'string' || value[0] === '') {
    throw badRequest(
      "Invalid value specified for property 'audiences' of resource 'FederatedIdentityCredential'."
    )
  }
  return [value[0]]
}

function dateField(value: unknown, property: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw badRequest(`Invalid value specified for property '${property}' of resource 'PasswordCredential'.`)
  }
  return new Date(value).toISOString()
}

function decodeSkipToken(token: string | null): number {
  if (token === null) return 0
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown })
      .offset
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset
  } catch {
    // fall through to the error below
  }
  throw badRequest(
    'The specified page token value has expired and can no longer be included in your request.'
  )
}

const NAVIGATION_SEGMENTS = [
  'addPassword',
  'removePassword',
  'federatedIdentityCredentials',
  'owners',
  'ownedObjects'
]

function canonicalSegment(segment: string): string {
  return NAVIGATION_SEGMENTS.find(s => s.toLowerCase() === segment.toLowerCase()) ?? segment
}

function segmentNotFound(segment: string): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`)
}

function newSecret(): string {
  const bytes = randomBytes(SECRET_LENGTH)
  return [...bytes].map(b => SECRET_ALPHABET[b % SECRET_ALPHABET.length]).join('')
}

function withGraphContentType(response: EmuResponse): EmuResponse {
  if (response.body === undefined) return response
  return { ...response, headers: { 'content-type': GRAPH_CONTENT_TYPE, ...response.headers } }
}
