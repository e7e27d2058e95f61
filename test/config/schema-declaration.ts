/**
 * Writes what is generated from the JSON Schema; `schema-declaration.test.ts` fails when either no longer matches
 * the schema. Run `npm run schema:declare` after editing the schema.
 * - `schema/tenants.schema.json.d.ts`: the literal type of the schema, which TypeScript cannot infer from a JSON
 *   import (it widens `"type": "object"` to `string`). `src/model/config.ts` derives the tenants-file types from it
 *   with json-schema-to-ts, so the schema stays the one description.
 * - `schema/tenants.schema.validate.js` (+ `.d.ts`): the schema's validator, compiled by ajv ahead of time
 *   (standalone code, https://ajv.js.org/standalone.html), so the action neither loads ajv's compiler nor compiles
 *   the schema at run time — only ajv's small runtime helpers — and a mistake in the tenants file is reported in
 *   about the time Node takes to start.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import standalone from 'ajv/dist/standalone/index.js'
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

export const VALIDATOR_PATH = fileURLToPath(
  new URL('../../schema/tenants.schema.validate.js', import.meta.url)
)
export const VALIDATOR_DECLARATION_PATH = fileURLToPath(
  new URL('../../schema/tenants.schema.validate.d.ts', import.meta.url)
)

/**
 * The options the action validates with. allErrors: every mistake at once. verbose: each error carries the rejected
 * data and the schema holding the failed keyword, whose `errorMessage` words it (src/config/schema.ts reads it; the
 * keyword is declared so strict mode accepts it). strictRequired off: a conditional `then: { required }` names
 * properties its parent declares. code.source: the schema objects are written into the code, for `verbose`.
 */
function compiler(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    code: { source: true, esm: true, lines: true }
  })
  ajv.addKeyword({ keyword: 'errorMessage', schemaType: ['string', 'object'] })
  return ajv
}

/** How ajv's standalone code asks for a helper of its runtime: `require("ajv/dist/runtime/<name>").default`. */
const RUNTIME_REQUIRE = /require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)\.default/gi

/**
 * ajv's standalone code `require`s the few runtime helpers it uses (such as ucs2length, a string's length in code
 * points, as JSON Schema counts it); the action is ESM, so each becomes an import. The helpers are CommonJS: Node's
 * loader (and jest) gives `module.exports` as the namespace's `default`, a bundler gives `exports.default`.
 */
function asImports(code: string): string {
  const modules = [...new Set([...code.matchAll(RUNTIME_REQUIRE)].map(match => match[1]!))]
  const names = new Map(modules.map((module, i) => [module, `runtime${i}`]))
  const imports = modules.flatMap(module => {
    const name = names.get(module)!
    return [
      `import * as ${name}Module from '${module}.js'`,
      `const ${name} = typeof ${name}Module.default === 'function' ? ${name}Module.default : ${name}Module.default.default`
    ]
  })
  const body = code.replace(RUNTIME_REQUIRE, (_, module: string) => names.get(module)!)
  return [...imports, body].join('\n')
}

/** The standalone validator module, formatted as the repository formats JavaScript. */
export async function expectedValidator(): Promise<string> {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object
  const ajv = compiler()
  // A CommonJS module: Node's default import is module.exports, whose `default` is the function.
  const code = standalone.default(ajv, ajv.compile(schema))
  const leftover = code.replace(RUNTIME_REQUIRE, '').match(/require\([^)]*\)/)
  if (leftover)
    throw new Error(`the standalone validator needs ${leftover[0]}, which is no ajv runtime helper`)
  const text = [
    '// Generated from tenants.schema.json by `npm run schema:declare` (ajv standalone code); do not edit.',
    '/* eslint-disable */',
    asImports(code.replace(/^"use strict";?/, ''))
  ].join('\n')
  const options = (await resolveConfig(VALIDATOR_PATH)) ?? {}
  return format(text, { ...options, filepath: VALIDATOR_PATH })
}

/** The validator's type: ajv's ValidateFunction, whose `errors` (verbose) src/config/schema.ts reads. */
export async function expectedValidatorDeclaration(): Promise<string> {
  const text = [
    '// Generated by `npm run schema:declare`; do not edit. The type of tenants.schema.validate.js.',
    "import type { ValidateFunction } from 'ajv/dist/2020.js'",
    'declare const validate: ValidateFunction',
    'export { validate }',
    'export default validate',
    ''
  ].join('\n')
  const options = (await resolveConfig(VALIDATOR_DECLARATION_PATH)) ?? {}
  return format(text, { ...options, filepath: VALIDATOR_DECLARATION_PATH })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DECLARATION_PATH, await expectedDeclaration())
  writeFileSync(VALIDATOR_PATH, await expectedValidator())
  writeFileSync(VALIDATOR_DECLARATION_PATH, await expectedValidatorDeclaration())
}
