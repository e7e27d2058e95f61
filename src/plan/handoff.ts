/**
 * The customer hand-off: what a customer's admin runs to grant the app the roles the tenants file lists, in three
 * equivalent forms (an `az` script, PowerShell, an ARM template), and the one-time alternative of delegating
 * "Role Based Access Control Administrator" to the app with an ABAC condition that limits it to exactly those
 * roles, after which `apply` manages the grants itself. Pure: text and JSON from the report's facts.
 */
import type { Handoff } from '../model/report.js'
import { roleAssignmentName } from '../model/role-assignment-name.js'
import { RBAC_ADMINISTRATOR_ROLE_ID } from '../model/role-names.js'
import { shellQuote } from './commands.js'

/** Subscription-scope deployment template (https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-to-subscription). */
export const SUBSCRIPTION_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#'
/** Management-group deployment template (https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-to-management-group). */
export const MANAGEMENT_GROUP_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-08-01/managementGroupDeploymentTemplate.json#'
/** Resource-group deployment template, for the nested deployments that reach a resource group. */
export const GROUP_TEMPLATE_SCHEMA =
  'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'
export const TEMPLATE_CONTENT_VERSION = '1.0.0.0'
/** Microsoft.Authorization/roleAssignments 2022-04-01 (https://learn.microsoft.com/azure/templates/microsoft.authorization/roleassignments). */
const ROLE_ASSIGNMENTS_API_VERSION = '2022-04-01'
/** Microsoft.Resources/deployments (https://learn.microsoft.com/azure/templates/microsoft.resources/deployments). */
const DEPLOYMENTS_API_VERSION = '2022-09-01'
/** Conditions on role assignments are version 2.0 (https://learn.microsoft.com/azure/role-based-access-control/conditions-format). */
export const CONDITION_VERSION = '2.0'

export interface HandoffGrant {
  scope: string
  /** As the tenants file names it. */
  role: string
  /** '' for a custom role named by name that could not be resolved. */
  roleDefinitionId: string
}

export interface HandoffInput {
  tenantId: string
  appId: string | null
  /** The app's service principal in the tenant; null before consent. */
  principalId: string | null
  /** Grants outstanding. */
  grants: readonly HandoffGrant[]
  /** Every role the tenants file lists for this tenant: the delegation is limited to exactly these. */
  allRoles: readonly HandoffGrant[]
}

/** The hand-off for a tenant, or null when nothing is outstanding or there is no app to name yet. */
export function buildHandoff(input: HandoffInput): Handoff | null {
  if (input.grants.length === 0 || (!input.principalId && !input.appId)) return null
  return {
    grants: input.grants.map(g => ({
      scope: g.scope,
      role: g.role,
      roleDefinitionId: g.roleDefinitionId,
      name:
        input.principalId && g.roleDefinitionId
          ? roleAssignmentName(g.scope, input.principalId, g.roleDefinitionId)
          : null
    })),
    azScript: azScript(input),
    powershell: powershell(input),
    armTemplate: input.principalId ? armTemplate(input.principalId, input.grants) : null,
    ...managementGroupPart(input),
    delegation: delegation(input)
  }
}

const MANAGEMENT_GROUP_SCOPE = /^\/providers\/Microsoft\.Management\/managementGroups\/([^/]+)$/i

function managementGroupPart(input: HandoffInput): Pick<Handoff, 'managementGroupTemplates'> {
  if (!input.principalId) return {}
  const templates = managementGroupTemplates(input.principalId, input.grants)
  return templates.length > 0 ? { managementGroupTemplates: templates } : {}
}

/**
 * One management-group deployment per group of the grants at a management-group scope, creating them at the group
 * itself under the same deterministic names as `apply`, with the tenant-level role definition id that ARM uses
 * outside a subscription. Deploy: `az deployment mg create --management-group-id <group> --location <region>`.
 */
