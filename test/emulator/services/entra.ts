/**
 * Entra ID's v2.0 endpoints for the client-credentials grant: OpenID discovery, signing keys and the token
 * endpoint, with the error bodies and AADSTS codes of https://learn.microsoft.com/entra/identity-platform/reference-error-codes.
 * What @azure/identity sends: https://github.com/Azure/azure-sdk-for-js/tree/main/sdk/identity/identity (through MSAL: https://github.com/AzureAD/microsoft-authentication-library-for-js).
 */
import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.js'
import type { AccessTokenClaims, EmuResponse } from '../contracts.js'
import type { CoreRequest } from '../http.js'
import { json, readFormBody } from '../http.js'
import type { JwtSigner } from '../jwt.js'
import type { Application, DirectoryState, FederatedIdentityCredential, Tenant } from '../state/directory.js'
import { hashSecret } from '../state/directory.js'
import { MICROSOFT_GRAPH, resourcePrincipalOf } from './resource-principals.js'

/** `client_assertion_type` for a JWT bearer assertion (RFC 7523; v2-oauth2-client-creds-grant-flow.md). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'
/** Access tokens live an hour by default (https://learn.microsoft.com/entra/identity-platform/access-tokens). */
export const ACCESS_TOKEN_LIFETIME_SECONDS = 3599
/** The Graph resource: tokens with this `aud` carry the principal's Graph app roles in `roles`. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com'

/** AADSTS codes the token endpoint answers with (https://learn.microsoft.com/entra/identity-platform/reference-error-codes). */
export const AADSTS = {
  tenantNotFound: 90002,
  appNotFoundInDirectory: 700016,
  missingServicePrincipal: 7000229,
  applicationDisabled: 7000112,
  blockedByConditionalAccess: 53003,
  invalidClientSecret: 7000215,
  expiredClientSecret: 7000222,
  assertionOutOfTimeRange: 700024,
  noMatchingFederatedRecord: 70021,
  noMatchingFederatedIssuer: 700211,
  noMatchingFederatedAudience: 700212,
  noMatchingFederatedSubject: 700213,
  missingCredential: 7000218,
  invalidSignature: 700027,
  missingScope: 900144,
  invalidScope: 1002012,
  invalidScopeValue: 70011,
  resourceNotFound: 500011,
  unsupportedGrantType: 70003,
  noReplyAddress: 500113,
  redirectUriMismatch: 50011,
  userDeclinedConsent: 65004,
  grantNotSupportedOnCommon: 9001023,
  unknownInstance: 50049
} as const

/** Authorities that name no tenant (https://learn.microsoft.com/entra/identity-platform/msal-client-application-configuration#authority). */
const MULTI_TENANT_AUTHORITIES = ['common', 'organizations', 'consumers']
/** MSAL's instance discovery endpoint path (msal-common Constants.AAD_INSTANCE_DISCOVERY_ENDPT). */
const INSTANCE_DISCOVERY_PATH = '/common/discovery/instance'

/** The link Entra's federated-credential errors end with. */
const WORKLOAD_IDENTITY_DOC = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation'

/** Claims the emulator's access tokens carry beyond the contract's: Graph app roles. */
export interface IssuedTokenClaims extends AccessTokenClaims {
  roles?: string[]
}

interface AadError {
  status: number
  error: string
  code: number
  text: string
}

export class EntraService {
  readonly name = 'entra'
  private readonly directory: DirectoryState
  private readonly clock: Clock
  private readonly signer: JwtSigner
  private readonly assertionVerifier: (token: string) => Record<string, unknown> | undefined

  /** `assertionVerifier` checks an assertion's signature with its issuer's key (the GitHub issuer's). */
  constructor(
    directory: DirectoryState,
    clock: Clock,
    signer: JwtSigner,
    assertionVerifier: (token: string) => Record<string, unknown> | undefined
  ) {
    this.directory = directory
    this.clock = clock
    this.signer = signer
    this.assertionVerifier = assertionVerifier
  }

  /** The route a request belongs to: `token` for token requests, `entra` for discovery, undefined otherwise. */
  route(req: CoreRequest): 'token' | 'entra' | undefined {
    if (/^\/[^/]+\/oauth2\/(v2\.0\/)?token$/.test(req.path)) return 'token'
    if (/^\/[^/]+\/(v2\.0\/)?\.well-known\/openid-configuration$/.test(req.path)) return 'entra'
    if (/^\/[^/]+\/discovery\/(v2\.0\/)?keys$/.test(req.path)) return 'entra'
    if (req.path === INSTANCE_DISCOVERY_PATH) return 'entra'
    return undefined
  }

