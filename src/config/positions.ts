/**
 * Where each value of the tenants file stands in its text, read from the `yaml` package's own nodes: every node
 * carries its `range` (offsets), which a `LineCounter` turns into a line and column. Validation runs on plain data
 * (ajv sees what `toJS()` returns) and names values by JSON Pointer (`/tenants/0/tenantId`); the node is found by
 * walking the document along that path. https://eemeli.org/yaml/#nodes, https://eemeli.org/yaml/#linecounter
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml'
import type { Document, LineCounter, Node } from 'yaml'
import type { SourcePosition } from '../model/config.js'

/** A path into the document: mapping keys and list indices, from the top. */
export type PathSegments = readonly (string | number)[]

/** The parsed document and the line starts of its text. */
export interface SourceDocument {
  doc: Document
  lineCounter: LineCounter
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

/** The nodes that spell out one value: where it stands as a whole (its mapping key or list item), and itself. */
interface Located {
  whole: unknown
  value: unknown
}

/**
 * The nodes at `segments`, or undefined when the document has no such value. An alias stands for its anchor's
 * value: the alias is where the value stands, what lies inside it is found in the anchor's text.
 */
function locate({ doc }: SourceDocument, segments: PathSegments): Located | undefined {
  let located: Located = { whole: undefined, value: doc.contents }
  for (const segment of segments) {
    const collection = isAlias(located.value) ? located.value.resolve(doc) : located.value
    if (isMap(collection)) {
      // The first of repeated keys, which is where the duplicate-key finding points back to.
      const pair = collection.items.find(p => keyText(p.key) === String(segment))
      if (pair === undefined) return undefined
      located = { whole: pair.key, value: pair.value }
    } else if (isSeq(collection) && /^\d+$/.test(String(segment))) {
      const item: unknown = collection.items[Number(segment)]
      if (item === undefined) return undefined
      located = { whole: item, value: item }
    } else {
      return undefined
    }
  }
  return located
}

/** The key as `toJS()` turns it into a property name. */
function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value)
  return String(key)
}

/** Start offset of a node the file spells out; undefined for the implicit null of an empty `key:`. */
function spelledOutStart(node: unknown): number | undefined {
  if (!isNode(node) || !node.range) return undefined
  if (isScalar(node) && node.value === null && node.range[0] === node.range[1]) return undefined
  return node.range[0]
}

function positionOf(source: SourceDocument, node: unknown): SourcePosition | undefined {
  const start = spelledOutStart(node)
  if (start === undefined) return undefined
  const { line, col } = source.lineCounter.linePos(start)
  return { line, column: col }
}

/**
 * Where to report something about the value at `segments` as a whole: its key, else its list item; for a value
 * the file does not hold, the nearest enclosing one.
 */
export function placeOf(source: SourceDocument, segments: PathSegments): SourcePosition {
  for (let length = segments.length; length >= 0; length--) {
    const located = locate(source, segments.slice(0, length))
    const place = located && (positionOf(source, located.whole) ?? positionOf(source, located.value))
    if (place !== undefined) return place
  }
  return START_OF_FILE
}

/** Where to report a wrong value: the value itself when the file spells it out. */
export function valuePlaceOf(source: SourceDocument, segments: PathSegments): SourcePosition {
  const located = locate(source, segments)
  return positionOf(source, located?.value) ?? placeOf(source, segments)
}

/** Keys repeated within one mapping, each with the place of its first occurrence. */
export function duplicateKeys(source: SourceDocument): DuplicateKey[] {
  const found: DuplicateKey[] = []
  visit(source.doc, {
    Map(_, map, ancestors) {
      const firstSeen = new Map<string, SourcePosition>()
      for (const pair of map.items) {
        const key = keyText(pair.key)
        const place = positionOf(source, pair.key)
        if (place === undefined) continue
        const first = firstSeen.get(key)
        if (first === undefined) firstSeen.set(key, place)
        else found.push({ key, parent: pathOf([...ancestors, map]), first, second: place })
      }
    }
  })
  return found
}

/** The path of the last node in `chain` (a visitor's ancestors and the node), as mapping keys and list indices. */
function pathOf(chain: readonly unknown[]): PathSegments {
  const segments: (string | number)[] = []
  chain.forEach((node, i) => {
    const child = chain[i + 1]
    if (child === undefined) return
    if (isPair(node) && child === node.value) segments.push(keyText(node.key))
    else if (isSeq(node)) segments.push(node.items.indexOf(child as Node))
  })
  return segments
}
