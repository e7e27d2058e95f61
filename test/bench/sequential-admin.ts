/**
 * The script an admin would write instead of the action: for each customer tenant in turn, sign in as the app
 * with its secret and list the app's role assignments at the tenant's scope — the same SDKs (@azure/identity,
 * @azure/arm-authorization), one tenant after the other. `npm run bench` times it beside the action.
 */
import { ClientSecretCredential } from '@azure/identity'
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import type { Cloud } from '../../src/model/run.js'

export interface AdminTenant {
  tenantId: string
  subscriptionId: string
  scope: string
}

export interface AdminResult {
  signedIn: number
  refused: number
  assignments: number
}

export async function sequentialAdmin(
  cloud: Cloud,
  appId: string,
  secret: string,
  tenants: readonly AdminTenant[]
): Promise<AdminResult> {
  const result: AdminResult = { signedIn: 0, refused: 0, assignments: 0 }
  for (const tenant of tenants) {
    const credential = new ClientSecretCredential(tenant.tenantId, appId, secret, {
      authorityHost: cloud.authorityHost,
      disableInstanceDiscovery: true
    })
    let token
    try {
      token = await credential.getToken(`${cloud.armAudience}/.default`)
    } catch {
      result.refused++
      continue
    }
    result.signedIn++
    const claims = JSON.parse(Buffer.from(token.token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      oid?: string
    }
    const client = new AuthorizationManagementClient(credential, tenant.subscriptionId, {
      endpoint: cloud.armEndpoint,
      credentialScopes: [`${cloud.armAudience}/.default`]
    })
    for await (const _assignment of client.roleAssignments.listForScope(tenant.scope, {
      filter: `principalId eq '${claims.oid ?? ''}'`
    }))
      result.assignments++
  }
  return result
}