  handle(req: CoreRequest): EmuResponse {
    const tenantSegment = decodeURIComponent(req.path.split('/')[1] ?? '')
    const route = this.route(req)
    const v1 = !req.path.includes('/v2.0/')
    if (route === 'token') {
      if (req.method !== 'POST') return json(405, { error: 'invalid_request' })
      if (MULTI_TENANT_AUTHORITIES.includes(tenantSegment.toLowerCase())) {
        // reference-error-codes: "AADSTS9001023: The grant type isn't supported over the /common or /consumers
        // endpoints. Please use the /organizations or tenant-specific endpoint."
        return this.errorResponse(
          req,
          aad(
            400,
            'invalid_request',
            AADSTS.grantNotSupportedOnCommon,
            "The grant type isn't supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint."
          )
        )
      }
      return v1 ? this.tokenV1(req, tenantSegment) : this.token(req, tenantSegment)
    }
    if (req.path === INSTANCE_DISCOVERY_PATH) return this.instanceDiscovery(req)
    if (req.path.endsWith('/keys')) {
      if (
        !MULTI_TENANT_AUTHORITIES.includes(tenantSegment.toLowerCase()) &&
        !this.directory.resolveTenant(tenantSegment)
      )
        return this.errorResponse(req, tenantNotFound(tenantSegment, 'invalid_tenant'))
      return json(200, this.signer.jwks())
    }
    if (MULTI_TENANT_AUTHORITIES.includes(tenantSegment.toLowerCase())) {
      // the multi-tenant documents name `{tenantid}` where the tenant-specific ones carry the id
      const doc = v1
        ? this.discoveryV1(req.origin, tenantSegment.toLowerCase())
        : this.discovery(req.origin, tenantSegment.toLowerCase())
      return json(200, {
        ...doc,
        issuer: v1 ? 'https://sts.windows.net/{tenantid}/' : `${req.origin}/{tenantid}/v2.0`
      })
    }
    const tenant = this.directory.resolveTenant(tenantSegment)
    if (!tenant) return this.errorResponse(req, tenantNotFound(tenantSegment, 'invalid_tenant'))
    return json(200, v1 ? this.discoveryV1(req.origin, tenant.id) : this.discovery(req.origin, tenant.id))
  }

