/**
 * Validation against the published schema (`schema/tenants.schema.json`), with ajv's findings rewritten into
 * messages that name the path and say what to do, each at the place in the file it is about.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import tenantsSchema from '../../schema/tenants.schema.json' with { type: 'json' }
import { labelOf, placeOf, segmentsOf, valuePlaceOf } from './positions.js'
import type { DocumentIndex } from './positions.js'
import { closestMatch, ruleFor } from './rules.js'
import type { SourcePosition } from './types.js'

/** One finding, at its place, about the value at `pointer`. */
export interface Finding extends SourcePosition {
  message: string
  /** JSON Pointer of the value the finding is about; semantic checks skip values already found wrong. */
  pointer: string
}

let compiled: ValidateFunction | undefined

/** The compiled validator; compiled once, on first use. */
export function schemaValidator(): ValidateFunction {
  // verbose: each error carries the rejected data and its parent schema (for "did you mean" on unknown keys).
  // strictRequired off: a conditional `then: { required }` names properties its parent schema declares.
  compiled ??= new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false }).compile(
    tenantsSchema
  )
  return compiled
}

/** Validates plain data against the schema; every finding is placed through `index`. */
export function schemaFindings(data: unknown, index: DocumentIndex): Finding[] {
  const validate = schemaValidator()
  if (validate(data)) return []
  const errors = validate.errors ?? []
  const misspelt = misspeltRequiredKeys(errors)
  return errors.flatMap(error => {
    // A required key written with a typo is one mistake: the unknown-key message already names the fix.
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${missingProperty(error)}`))
      return []
    const finding = translate(error, index)
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

function translate(error: ErrorObject, index: DocumentIndex): Finding | undefined {
  const segments = segmentsOf(error.instancePath)
  const label = labelOf(segments)
  switch (error.keyword) {
    // A failed `if` is not a fault; the `then` that applies reports what is missing.
    case 'if':
      return undefined
    case 'required': {
      const missing = missingProperty(error)
      const hint = ruleFor([...segments, missing])?.whenMissing
      const subject = label === '' ? 'the file' : label
      return {
        ...placeOf(index, segments),
        pointer: error.instancePath,
        message: `${subject} is missing "${missing}"${hint === undefined ? '' : ` — ${hint}`}`
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
        ...placeOf(index, [...segments, key]),
        pointer: `${error.instancePath}/${key}`,
        message: `unknown key "${key}" ${where} — ${advice}`
      }
    }
    default:
      return wrongValue(error, segments, label, index)
  }
}

/** "<path> must be <what the rule expects>, got <what the file holds>[: <what exactly is wrong>]". */
function wrongValue(error: ErrorObject, segments: string[], label: string, index: DocumentIndex): Finding {
  const rule = ruleFor(segments)
  const data: unknown = error.data
  const isCollection = typeof data === 'object' && data !== null
  const place = isCollection || data === null ? placeOf(index, segments) : valuePlaceOf(index, segments)
  const subject = label === '' ? 'the file' : label
  if (rule === undefined) {
    return { ...place, pointer: error.instancePath, message: `${subject} ${error.message ?? 'is not valid'}` }
  }
  const detail = typeof data === 'string' ? rule.explain?.(data) : undefined
  return {
    ...place,
    pointer: error.instancePath,
    message: `${subject} must be ${rule.expect}, got ${describeValue(data)}${detail === undefined ? '' : `: ${detail}`}`
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
