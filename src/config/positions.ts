/**
 * Where each value of the tenants file stands in its text. Validation runs on plain data (ajv sees what
 * `toJS()` returns), so every value is indexed by the JSON Pointer ajv reports it under (`/tenants/0/tenantId`),
 * which turns a schema finding back into a line and column.
 */
import { isAlias, isMap, isScalar, isSeq } from 'yaml'
import type { Document, LineCounter, Node } from 'yaml'
import type { SourcePosition } from './types.js'

/** A path into the document: mapping keys and list indices, from the top. */
export type PathSegments = readonly (string | number)[]

/** Where one value stands. */
export interface NodePlace {
  segments: PathSegments
  /** The key of a mapping entry: where an unknown key, a missing child or a wrong type is reported. */
  key?: SourcePosition
  /** The start of a list item (its `-` entry's content). */
  item?: SourcePosition
  /** The value itself, when the file spells one out (an empty `key:` has none). */
  value?: SourcePosition
}

/** A key that appears twice in the same mapping, which YAML forbids. */
export interface DuplicateKey {
  key: string
  /** The mapping holding it. */
  parent: PathSegments
  first: SourcePosition
  second: SourcePosition
}

export interface DocumentIndex {
  /** Place of every value by its JSON Pointer (`''` is the whole document). */
  places: Map<string, NodePlace>
  duplicateKeys: DuplicateKey[]
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
export function labelOf(segments: readonly (string | number)[]): string {
  let label = ''
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) label += `[${segment}]`
    else label += label === '' ? segment : `.${segment}`
  }
  return label
}

/** Indexes every value of the document by pointer, and finds keys repeated within one mapping. */
export function indexDocument(doc: Document, lineCounter: LineCounter): DocumentIndex {
  const index: DocumentIndex = { places: new Map(), duplicateKeys: [] }
  const positionAt = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const root: NodePlace = { segments: [] }
  const rootValue = spelledOutStart(doc.contents)
  if (rootValue !== undefined) root.value = positionAt(rootValue)
  index.places.set('', root)
  walk(doc, doc.contents, [], index, positionAt, new Set())
  return index
}

function walk(
  doc: Document,
  node: unknown,
  segments: PathSegments,
  index: DocumentIndex,
  positionAt: (offset: number) => SourcePosition,
  resolving: Set<unknown>
): void {
  // An alias stands for its anchor's value; its descendants are reported at the alias, where the reader looks.
  if (isAlias(node)) {
    const target = node.resolve(doc)
    if (target === undefined || resolving.has(target)) return
    resolving.add(target)
    walk(doc, target, segments, index, positionAt, resolving)
    resolving.delete(target)
    return
  }
  if (isMap(node)) {
    const firstSeen = new Map<string, SourcePosition>()
    for (const pair of node.items) {
      const key = keyText(pair.key)
      const keyStart = spelledOutStart(pair.key)
      const keyPosition = keyStart === undefined ? undefined : positionAt(keyStart)
      const childSegments = [...segments, key]
      const earlier = firstSeen.get(key)
      if (earlier !== undefined && keyPosition !== undefined) {
        index.duplicateKeys.push({ key, parent: segments, first: earlier, second: keyPosition })
        continue
      }
      if (keyPosition !== undefined) firstSeen.set(key, keyPosition)
      recordPlace(index, childSegments, { key: keyPosition }, pair.value, positionAt)
      walk(doc, pair.value, childSegments, index, positionAt, resolving)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const childSegments = [...segments, i]
      const start = spelledOutStart(item)
      recordPlace(
        index,
        childSegments,
        { item: start === undefined ? undefined : positionAt(start) },
        item,
        positionAt
      )
      walk(doc, item, childSegments, index, positionAt, resolving)
    })
  }
}

function recordPlace(
  index: DocumentIndex,
  segments: PathSegments,
  anchor: { key?: SourcePosition | undefined; item?: SourcePosition | undefined },
  value: unknown,
  positionAt: (offset: number) => SourcePosition
): void {
  const place: NodePlace = { segments }
  if (anchor.key !== undefined) place.key = anchor.key
  if (anchor.item !== undefined) place.item = anchor.item
  const valueStart = spelledOutStart(value)
  if (valueStart !== undefined) place.value = positionAt(valueStart)
  index.places.set(pointerOf(segments), place)
}

/** The key as `toJS()` turns it into a property name. */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value)
  return String(key)
}

/** Start offset of a node the file spells out; undefined for the implicit null of an empty `key:`. */
function spelledOutStart(node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined
  const range = (node as Node).range
  if (!range) return undefined
  if (isScalar(node) && node.value === null && range[0] === range[1]) return undefined
  return range[0]
}

/** Where to report something about the value at `segments` as a whole: its key, else its list item. */
export function placeOf(index: DocumentIndex, segments: PathSegments): SourcePosition {
  const place = index.places.get(pointerOf(segments))
  return place?.key ?? place?.item ?? place?.value ?? nearestAncestor(index, segments)
}

/** Where to report a wrong value: the value itself when the file spells it out. */
export function valuePlaceOf(index: DocumentIndex, segments: PathSegments): SourcePosition {
  const place = index.places.get(pointerOf(segments))
  return place?.value ?? placeOf(index, segments)
}

function nearestAncestor(index: DocumentIndex, segments: PathSegments): SourcePosition {
  for (let length = segments.length - 1; length >= 0; length--) {
    const place = index.places.get(pointerOf(segments.slice(0, length)))
    const position = place?.key ?? place?.item ?? place?.value
    if (position !== undefined) return position
  }
  return START_OF_FILE
}
