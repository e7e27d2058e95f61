/**
 * The Microsoft resources a token can be requested for, and every form that names each: its application id
 * and its identifier URIs with or without the trailing slash. Entra issues the token with `aud` as requested;
 * each resource accepts all of its forms (a scope of `00000003-0000-0000-c000-000000000000/.default` is as good
 * for Graph as `https://graph.microsoft.com/.default`: https://learn.microsoft.com/entra/identity-platform/scopes-oidc#the-default-scope).
 * Application ids: https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in
 */

export interface ResourcePrincipal {
  name: 'graph' | 'arm' | 'keyVault'
  appId: string
  /** identifier URIs without a trailing slash */
  uris: string[]
}

export const MICROSOFT_GRAPH: ResourcePrincipal = {
  name: 'graph',
  appId: '00000003-0000-0000-c000-000000000000',
  uris: ['https://graph.microsoft.com', 'https://canary.graph.microsoft.com', 'https://graph.microsoft.us']
}

/** "Windows Azure Service Management API": ARM's audiences (ARM's own InvalidAuthenticationToken message lists them). */
export const AZURE_RESOURCE_MANAGER: ResourcePrincipal = {
  name: 'arm',
  appId: '797f4846-ba00-4fd7-ba43-dac1f8f63013',
  uris: ['https://management.azure.com', 'https://management.core.windows.net']
}

export const AZURE_KEY_VAULT: ResourcePrincipal = {
  name: 'keyVault',
  appId: 'cfa8b339-82a2-471a-a3c9-0fc0be7a4093',
  uris: ['https://vault.azure.net']
}

export const RESOURCE_PRINCIPALS: readonly ResourcePrincipal[] = [
  MICROSOFT_GRAPH,
  AZURE_RESOURCE_MANAGER,
  AZURE_KEY_VAULT
]

/** The Microsoft resource a resource string (scope without `/.default`, or a token `aud`) names, if any. */
export function resourcePrincipalOf(resource: string): ResourcePrincipal | undefined {
  const key = resource.toLowerCase().replace(/\/+$/, '')
  return RESOURCE_PRINCIPALS.find(r => r.appId === key || r.uris.includes(key))
}

/** Whether a token audience names this resource in any of its forms. */
export function isAudienceOf(resource: ResourcePrincipal, aud: string): boolean {
  return resourcePrincipalOf(aud) === resource
}
