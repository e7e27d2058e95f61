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
 * `… update-built-in-roles.ts --compact` rewrites only the compact forms (below) from the committed catalogue.
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
 *
 * It also writes the two compact forms the action carries in its bundle (src/model/role-names.ts, roles.ts), which
 * hold only what the action reads — no descriptions, no assignable scopes:
 * - `data/built-in-role-ids.json`: role name → GUID, for the tenants file's validation (the cold path);
 * - `data/built-in-role-permissions.json`: per role its GUID and permission blocks (actions, notActions,
 *   dataActions, notDataActions), brotli-compressed, for the engine's effective-permissions comparison.
 * `test/config/roles.test.ts` holds both to the catalogue, so one cannot be regenerated without the others.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { constants, brotliCompressSync } from 'node:zlib'

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
const IDS_OUTPUT = fileURLToPath(new URL('../data/built-in-role-ids.json', import.meta.url))
const PERMISSIONS_OUTPUT = fileURLToPath(new URL('../data/built-in-role-permissions.json', import.meta.url))
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
  const sorted = sortedByName(roles)
  return `[\n${sorted.map(role => JSON.stringify(role)).join(',\n')}\n]\n`
}

/** Role name → GUID, in catalogue order, one role per line. */
export function renderRoleIds(roles: readonly CatalogueRole[]): string {
  const lines = sortedByName(roles).map(
    role => `  ${JSON.stringify(role.roleName)}: ${JSON.stringify(role.id)}`
  )
  return `{\n${lines.join(',\n')}\n}\n`
}

/**
 * One permission block as the bundle carries it: actions, notActions, dataActions, notDataActions — what
 * src/model/roles.ts gives the effective-permissions comparison. A block's `condition` is not carried: nothing in
 * the action reads it.
 */
export type CompactPermission = [string[], string[], string[], string[]]

/** The permissions file's payload, decoded: [GUID, permission blocks] per built-in role. */
export type CompactRolePermissions = [string, CompactPermission[]][]

export const PERMISSIONS_ABOUT =
  'Generated by scripts/update-built-in-roles.ts from azure-built-in-roles.json: per built-in role [GUID, ' +
  '[[actions, notActions, dataActions, notDataActions], …]] as JSON, brotli-compressed, base64. Read by src/model/roles.ts.'

/** The compact permissions file: the payload as JSON, brotli-compressed (quality 11, text mode), base64. */
export function renderRolePermissions(roles: readonly CatalogueRole[]): string {
  const payload: CompactRolePermissions = sortedByName(roles).map(role => [
    role.id,
    role.permissions.map(p => [p.actions, p.notActions, p.dataActions, p.notDataActions])
  ])
  const json = Buffer.from(JSON.stringify(payload))
  const compressed = brotliCompressSync(json, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: json.length
    }
  })
  return `${JSON.stringify({ about: PERMISSIONS_ABOUT, permissions: compressed.toString('base64') }, null, 2)}\n`
}

function sortedByName(roles: Iterable<CatalogueRole>): CatalogueRole[] {
  return [...roles].sort((a, b) => a.roleName.localeCompare(b.roleName, 'en', { sensitivity: 'base' }))
}

/** Writes the two compact forms of these roles next to the catalogue. */
function writeCompactForms(roles: readonly CatalogueRole[]): void {
  writeFileSync(IDS_OUTPUT, renderRoleIds(roles))
  writeFileSync(PERMISSIONS_OUTPUT, renderRolePermissions(roles))
}

function main(inputs: string[]): void {
  if (inputs.length === 0) {
    throw new Error(
      'usage: update-built-in-roles.ts <role-definitions.json> [more.json …]\n' +
        '       update-built-in-roles.ts --compact   (rewrite only the compact forms from the committed catalogue)'
    )
  }
  if (inputs[0] === '--compact') {
    const roles = JSON.parse(readFileSync(OUTPUT, 'utf8')) as CatalogueRole[]
    writeCompactForms(roles)
    console.log(`${roles.length} built-in roles written to ${IDS_OUTPUT} and ${PERMISSIONS_OUTPUT}`)
    return
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
  const roles = [...byGuid.values()]
  writeFileSync(OUTPUT, renderCatalogue(roles))
  writeCompactForms(roles)
  console.log(`${byGuid.size} built-in roles written to ${OUTPUT}, ${IDS_OUTPUT} and ${PERMISSIONS_OUTPUT}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2))
