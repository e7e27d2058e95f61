/**
 * Tenant-wide admin consent, as the customer's admin clicking **Accept**: the v1 and v2.0 `adminconsent`
 * endpoints of https://learn.microsoft.com/entra/identity-platform/v2-admin-consent. Accepting creates the app's service principal in the tenant (a
 * new object, so subject to the replication lag) and redirects back with `admin_consent=True`.
 */
import type { EmuResponse } from '../contracts.js'
import type { CoreRequest } from '../http.js'
import { escapeHtml, html, redirect } from '../http.js'
import type { Application, DirectoryState, ServicePrincipal, Tenant } from '../state/directory.js'
import { AADSTS } from './entra.js'

export class ConsentService {
  readonly name = 'consent'
  private readonly directory: DirectoryState

  constructor(directory: DirectoryState) {
    this.directory = directory
  }

  handles(req: CoreRequest): boolean {
    return /^\/[^/]+(\/v2\.0)?\/adminconsent$/.test(req.path)
  }

  handle(req: CoreRequest): EmuResponse {
    const [, tenantSegment = '', version] = req.path.split('/')
    const v2 = version === 'v2.0'
    const tenant = this.directory.resolveTenant(tenantSegment)
    if (!tenant)
      return errorPage(
        AADSTS.tenantNotFound,
        `Tenant '${tenantSegment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
        req
      )
    const clientId = (req.query.get('client_id') ?? '').toLowerCase()
    const app = this.directory.applicationByAppId(clientId)
    if (!app || (app.signInAudience === 'AzureADMyOrg' && app.homeTenantId !== tenant.id)) {
      return errorPage(
        AADSTS.appNotFoundInDirectory,
        `Application with identifier '${clientId}' was not found in the directory '${tenant.displayName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
        req
      )
    }
    const redirectUri = this.redirectTarget(app, req.query.get('redirect_uri'))
    if ('error' in redirectUri) return errorPage(redirectUri.code, redirectUri.error, req)
    const state = req.query.get('state')
    const scope = req.query.get('scope')
    if (v2 && !scope) {
      return redirectBack(redirectUri.uri, {
        admin_consent: 'True',
        error: 'invalid_request',
        error_description: `AADSTS${AADSTS.missingScope}: The request body must contain the following parameter: 'scope'.`,
        state
      })
    }
    if (tenant.consentDecision === 'decline') {
      // v1 documents `permission_denied` ("The admin canceled the request"); v2.0 keeps admin_consent=True on
      // error and answers `consent_required` with AADSTS65004 and Entra's trace lines
      // (https://learn.microsoft.com/entra/identity-platform/v2-admin-consent#error-response)
      return v2
        ? redirectBack(redirectUri.uri, {
            admin_consent: 'True',
            error: 'consent_required',
            error_description: `AADSTS${AADSTS.userDeclinedConsent}: The resource owner or authorization server denied the request.\r\nTrace ID: ${req.requestId}\r\nCorrelation ID: ${req.clientRequestId ?? req.requestId}\r\nTimestamp: ${new Date(
              this.directory.now()
            )
              .toISOString()
              .replace('T', ' ')
              .replace(/\.\d+Z$/, 'Z')}`,
            state
          })
        : redirectBack(redirectUri.uri, {
            error: 'permission_denied',
            error_description: 'The admin canceled the request',
            state
          })
    }
    this.consent(tenant, app)
    return redirectBack(
      redirectUri.uri,
      v2
        ? { admin_consent: 'True', tenant: tenant.id, scope, state }
        : { tenant: tenant.id, state, admin_consent: 'True' }
    )
  }

  /** The tenant's admin accepts: a service principal exists afterwards (an existing one is kept as it is). */
  consent(tenant: Tenant, app: Application): ServicePrincipal {
    return (
      this.directory.servicePrincipalByAppId(tenant.id, app.appId) ??
      this.directory.createServicePrincipal(tenant.id, app)
    )
  }

  /**
   * `redirect_uri` "must exactly match one of the redirect URIs that you registered… and it can have additional
   * path segments" (https://learn.microsoft.com/entra/identity-platform/v2-admin-consent); without one, the first registered URI is used.
   */
  private redirectTarget(
    app: Application,
    requested: string | null
  ): { uri: string } | { error: string; code: number } {
    if (app.redirectUris.length === 0) {
      return { code: AADSTS.noReplyAddress, error: 'No reply address is registered for the application.' }
    }
    if (requested === null) return { uri: app.redirectUris[0] as string }
    const registered = app.redirectUris.some(
      r => requested === r || requested.startsWith(r.endsWith('/') ? r : `${r}/`)
    )
    if (!registered) {
      return {
        code: AADSTS.redirectUriMismatch,
        error: `The redirect URI '${requested}' specified in the request does not match the redirect URIs configured for the application '${app.appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`
      }
    }
    return { uri: requested }
  }
}

function redirectBack(uri: string, params: Record<string, string | null>): EmuResponse {
  const target = new URL(uri)
  for (const [key, value] of Object.entries(params)) if (value !== null) target.searchParams.set(key, value)
  return redirect(target.toString())
}

/** Errors that cannot be sent back to an untrusted or missing redirect URI are shown on Entra's own page. */
function errorPage(code: number, text: string, req: CoreRequest): EmuResponse {
  return html(
    400,
    `<!DOCTYPE html><html><head><title>Sign in to your account</title></head><body><h1>Sorry, but we're having trouble signing you in.</h1><p id="error">AADSTS${code}: ${escapeHtml(text)}</p><p>Request Id: ${req.requestId}</p></body></html>`
  )
}
