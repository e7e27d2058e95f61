/**
 * The customers' admins of customer-access.yml, as the hand-off's scripts have them act: signed in to their own
 * tenant through the real ARM SDK, granting what the action hands off.
 */
import { AuthorizationManagementClient } from '@azure/arm-authorization'
import { ClientSecretCredential } from '@azure/identity'
import { RBAC_ADMINISTRATOR_ROLE_ID } from '../../src/model/roles.js'
import { roleAssignmentName } from '../../src/azure/role-assignments.js'
import { CONDITION_VERSION } from '../../src/plan/handoff.js'
import type { Emulator } from '../emulator/index.js'
import { AUDIENCES } from '../emulator/index.js'
import { credentialOptions } from '../emulator/sdk.js'

export interface CustomerAdmin {
  tenantId: string
  appId: string
  secret: string
}

/** Owner of Fabrikam's production subscription (and of mg-fabrikam where a test adds it). */
export const FABRIKAM_ADMIN: CustomerAdmin = {
  tenantId: '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b',
  appId: '7b100000-0000-4000-8000-000000000001',
  secret: 'fabrikam.admin.secret'
}

/** Owner of Woodgrove's subscription. */
export const WOODGROVE_ADMIN: CustomerAdmin = {
  tenantId: '6e000000-0000-4000-8000-000000000001',
  appId: '6b100000-0000-4000-8000-000000000001',
  secret: 'woodgrove.admin.secret'
}

/** The admin's ARM client; `subscriptionId` only for subscription-bound operations. */
export function customerAdmin(
  e: Emulator,
  admin: CustomerAdmin,
  subscriptionId = '00000000-0000-0000-0000-000000000000'
): AuthorizationManagementClient {
  const credential = new ClientSecretCredential(
    admin.tenantId,
    admin.appId,
    admin.secret,
    credentialOptions(e)
  )
  return new AuthorizationManagementClient(credential, subscriptionId, {
    endpoint: e.endpoints.armEndpoint,
    credentialScopes: [`${AUDIENCES.arm}/.default`]
  })
}

/**
 * What the hand-off's delegation script runs: Role Based Access Control Administrator for the app's principal at
 * `scope`, limited by the hand-off's condition, under the deterministic name the action would give it.
 * https://learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-portal
 */
export async function delegateAsAdmin(
  client: AuthorizationManagementClient,
  scope: string,
  principalId: string,
  condition: string
): Promise<void> {
  const subscription = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? ''
  await client.roleAssignments.create(
    scope,
    roleAssignmentName(scope, principalId, RBAC_ADMINISTRATOR_ROLE_ID),
    {
      roleDefinitionId: `${subscription}/providers/Microsoft.Authorization/roleDefinitions/${RBAC_ADMINISTRATOR_ROLE_ID}`,
      principalId,
      principalType: 'ServicePrincipal',
      condition,
      conditionVersion: CONDITION_VERSION
    }
  )
}
