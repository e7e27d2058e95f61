/**
 * Regenerates `data/azure-built-in-roles.json`, the catalogue of every Azure built-in role (GUID, name,
 * description, assignable scopes and the exact actions / notActions / dataActions / notDataActions), from the
 * public list that Azure itself serves.
 *
 * How to run (needs a signed-in Azure CLI; built-in roles are the same in every tenant):
 *
 *   az role definition list --query "[?roleType=='BuiltInRole']" -o json > /tmp/built-in-roles.json
 *   node --import ./scripts/ts-loader.mjs scripts/update-built-in-roles.ts /tmp/built-in-roles.json
 *
 * Any JSON array of role definitions in either published shape is accepted, several files may be given (later
 * files win for the same GUID):
 * - the REST / `az role definition list` shape, `{ name: <guid>, properties?: { roleName, permissions, … } }` or
 *   the CLI's flattened `{ name: <guid>, roleName, roleType, permissions, … }`
 *   (https://learn.microsoft.com/rest/api/authorization/role-definitions/list);
 * - the `Get-AzRoleDefinition | ConvertTo-Json` shape, `{ Id | id: …/<guid>, Name | name: <roleName>, … }`
 *   (https://learn.microsoft.com/powershell/module/az.resources/get-azroledefinition).
 * The same definitions are published, role by role, in https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
 * (source: github.com/MicrosoftDocs/azure-docs, articles/role-based-access-control/built-in-roles/*.md).
 *
 * The output keeps one role per line, sorted by role name, so a regeneration reads as a small diff.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export interface CataloguePermission {
  actions: string[]
  notActions: string[]
  dataActions: string[]
  notDataActions: string[]
  condition?: string
  conditionVersion?: string
}

export interface CatalogueRole {
  id: string
  roleName: string
  description?: string
  assignableScopes: string[]
  permissions: CataloguePermission[]
}

const OUTPUT = fileURLToPath(new URL('../data/azure-built-in-roles.json', import.meta.url))
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Json = Record<string, unknown>

/** Reads a property whatever its casing (PowerShell output is PascalCase, REST and CLI camelCase). */
function field(source: Json, name: string): unknown {
  const key = Object.keys(source).find(k => k.toLowerCase() === name.toLowerCase())
  return key === undefined ? undefined : source[key]
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

function permissionOf(source: Json): CataloguePermission {
  const permission: CataloguePermission = {
    actions: strings(field(source, 'actions')),
    notActions: strings(field(source, 'notActions')),
    dataActions: strings(field(source, 'dataActions')),
    notDataActions: strings(field(source, 'notDataActions'))
  }
  const condition = text(field(source, 'condition'))
  const conditionVersion = text(field(source, 'conditionVersion'))
  if (condition) permission.condition = condition
  if (conditionVersion) permission.conditionVersion = conditionVersion
  return permission
}

/** Normalises one published role definition; undefined for custom roles and entries without a GUID. */
export function normaliseRole(entry: Json): CatalogueRole | undefined {
  const properties = (field(entry, 'properties') as Json | undefined) ?? entry
  const roleType = text(field(properties, 'roleType')) ?? text(field(entry, 'type'))
  const isCustom = field(properties, 'isCustom') === true || roleType === 'CustomRole'
  const explicitName = text(field(properties, 'roleName'))
  const guidSource = explicitName ? text(field(entry, 'name')) : text(field(entry, 'id'))
  const guid = guidSource?.match(GUID)?.[0]?.toLowerCase()
  const roleName = explicitName ?? text(field(entry, 'name'))
  if (isCustom || !guid || !roleName) return undefined
  const rawPermissions = field(properties, 'permissions')
  const permissions = Array.isArray(rawPermissions)
    ? rawPermissions.map(p => permissionOf(p as Json))
    : [permissionOf(properties)]
  const description = text(field(properties, 'description'))
  const scopes = strings(field(properties, 'assignableScopes'))
  return {
    id: guid,
    roleName,
    ...(description ? { description } : {}),
    assignableScopes: scopes.length > 0 ? scopes : ['/'],
    permissions
  }
}

/** The catalogue text: a JSON array, one role per line, sorted by role name. */
export function renderCatalogue(roles: Iterable<CatalogueRole>): string {
  const sorted = [...roles].sort((a, b) =>
    a.roleName.localeCompare(b.roleName, 'en', { sensitivity: 'base' })
  )
  return `[\n${sorted.map(role => JSON.stringify(role)).join(',\n')}\n]\n`
}

function main(inputs: string[]): void {
  if (inputs.length === 0) {
    throw new Error('usage: update-built-in-roles.ts <role-definitions.json> [more.json …]')
  }
  const byGuid = new Map<string, CatalogueRole>()
  for (const input of inputs) {
    const parsed: unknown = JSON.parse(readFileSync(input, 'utf8'))
    if (!Array.isArray(parsed)) throw new Error(`${input}: expected a JSON array of role definitions`)
    for (const entry of parsed as Json[]) {
      const role = normaliseRole(entry)
      if (role) byGuid.set(role.id, role)
    }
  }
  writeFileSync(OUTPUT, renderCatalogue(byGuid.values()))
  console.log(`${byGuid.size} built-in roles written to ${OUTPUT}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2))