export function managementGroupTemplates(
  principalId: string,
  grants: readonly HandoffGrant[]
): { managementGroupId: string; template: Record<string, unknown> }[] {
  const byGroup = new Map<string, HandoffGrant[]>()
  for (const g of grants) {
    const group = MANAGEMENT_GROUP_SCOPE.exec(g.scope)?.[1]
    if (group === undefined || !g.roleDefinitionId) continue
    byGroup.set(group, [...(byGroup.get(group) ?? []), g])
  }
  return [...byGroup].map(([managementGroupId, at]) => ({
    managementGroupId,
    template: {
      $schema: MANAGEMENT_GROUP_TEMPLATE_SCHEMA,
      contentVersion: TEMPLATE_CONTENT_VERSION,
      metadata: {
        description: `Role assignments at management group ${managementGroupId} for the app's service principal ${principalId}. Deploy: az deployment mg create --management-group-id ${managementGroupId} --location <region> --template-file <this file>`
      },
      resources: at.map(g => ({
        type: 'Microsoft.Authorization/roleAssignments',
        apiVersion: ROLE_ASSIGNMENTS_API_VERSION,
        name: roleAssignmentName(g.scope, principalId, g.roleDefinitionId),
        properties: {
          roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${g.roleDefinitionId}`,
          principalId,
          principalType: 'ServicePrincipal'
        }
      }))
    }
  }))
}

const roleArgument = (g: HandoffGrant): string => g.roleDefinitionId || g.role

function azAssignee(input: HandoffInput): string {
  // --assignee-object-id with --assignee-principal-type skips a Graph lookup the admin may not be allowed to make
  // (https://learn.microsoft.com/cli/azure/role/assignment#az-role-assignment-create); before consent only the
  // app id is known.
  return input.principalId
    ? `--assignee-object-id ${input.principalId} --assignee-principal-type ServicePrincipal`
    : `--assignee ${input.appId ?? ''}`
}

function azScript(input: HandoffInput): string {
  return [
    '#!/usr/bin/env sh',
    `# Grants for the app in tenant ${input.tenantId}. Run as an admin of that tenant: az login --tenant ${input.tenantId}`,
    'set -e',
    ...input.grants.map(
      g =>
        `az role assignment create ${azAssignee(input)} --role ${shellQuote(roleArgument(g))} --scope ${shellQuote(g.scope)}`
    ),
    ''
  ].join('\n')
}

function psAssignee(input: HandoffInput): string {
  // https://learn.microsoft.com/powershell/module/az.resources/new-azroleassignment
  return input.principalId
    ? `-ObjectId '${input.principalId}' -ObjectType 'ServicePrincipal'`
    : `-ApplicationId '${input.appId ?? ''}'`
}

const psQuote = (value: string): string => `'${value.replace(/'/g, "''")}'`

function powershell(input: HandoffInput): string {
  return [
    `# Grants for the app in tenant ${input.tenantId}. Run as an admin of that tenant: Connect-AzAccount -Tenant '${input.tenantId}'`,
    ...input.grants.map(g => {
      const role = g.roleDefinitionId
        ? `-RoleDefinitionId ${psQuote(g.roleDefinitionId)}`
        : `-RoleDefinitionName ${psQuote(g.role)}`
      return `New-AzRoleAssignment ${psAssignee(input)} ${role} -Scope ${psQuote(g.scope)}`
    }),
    ''
  ].join('\n')
}

type ParsedScope =
  | { kind: 'subscription'; subscriptionId: string }
  | { kind: 'resourceGroup'; subscriptionId: string; resourceGroup: string; resource?: string }
  | { kind: 'other' }

function parseScope(scope: string): ParsedScope {
  const m = /^\/subscriptions\/([^/]+)(?:\/resourceGroups\/([^/]+)(?:\/providers\/(.+))?)?$/i.exec(scope)
  if (!m) return { kind: 'other' }
  const subscriptionId = (m[1] ?? '').toLowerCase()
  if (m[2] === undefined) return { kind: 'subscription', subscriptionId }
  return {
    kind: 'resourceGroup',
    subscriptionId,
    resourceGroup: m[2],
    ...(m[3] === undefined ? {} : { resource: m[3] })
  }
}

function assignmentResource(
  principalId: string,
  g: HandoffGrant,
  subscriptionId: string,
  scopeProperty?: string
): Record<string, unknown> {
  return {
    type: 'Microsoft.Authorization/roleAssignments',
    apiVersion: ROLE_ASSIGNMENTS_API_VERSION,
    name: roleAssignmentName(g.scope, principalId, g.roleDefinitionId),
    ...(scopeProperty ? { scope: scopeProperty } : {}),
    properties: {
      roleDefinitionId: `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${g.roleDefinitionId}`,
      principalId,
      // Set so that ARM does not look up a principal that may still be replicating
      // (https://learn.microsoft.com/azure/role-based-access-control/role-assignments-template#new-service-principal).
      principalType: 'ServicePrincipal'
    }
  }
}

/**
 * A subscription-scope deployment creating the grants under the same deterministic names as `apply`: those at the
 * deployment's subscription directly, those in a resource group (or another subscription) through a nested
 * deployment. A subscription deployment cannot create a role assignment at a management group (its resources are
 * deployed to the subscription or below it,
 * https://learn.microsoft.com/azure/azure-resource-manager/templates/deploy-to-subscription), so those grants are
 * named in `metadata.notIncluded`: the management-group templates and the scripts create them. Null when no grant
 * is left for this template at all (every one at a management group, or unresolved).
 */
export function armTemplate(
  principalId: string,
  grants: readonly HandoffGrant[]
): Record<string, unknown> | null {
  const placeable = grants.filter(g => g.roleDefinitionId && parseScope(g.scope).kind !== 'other')
  if (placeable.length === 0) return null
  const left = grants.filter(g => !placeable.includes(g))
  const first = parseScope(placeable[0]?.scope ?? '')
  const home = first.kind === 'other' ? undefined : first.subscriptionId
  const resources = placeable.map(g => {
    const scope = parseScope(g.scope)
    if (scope.kind === 'other') throw new Error('unreachable: filtered above')
    if (scope.kind === 'subscription' && scope.subscriptionId === home) {
      return assignmentResource(principalId, g, scope.subscriptionId)
    }
    const name = roleAssignmentName(g.scope, principalId, g.roleDefinitionId)
    const inGroup = scope.kind === 'resourceGroup'
    return {
      type: 'Microsoft.Resources/deployments',
      apiVersion: DEPLOYMENTS_API_VERSION,
      name: `grant-${name.slice(0, 8)}`,
      subscriptionId: scope.subscriptionId,
      ...(inGroup ? { resourceGroup: scope.resourceGroup } : { location: '[deployment().location]' }),
      properties: {
        mode: 'Incremental',
        template: {
          $schema: inGroup ? GROUP_TEMPLATE_SCHEMA : SUBSCRIPTION_TEMPLATE_SCHEMA,
          contentVersion: TEMPLATE_CONTENT_VERSION,
          resources: [
            assignmentResource(
              principalId,
              g,
              scope.subscriptionId,
              inGroup && scope.resource ? scope.resource : undefined
            )
          ]
        }
      }
    }
  })
  return {
    $schema: SUBSCRIPTION_TEMPLATE_SCHEMA,
    contentVersion: TEMPLATE_CONTENT_VERSION,
    metadata: {
      description: `Role assignments for the app's service principal ${principalId}. Deploy: az deployment sub create --subscription ${home ?? '<subscription>'} --location <region> --template-file <this file>`,
      ...(left.length > 0
        ? {
            notIncluded: left.map(
              g =>
                `${g.role} at ${g.scope}: ${parseScope(g.scope).kind === 'other' ? 'a subscription deployment cannot create an assignment at a management group; use the management-group template or the script' : 'the role could not be resolved to a GUID; use the script'}`
            )
          }
        : {})
    },
    resources
  }
}

/** Where the delegation goes: the subscription or management group of each scope, once each. */
function delegationScopes(grants: readonly HandoffGrant[]): string[] {
  const roots = grants.map(
    g =>
      /^(\/subscriptions\/[^/]+|\/providers\/Microsoft\.Management\/managementGroups\/[^/]+)/i.exec(
        g.scope
      )?.[1] ?? g.scope
  )
  return [...new Set(roots)]
}

/**
 * The ABAC condition that lets the app write and delete role assignments only for exactly `roleIds` (and, once its
 * principal id is known, only for itself): the "constrain roles and principals" pattern of
 * https://learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples.
 */
export function delegationCondition(roleIds: readonly string[], principalId: string | null): string {
  const clause = (source: 'Request' | 'Resource'): string => {
    const roles = `@${source}[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${roleIds.join(', ')}}`
    const principal = principalId
      ? ` AND @${source}[Microsoft.Authorization/roleAssignments:PrincipalId] ForAnyOfAnyValues:GuidEquals {${principalId}}`
      : ''
    return `(${roles}${principal})`
  }
  return (
    `((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR ${clause('Request')})` +
    ` AND ((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR ${clause('Resource')})`
  )
}

function delegation(input: HandoffInput): Handoff['delegation'] {
  const roleIds = [...new Set(input.allRoles.map(g => g.roleDefinitionId).filter(id => id !== ''))]
  if (roleIds.length === 0) return null
  const scopes = delegationScopes(input.allRoles)
  const condition = delegationCondition(roleIds, input.principalId)
  return {
    scopes,
    condition,
    azScript: [
      '#!/usr/bin/env sh',
      `# One-time: let the app assign exactly the roles of the tenants file itself (tenant ${input.tenantId}).`,
      'set -e',
      `condition="${condition}"`,
      ...scopes.map(
        scope =>
          `az role assignment create ${azAssignee(input)} --role ${RBAC_ADMINISTRATOR_ROLE_ID} --scope ${shellQuote(scope)} --condition "$condition" --condition-version ${CONDITION_VERSION}`
      ),
      ''
    ].join('\n'),
    powershell: [
      `# One-time: let the app assign exactly the roles of the tenants file itself (tenant ${input.tenantId}).`,
      `$condition = ${psQuote(condition)}`,
      ...scopes.map(
        scope =>
          `New-AzRoleAssignment ${psAssignee(input)} -RoleDefinitionId '${RBAC_ADMINISTRATOR_ROLE_ID}' -Scope ${psQuote(scope)} -Condition $condition -ConditionVersion '${CONDITION_VERSION}'`
      ),
      ''
    ].join('\n')
  }
}

/** Files for the report folder: `handoff/<tenantId>/…` per tenant with a hand-off. */
export function handoffFiles(
  tenants: readonly { tenantId: string; handoff: Handoff | null }[]
): { path: string; content: string }[] {
  return tenants.flatMap(({ tenantId, handoff }) => {
    if (!handoff) return []
    const dir = `handoff/${tenantId}`
    return [
      { path: `${dir}/grant.sh`, content: handoff.azScript },
      { path: `${dir}/grant.ps1`, content: handoff.powershell },
      ...(handoff.armTemplate
        ? [
            {
              path: `${dir}/grant.template.json`,
              content: `${JSON.stringify(handoff.armTemplate, null, 2)}\n`
            }
          ]
        : []),
      ...(handoff.managementGroupTemplates ?? []).map(({ managementGroupId, template }) => ({
        path: `${dir}/grant.mg-${managementGroupId}.template.json`,
        content: `${JSON.stringify(template, null, 2)}\n`
      })),
      ...(handoff.delegation
        ? [
            { path: `${dir}/delegate-rbac-administrator.sh`, content: handoff.delegation.azScript },
            { path: `${dir}/delegate-rbac-administrator.ps1`, content: handoff.delegation.powershell }
          ]
        : [])
    ]
  })
}