  /**
   * MSAL's instance discovery (`/common/discovery/instance?api-version=1.1&authorization_endpoint=…`, the shape of
   * msal-common's CloudInstanceDiscoveryResponse): this host is a known instance, any other is AADSTS50049.
   */
  private instanceDiscovery(req: CoreRequest): EmuResponse {
    const endpoint = req.query.get('authorization_endpoint') ?? ''
    const host = new URL(req.origin).host
    let url: URL | undefined
    try {
      url = new URL(endpoint)
    } catch {
      url = undefined
    }
    if (!url || url.host !== host) {
      return json(400, {
        error: 'invalid_instance',
        error_description: `AADSTS${AADSTS.unknownInstance}: Unknown or invalid instance.\r\nTrace ID: ${req.requestId}\r\nCorrelation ID: ${req.clientRequestId ?? req.requestId}\r\nTimestamp: ${this.entraTimestamp()}`,
        error_codes: [AADSTS.unknownInstance],
        error_uri: `${req.origin}/error?code=${AADSTS.unknownInstance}`
      })
    }
    const tenant = url.pathname.split('/')[1] ?? 'common'
    return json(200, {
      tenant_discovery_endpoint: `${req.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
    })
  }

  /**
   * The v1 token endpoint: `resource` instead of `scope`, and numbers as strings in the answer
   * (https://learn.microsoft.com/previous-versions/azure/active-directory/azuread-dev/v1-oauth2-client-creds-grant-flow).
   */
  private tokenV1(req: CoreRequest, tenantSegment: string): EmuResponse {
    const form = readFormBody(req)
    const resource = form.get('resource')
    if (!resource) {
      return this.errorResponse(
        req,
        aad(
          400,
          'invalid_request',
          AADSTS.missingScope,
          "The request body must contain the following parameter: 'resource'."
        )
      )
    }
    form.set('scope', `${resource.replace(/\/+$/, '')}${resource.endsWith('/') ? '/' : ''}/.default`)
    const outcome = this.evaluate(form, tenantSegment)
    if ('error' in outcome) return this.errorResponse(req, outcome)
    outcome.aud = resource
    return json(200, {
      token_type: 'Bearer',
      expires_in: String(ACCESS_TOKEN_LIFETIME_SECONDS),
      ext_expires_in: String(ACCESS_TOKEN_LIFETIME_SECONDS),
      expires_on: String(outcome.exp),
      not_before: String(outcome.nbf),
      resource,
      access_token: this.signer.sign({ ...outcome })
    })
  }

  private entraTimestamp(): string {
    return new Date(this.clock.now())
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z')
  }

  /** Claims of an access token this Entra signed, whether or not it has expired (ARM's ExpiredAuthenticationToken). */
  inspectAccessToken(token: string): IssuedTokenClaims | undefined {
    const decoded = this.signer.verify(token)
    return decoded ? (decoded.claims as unknown as IssuedTokenClaims) : undefined
  }

  /** Claims of a valid (signature, expiry on the emulator clock) access token this Entra issued. */
  verifyAccessToken(token: string): IssuedTokenClaims | undefined {
    const decoded = this.signer.verify(token)
    if (!decoded) return undefined
    const claims = decoded.claims as unknown as IssuedTokenClaims
    const now = this.clock.nowSeconds()
    if (typeof claims.exp !== 'number' || claims.exp <= now) return undefined
    if (typeof claims.nbf === 'number' && claims.nbf > now + 300) return undefined
    return claims
  }

  private token(req: CoreRequest, tenantSegment: string): EmuResponse {
    const form = readFormBody(req)
    const outcome = this.evaluate(form, tenantSegment)
    if ('error' in outcome) return this.errorResponse(req, outcome)
    return json(200, {
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      ext_expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
      access_token: this.signer.sign({ ...outcome })
    })
  }

  /**
   * The checks in the order Entra is understood to run them: tenant, grant, scope, client application, its
   * credential, then its service principal in the requested tenant. Which of a credential error and a missing
   * service principal wins is not documented (https://learn.microsoft.com/entra/identity-platform/reference-error-codes, "Ordering caveat"); credential
   * errors come first, so a provider-side misconfiguration is never mistaken for missing consent.
   */
  private evaluate(form: URLSearchParams, tenantSegment: string): IssuedTokenClaims | AadError {
    const tenant = this.directory.resolveTenant(tenantSegment)
    if (!tenant) return tenantNotFound(tenantSegment, 'invalid_request')
    const grantType = form.get('grant_type')
    if (grantType !== 'client_credentials') {
      return aad(
        400,
        'unsupported_grant_type',
        AADSTS.unsupportedGrantType,
        `The provided value for the 'grant_type' is not valid: '${grantType ?? ''}'.`
      )
    }
    const scope = form.get('scope')
    if (!scope)
      return aad(
        400,
        'invalid_request',
        AADSTS.missingScope,
        "The request body must contain the following parameter: 'scope'."
      )
    if (!scope.endsWith('/.default')) {
      return aad(
        400,
        'invalid_scope',
        AADSTS.invalidScope,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`
      )
    }
    const resourceError = this.checkResource(scope, tenant)
    if (resourceError) return resourceError
    const clientId = (form.get('client_id') ?? '').toLowerCase()
    const app = this.directory.applicationByAppId(clientId)
    if (!app || (app.signInAudience === 'AzureADMyOrg' && app.homeTenantId !== tenant.id)) {
      return aad(
        400,
        'unauthorized_client',
        AADSTS.appNotFoundInDirectory,
        `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`
      )
    }
    const credentialError = this.checkCredential(form, app)
    if (credentialError) return credentialError
    const sp = this.directory.servicePrincipalByAppId(tenant.id, app.appId)
    if (!sp || this.directory.isLagging(sp.createdAt, this.directory.lags.servicePrincipalMs)) {
      return aad(
        401,
        'invalid_client',
        AADSTS.missingServicePrincipal,
        `The client application ${app.appId} is missing service principal in the tenant ${tenant.id}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`
      )
    }
    if (!sp.accountEnabled) {
      return aad(
        400,
        'unauthorized_client',
        AADSTS.applicationDisabled,
        `Application '${app.appId}'(${app.displayName}) is disabled.`
      )
    }
    if (sp.blockedByConditionalAccess) {
      // reference-error-codes.md: BlockedByConditionalAccess — "Access has been blocked by Conditional Access
      // policies. The access policy does not allow token issuance."
      return aad(
        400,
        'invalid_grant',
        AADSTS.blockedByConditionalAccess,
        'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.'
      )
    }
    const resource = scope.slice(0, -'/.default'.length)
    const now = this.clock.nowSeconds()
    const issuer = `https://sts.windows.net/${tenant.id}/`
    const claims: IssuedTokenClaims = {
      aud: resource,
      iss: issuer,
      iat: now,
      nbf: now,
      exp: now + ACCESS_TOKEN_LIFETIME_SECONDS,
      appid: app.appId,
      azp: app.appId,
      oid: sp.id,
      sub: sp.id,
      tid: tenant.id,
      idtyp: 'app',
      ver: '1.0'
    }
    Object.assign(claims, {
      appidacr: form.has('client_secret') ? '1' : '2',
      idp: issuer,
      uti: randomUUID().replaceAll('-', '')
    })
    if (resourcePrincipalOf(resource) === MICROSOFT_GRAPH && sp.graphAppRoles.length > 0)
      claims.roles = [...sp.graphAppRoles]
    return claims
  }

