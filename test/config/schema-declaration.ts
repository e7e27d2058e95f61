/**
 * Writes `schema/tenants.schema.json.d.ts`: the literal type of the JSON Schema, which TypeScript cannot infer from
 * a JSON import (it widens `"type": "object"` to `string`). `src/model/config.ts` derives the tenants-file types
 * from it with json-schema-to-ts, so the schema stays the one description; `schema-declaration.test.ts` fails when
 * the declaration no longer matches the schema. Run `npm run schema:declare` after editing the schema.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { format, resolveConfig } from 'prettier'

export const SCHEMA_PATH = fileURLToPath(new URL('../../schema/tenants.schema.json', import.meta.url))
export const DECLARATION_PATH = fileURLToPath(
  new URL('../../schema/tenants.schema.json.d.ts', import.meta.url)
)

const HEADER = [
  '// Generated from tenants.schema.json by `npm run schema:declare`; do not edit.',
  '// The schema as a literal type, for json-schema-to-ts (src/model/config.ts).'
]

/** A JSON value as a read-only TypeScript literal type. */
function literalType(value: unknown): string {
  if (Array.isArray(value)) return `readonly [${value.map(literalType).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    const members = Object.entries(value).map(
      ([key, v]) => `readonly ${JSON.stringify(key)}: ${literalType(v)}`
    )
    return `{ ${members.join('; ')} }`
  }
  return JSON.stringify(value)
}

/** The declaration the schema file calls for, formatted as the repository formats TypeScript. */
export async function expectedDeclaration(): Promise<string> {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as unknown
  const text = [
    ...HEADER,
    `declare const tenantsSchema: ${literalType(schema)}`,
    'export default tenantsSchema',
    ''
  ].join('\n')
  const options = (await resolveConfig(DECLARATION_PATH)) ?? {}
  return format(text, { ...options, filepath: DECLARATION_PATH })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DECLARATION_PATH, await expectedDeclaration())
}
