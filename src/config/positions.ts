/**
 * Where each value of the tenants file stands in its text. Validation runs on plain data (ajv sees what `toJS()`
 * returns) and names values by JSON Pointer (`/tenants/0/tenantId`); a {@link SourceDocument} answers where the
 * value on that path stands. Two answer it the same way: the `yaml` package's nodes (`yaml-source.ts`, the
 * reference) and the fast reader's records (`fast-yaml.ts`).
 */
import type { SourcePosition } from '../model/config.js'

/** A path into the document: mapping keys and list indices, from the top. */
export type PathSegments = readonly (string | number)[]

/** Where one value stands: as a whole (its mapping key or its list item), and the value itself. */
export interface Located {
  /** Undefined at the top, and for a list item that is an implicit null (`-` alone). */
  whole: SourcePosition | undefined
  /** Undefined for the implicit null of an empty `key:` or `-`. */
  value: SourcePosition | undefined
}

/** The parsed text, asked where values stand. */
export interface SourceDocument {
  /**
   * The places of the value at `segments`, or undefined when the file holds no such value. Of repeated keys, the
   * first counts (where the duplicate-key finding points back to).
   */
  locate(segments: PathSegments): Located | undefined
  /** Keys repeated within one mapping, each with the place of its first occurrence. */
  duplicateKeys(): DuplicateKey[]
}

/** A key that appears twice in the same mapping, which YAML forbids. */
export interface DuplicateKey {
  key: string
  /** The mapping holding it. */
  parent: PathSegments
  first: SourcePosition
  second: SourcePosition
}

const START_OF_FILE: SourcePosition = { line: 1, column: 1 }

/** JSON Pointer escaping as RFC 6901 §3 defines it and ajv uses for `instancePath`. */
export function pointerOf(segments: PathSegments): string {
  return segments.map(segment => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/** The inverse of {@link pointerOf}; list indices stay strings, which is enough to name a path. */
export function segmentsOf(pointer: string): string[] {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map(segment => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The path as a reader writes it: `tenants[2].roleAssignments[0].scope`. */
export function labelOf(segments: PathSegments): string {
  let label = ''
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) label += `[${segment}]`
    else label += label === '' ? segment : `.${segment}`
  }
  return label
}

/**
 * Where to report something about the value at `segments` as a whole: its key, else its list item; for a value
 * the file does not hold, the nearest enclosing one.
 */
export function placeOf(source: SourceDocument, segments: PathSegments): SourcePosition {
  for (let length = segments.length; length >= 0; length--) {
    const located = source.locate(segments.slice(0, length))
    const place = located && (located.whole ?? located.value)
    if (place !== undefined) return place
  }
  return START_OF_FILE
}

/** Where to report a wrong value: the value itself when the file spells it out. */
export function valuePlaceOf(source: SourceDocument, segments: PathSegments): SourcePosition {
  return source.locate(segments)?.value ?? placeOf(source, segments)
}

/** Keys repeated within one mapping, each with the place of its first occurrence. */
export function duplicateKeys(source: SourceDocument): DuplicateKey[] {
  return source.duplicateKeys()
}