  /**
   * One resource per client-credentials request, and one Entra knows: a Microsoft resource in any of its forms
   * or an application of the directory by app id or identifier URI. Otherwise `invalid_scope` AADSTS70011
   * (several resources; the sample response of reference-error-codes) or `invalid_resource` AADSTS500011
   * (https://learn.microsoft.com/entra/identity-platform/reference-error-codes, InvalidResourceServicePrincipalNotFound).
   */
  private checkResource(scope: string, tenant: Tenant): AadError | undefined {
    const resources = scope.split(/\s+/).filter(s => s !== '')
    if (resources.length > 1) {
      return aad(
        400,
        'invalid_scope',
        AADSTS.invalidScopeValue,
        `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`
      )
    }
    const resource = scope.slice(0, -'/.default'.length)
    if (resourcePrincipalOf(resource) || this.directory.resourceApplication(resource)) return undefined
    return aad(
      400,
      'invalid_resource',
      AADSTS.resourceNotFound,
      `The resource principal named ${resource} was not found in the tenant named ${tenant.displayName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`
    )
  }

  private checkCredential(form: URLSearchParams, app: Application): AadError | undefined {
    const secret = form.get('client_secret')
    const assertion = form.get('client_assertion')
    if (secret !== null) return this.checkSecret(secret, app)
    if (assertion !== null && form.get('client_assertion_type') === JWT_BEARER_ASSERTION_TYPE) {
      return this.checkAssertion(assertion, app)
    }
    return aad(
      401,
      'invalid_client',
      AADSTS.missingCredential,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."
    )
  }

  /** A password still inside its replication lag is unknown to the token endpoint (https://learn.microsoft.com/rest/api/keyvault/secrets). */
  private checkSecret(secret: string, app: Application): AadError | undefined {
    const hash = hashSecret(secret)
    const match = app.passwordCredentials.find(
      p => p.secretHash === hash && !this.directory.isLagging(p.createdAt, this.directory.lags.passwordMs)
    )
    if (!match) {
      return aad(
        401,
        'invalid_client',
        AADSTS.invalidClientSecret,
        `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.appId}'.`
      )
    }
    if (Date.parse(match.endDateTime) <= this.clock.now()) {
      return aad(
        401,
        'invalid_client',
        AADSTS.expiredClientSecret,
        `The provided client secret keys for app '${app.appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`
      )
    }
    return undefined
  }

