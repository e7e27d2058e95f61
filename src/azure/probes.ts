/**
 * Data-plane proofs, run as the multi-tenant app in a customer tenant: the last step of the manual process the
 * action replaces ("can the app actually reach it?"). A Key Vault probe reads a secret's attributes through the
 * versions list, so the value never crosses the wire; an ARM probe GETs a resource group.
 */
import { createPipelineRequest } from '@azure/core-rest-pipeline'
import type { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { SecretClient } from '@azure/keyvault-secrets'
import type { Cloud } from '../cloud.js'
import type { ProbeOutcome } from '../model/observed.js'

/** Resource Groups – Get (https://learn.microsoft.com/rest/api/resources/resource-groups/get). */
export const RESOURCE_GROUPS_API_VERSION = '2021-04-01'

/** HTTP statuses that mean "you may not": the probe's identity lacks the data or control-plane right. */
const DENIED = new Set([401, 403])

function failed(error: unknown): ProbeOutcome {
  const e = error as { statusCode?: number; code?: string; message?: string }
  const code = `${e.code ?? 'error'} (HTTP ${e.statusCode ?? '?'})`
  const detail = (e.message ?? String(error)).split(/\r?\n/)[0] ?? ''
  return { status: e.statusCode !== undefined && DENIED.has(e.statusCode) ? 'denied' : 'error', code, detail }
}

/**
 * Lists the secret's versions (Get Secret Versions: attributes only, https://learn.microsoft.com/rest/api/keyvault/
 * secrets/get-secret-versions), which needs the `secrets/readMetadata/action` data action, never the value.
 */
export async function probeKeyVaultSecret(client: SecretClient, secret: string): Promise<ProbeOutcome> {
  try {
    let versions = 0
    for await (const page of client.listPropertiesOfSecretVersions(secret).byPage({ maxPageSize: 1 })) {
      versions += page.length
      break
    }
    if (versions === 0) {
      return { status: 'error', code: 'SecretNotFound', detail: `the vault has no secret ${secret}` }
    }
    return { status: 'verified', detail: "the app read the secret's attributes (not its value)" }
  } catch (error) {
    return failed(error)
  }
}

/** GETs the resource group through the ARM client's own pipeline (authentication, retries, TLS). */
export async function probeArm(
  client: AuthorizationManagementClient,
  cloud: Cloud,
  scope: string
): Promise<ProbeOutcome> {
  try {
    const base = cloud.armEndpoint.replace(/\/+$/, '')
    const response = await client.sendRequest(
      createPipelineRequest({
        url: `${base}${scope}?api-version=${RESOURCE_GROUPS_API_VERSION}`,
        method: 'GET'
      })
    )
    if (response.status === 200) return { status: 'verified', detail: `the app read ${scope}` }
    const body = parseError(response.bodyAsText ?? undefined)
    return {
      status: DENIED.has(response.status) ? 'denied' : 'error',
      code: `${body.code} (HTTP ${response.status})`,
      detail: body.message
    }
  } catch (error) {
    return failed(error)
  }
}

function parseError(text: string | undefined): { code: string; message: string } {
  try {
    const parsed = JSON.parse(text ?? '') as { error?: { code?: string; message?: string } }
    return { code: parsed.error?.code ?? 'error', message: parsed.error?.message ?? '' }
  } catch {
    return { code: 'error', message: (text ?? '').slice(0, 200) }
  }
}
