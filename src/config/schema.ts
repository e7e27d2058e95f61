/**
 * Validation against the published schema (`schema/tenants.schema.json`), the one description of the tenants
 * file. Each field's words live beside it in the schema, as `errorMessage` in the format of ajv-errors
 * (https://ajv.js.org/packages/ajv-errors.html): a text for every rejection of a value, or a text per failed keyword,
 * and `required: { <key>: <text> }` for a missing key. This module only frames those words with the path and the
 * value found, at the place in the file (read from each error's `parentSchema`, not by the ajv-errors plugin, which
 * would rewrite errors this module rewrites anyway).
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import tenantsSchema from '../../schema/tenants.schema.json' with { type: 'json' }
import validateTenantsFile from '../../schema/tenants.schema.validate.js'
import { closestMatch, explainKeyVault, explainScope } from './rules.js'
import { labelOf, placeOf, segmentsOf, valuePlaceOf } from './positions.js'
import type { SourceDocument } from './positions.js'
import type { SourcePosition } from '../model/config.js'

/** One finding, at its place, about the value at `pointer`. */
export interface Finding extends SourcePosition {
  message: string
  /** JSON Pointer of the value the finding is about; semantic checks skip values already found wrong. */
  pointer: string
}

const credentialFields = tenantsSchema.properties.app.properties.credential.properties

/** Secret lifetime and rotation threshold when the file does not set them: the schema's defaults. */
export const DEFAULT_LIFETIME_DAYS: number = credentialFields.lifetimeDays.default
export const DEFAULT_ROTATE_BEFORE_DAYS: number = credentialFields.rotateBeforeDays.default
/** How long a replaced password stays valid after its successor is stored: the schema's default. */
export const DEFAULT_OVERLAP_DAYS: number = credentialFields.overlapDays.default

/** Every credential field besides its kind belongs to kind: secret (keyVault, secretName, lifetime, rotation). */
export const SECRET_ONLY_FIELDS = Object.keys(credentialFields).filter(field => field !== 'kind')

/**
 * A closer look at a text value its schema rejected, keyed by where that schema is in the schema file (the failed
 * keyword's `schemaPath` without the keyword): which part of a scope or vault is wrong. The schema alone decides
 * validity; `rules.test.ts` holds each explanation to the schema's pattern.
 */
const EXPLANATIONS = new Map<string, (value: string) => string | undefined>([
  ['#/properties/app/properties/credential/properties/keyVault', explainKeyVault],
  ['#/properties/tenants/items/properties/roleAssignments/items/properties/scope', explainScope]
])

/** The `errorMessage` keyword as the schema writes it (the subset of ajv-errors' format it uses). */
type ErrorWords = string | { required?: Record<string, string>; [keyword: string]: unknown }

/**
 * The schema's validator, compiled ahead of time by `npm run schema:declare` (ajv standalone code, with the options
 * it lists: every error at once, verbose, strict), so neither ajv's compiler nor a compile is on the cold path.
 * `schema-declaration.test.ts` fails when it no longer matches the schema.
 */
export function schemaValidator(): ValidateFunction {
  return validateTenantsFile
}

/** The schema's words for a rejection, when the schema holding the failed keyword has some. */
function wordsFor(error: ErrorObject): string | undefined {
  const words = (error.parentSchema as { errorMessage?: ErrorWords } | undefined)?.errorMessage
  if (words === undefined || typeof words === 'string') return words
  const text = error.keyword === 'required' ? words.required?.[missingProperty(error)] : words[error.keyword]
  return typeof text === 'string' ? text : undefined
}

