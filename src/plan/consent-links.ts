/**
 * Admin-consent links a customer's admin opens to consent to the app in their tenant.
 *
 * v1, tenant-wide admin consent:
 *   {authority}/{tenant}/adminconsent?client_id={appId}&state=…&redirect_uri={url-encoded redirect URI}
 *   https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow ("Request the
 *   permissions from a directory admin"); the redirect URI "must be URL-encoded".
 * v2.0, with the permissions of one resource:
 *   {authority}/{tenant}/v2.0/adminconsent?client_id={appId}&scope={resource}/.default&redirect_uri={uri}&state=…
 *   https://learn.microsoft.com/entra/identity-platform/v2-admin-consent ("In order to request app permissions,
 *   you must use the /.default value").
 */

/** The `state` value names the tenant so the landing page can tell whose consent came back; it is opaque. */
export const CONSENT_STATE_PREFIX = 'etb-'

/** The `/.default` scope suffix: all of a resource's configured permissions (v2-admin-consent). */
const DEFAULT_SCOPE_SUFFIX = '/.default'

export interface ConsentLinkParams {
  /** Entra authority host of the cloud, e.g. `https://login.microsoftonline.com`. */
  authorityHost: string
  /** The customer tenant's id. */
  tenantId: string
  /** The multi-tenant app's application (client) id. */
  appId: string
  /** A redirect URI registered on the app; the admin lands there after consenting. */
  redirectUri: string
  /** The ARM token audience of the cloud, e.g. `https://management.azure.com`. */
  armAudience: string
}

export function consentLinks(p: ConsentLinkParams): { link: string; linkV2: string } {
  const tenantBase = `${p.authorityHost.replace(/\/+$/, '')}/${encodeURIComponent(p.tenantId)}`
  const state = `${CONSENT_STATE_PREFIX}${p.tenantId}`
  return {
    link: `${tenantBase}/adminconsent?${query([
      ['client_id', p.appId],
      ['redirect_uri', p.redirectUri],
      ['state', state]
    ])}`,
    linkV2: `${tenantBase}/v2.0/adminconsent?${query([
      ['client_id', p.appId],
      ['scope', `${p.armAudience}${DEFAULT_SCOPE_SUFFIX}`],
      ['redirect_uri', p.redirectUri],
      ['state', state]
    ])}`
  }
}

/** `encodeURIComponent` per value: reserved characters (`:/?&=#`) and spaces become `%XX`. */
function query(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&')
}
