/** The commands a person runs where the action may not act itself: a customer's admin, a provider's admin. */

/**
 * The command a customer admin runs to grant a role assignment. Flags from
 * https://learn.microsoft.com/cli/azure/role/assignment#az-role-assignment-create: `--assignee-object-id` with
 * `--assignee-principal-type` avoids a Graph lookup the admin may not be allowed to make.
 */
export function roleAssignmentCommand(principalId: string, roleDefinitionId: string, scope: string): string {
  return [
    'az role assignment create',
    `--assignee-object-id ${shellQuote(principalId)}`,
    '--assignee-principal-type ServicePrincipal',
    `--role ${shellQuote(roleDefinitionId)}`,
    `--scope ${shellQuote(scope)}`
  ].join(' ')
}

/** POSIX single-quoting, only when needed: ARM scopes and GUIDs normally need none. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}

/**
 * The one-time command for an admin of the provider tenant: Application.ReadWrite.OwnedBy cannot add owners
 * (https://learn.microsoft.com/graph/api/application-post-owners), so a person must.
 */
export function ownerFixCommand(uniqueName: string, automationObjectId: string | undefined): string {
  const owner = automationObjectId ?? '<object id of the automation identity>'
  return `az ad app owner add --id "$(az ad app list --filter "uniqueName eq '${uniqueName}'" --query '[0].appId' -o tsv)" --owner-object-id ${owner}`
}