/** Validates plain data against the schema; every finding is placed in `source`. */
export function schemaFindings(data: unknown, source: SourceDocument): Finding[] {
  const validate = schemaValidator()
  if (validate(data)) return []
  const errors = validate.errors ?? []
  const misspelt = misspeltRequiredKeys(errors)
  return errors.flatMap(error => {
    // A required key written with a typo is one mistake: the unknown-key message already names the fix.
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${missingProperty(error)}`))
      return []
    const finding = translate(error, source)
    return finding === undefined ? [] : [finding]
  })
}

/** Pointers of missing keys that an unknown key next to them is a likely typo of. */
function misspeltRequiredKeys(errors: ErrorObject[]): Set<string> {
  const missing = new Set(
    errors.filter(e => e.keyword === 'required').map(e => `${e.instancePath}/${missingProperty(e)}`)
  )
  const misspelt = new Set<string>()
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue
    const suggestion = closestMatch(additionalProperty(error), allowedKeys(error))
    const pointer = `${error.instancePath}/${suggestion}`
    if (suggestion !== undefined && missing.has(pointer)) misspelt.add(pointer)
  }
  return misspelt
}

function missingProperty(error: ErrorObject): string {
  return String((error.params as { missingProperty: string }).missingProperty)
}

function additionalProperty(error: ErrorObject): string {
  return String((error.params as { additionalProperty: string }).additionalProperty)
}

function allowedKeys(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {})
}

function translate(error: ErrorObject, source: SourceDocument): Finding | undefined {
  const segments = segmentsOf(error.instancePath)
  const label = labelOf(segments)
  const subject = label === '' ? 'the file' : label
  switch (error.keyword) {
    // A failed `if` is not a fault; the `then` that applies reports what is missing.
    case 'if':
      return undefined
    case 'required': {
      const missing = missingProperty(error)
      const words = wordsFor(error)
      return {
        ...placeOf(source, segments),
        pointer: error.instancePath,
        message: `${subject} is missing "${missing}"${words === undefined ? '' : ` — ${words}`}`
      }
    }
    case 'additionalProperties': {
      const key = additionalProperty(error)
      const allowed = allowedKeys(error)
      const where = label === '' ? 'at the top level' : `in ${label}`
      const suggestion = closestMatch(key, allowed)
      const advice =
        suggestion === undefined ? `allowed keys: ${allowed.join(', ')}` : `did you mean "${suggestion}"?`
      return {
        ...placeOf(source, [...segments, key]),
        pointer: `${error.instancePath}/${key}`,
        message: `unknown key "${key}" ${where} — ${advice}`
      }
    }
    default:
      return wrongValue(error, segments, subject, source)
  }
}

/** "<path> must be <the schema's words>, got <what the file holds>[: <what exactly is wrong>]". */
function wrongValue(
  error: ErrorObject,
  segments: string[],
  subject: string,
  source: SourceDocument
): Finding {
  const data: unknown = error.data
  const words = wordsFor(error)
  const isCollection = typeof data === 'object' && data !== null
  const place = isCollection || data === null ? placeOf(source, segments) : valuePlaceOf(source, segments)
  const pointer = error.instancePath
  if (words === undefined) {
    return { ...place, pointer, message: `${subject} ${error.message ?? 'is not valid'}` }
  }
  const explain = EXPLANATIONS.get(error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/')))
  const detail = typeof data === 'string' ? explain?.(data) : undefined
  return {
    ...place,
    pointer,
    message: `${subject} must be ${words}, got ${describeValue(data)}${detail === undefined ? '' : `: ${detail}`}`
  }
}

/** Long enough for a full resource scope; a 600-character subject is cut rather than flood the log. */
const MAX_SHOWN_TEXT = 240

/** A value as a message shows it: text quoted (and shortened), numbers as they are, collections by kind. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing'
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_SHOWN_TEXT ? `${value.slice(0, MAX_SHOWN_TEXT - 1)}…` : value)
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return 'an empty list'
    return `a list of ${value.length} ${value.length === 1 ? 'entry' : 'entries'}`
  }
  if (typeof value === 'object') return 'a mapping'
  if (typeof value === 'number') return `the number ${value}`
  return String(value)
}