  /**
   * Federated credential matching (https://learn.microsoft.com/graph/api/resources/application): `iss` and `aud` against the app's records,
   * then `sub`, compared case-sensitively. A record inside its replication lag does not match yet (70021).
   */
  private checkAssertion(assertion: string, app: Application): AadError | undefined {
    const claims = this.assertionVerifier(assertion)
    if (!claims)
      return aad(
        401,
        'invalid_client',
        AADSTS.invalidSignature,
        'Client assertion failed signature validation.'
      )
    const now = this.clock.nowSeconds()
    const nbf = typeof claims.nbf === 'number' ? claims.nbf : 0
    const exp = typeof claims.exp === 'number' ? claims.exp : 0
    if (exp <= now || nbf > now) {
      return aad(
        401,
        'invalid_client',
        AADSTS.assertionOutOfTimeRange,
        `Client assertion is not within its valid time range. Current time: ${iso(now)}, assertion valid from ${iso(nbf)}, expiry time of assertion ${iso(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`
      )
    }
    const iss = String(claims.iss)
    const sub = String(claims.sub)
    const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)]
    const lagging = (f: FederatedIdentityCredential): boolean =>
      this.directory.isLagging(f.createdAt, this.directory.lags.federatedCredentialMs)
    const matchesIssuerAndAudience = (f: FederatedIdentityCredential): boolean =>
      f.issuer === iss && f.audiences.some(a => audiences.includes(a))
    const live = app.federatedIdentityCredentials.filter(f => !lagging(f))
    const issuerAndAudience = live.filter(matchesIssuerAndAudience)
    // a record that would match but has not propagated yet fails as no record at all (70021, considerations doc)
    const propagating = app.federatedIdentityCredentials.some(
      f => lagging(f) && matchesIssuerAndAudience(f) && f.subject === sub
    )
    if (live.length === 0 || (propagating && !issuerAndAudience.some(f => f.subject === sub))) {
      return aad(
        401,
        'invalid_client',
        AADSTS.noMatchingFederatedRecord,
        `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${audiences.join(',')}'. ${WORKLOAD_IDENTITY_DOC}`
      )
    }
    // Entra names the first claim no record matches: issuer (700211), then audience (700212), then subject
    // (700213): https://login.microsoftonline.com/error?code=700211, …?code=700212, …?code=700213
    if (!live.some(f => f.issuer === iss)) {
      return aad(
        401,
        'invalid_client',
        AADSTS.noMatchingFederatedIssuer,
        `No matching federated identity record found for presented assertion issuer '${iss}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${WORKLOAD_IDENTITY_DOC}`
      )
    }
    if (issuerAndAudience.length === 0) {
      return aad(
        401,
        'invalid_client',
        AADSTS.noMatchingFederatedAudience,
        `No matching federated identity record found for presented assertion audience '${audiences.join(',')}'. Please check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${WORKLOAD_IDENTITY_DOC}`
      )
    }
    if (!issuerAndAudience.some(f => f.subject === sub)) {
      return aad(
        401,
        'invalid_client',
        AADSTS.noMatchingFederatedSubject,
        `No matching federated identity record found for presented assertion subject '${sub}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. ${WORKLOAD_IDENTITY_DOC}`
      )
    }
    return undefined
  }

  /**
   * Entra's error JSON (https://learn.microsoft.com/entra/identity-platform/reference-error-codes): `error_description` ends with Trace ID, Correlation ID
   * and Timestamp lines; `error_codes` holds the AADSTS number MSAL surfaces as `errorNo`.
   */
  private errorResponse(req: CoreRequest, e: AadError): EmuResponse {
    const timestamp = new Date(this.clock.now())
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, 'Z')
    const correlationId = req.clientRequestId ?? randomUUID()
    return json(e.status, {
      error: e.error,
      error_description: `AADSTS${e.code}: ${e.text}\r\nTrace ID: ${req.requestId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [e.code],
      timestamp,
      trace_id: req.requestId,
      correlation_id: correlationId,
      error_uri: `${req.origin}/error?code=${e.code}`
    })
  }

  /**
   * The v1 OpenID document (`/{tenant}/.well-known/openid-configuration`): issuer `https://sts.windows.net/{tid}/`,
   * `/oauth2/token` and `/oauth2/authorize` (https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc#fetch-the-openid-configuration-document).
   */
  private discoveryV1(origin: string, tenantId: string): Record<string, unknown> {
    const base = `${origin}/${tenantId}`
    return {
      token_endpoint: `${base}/oauth2/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'token id_token', 'token'],
      scopes_supported: ['openid'],
      issuer: `https://sts.windows.net/${tenantId}/`,
      microsoft_multi_refresh_token: true,
      authorization_endpoint: `${base}/oauth2/authorize`,
      device_authorization_endpoint: `${base}/oauth2/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'amr',
        'nonce',
        'email',
        'given_name',
        'family_name',
        'nickname'
      ],
      check_session_iframe: `${base}/oauth2/checksession`,
      userinfo_endpoint: `${base}/openid/userinfo`,
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net'
    }
  }

  /** The fields MSAL needs (msal-common `OpenIdConfigResponse`, https://github.com/AzureAD/microsoft-authentication-library-for-js) plus the rest of Entra's v2.0 document. */
  private discovery(origin: string, tenantId: string): Record<string, unknown> {
    const base = `${origin}/${tenantId}`
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${origin}/${tenantId}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${origin}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email'
      ],
      kerberos_endpoint: `${base}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net'
    }
  }
}

function aad(status: number, error: string, code: number, text: string): AadError {
  return { status, error, code, text }
}

function tenantNotFound(tenant: string, error: string): AadError {
  return aad(
    400,
    error,
    AADSTS.tenantNotFound,
    `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`
  )
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString()
}
