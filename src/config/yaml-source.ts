/**
 * Positions read from the `yaml` package's own nodes: every node carries its `range` (offsets), which a
 * `LineCounter` turns into a line and column; the node is found by walking the document along the path.
 * https://eemeli.org/yaml/#nodes, https://eemeli.org/yaml/#linecounter
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit } from 'yaml'
import type { Document, LineCounter, Node } from 'yaml'
import type { SourcePosition } from '../model/config.js'
import type { DuplicateKey, Located, PathSegments, SourceDocument } from './positions.js'

/** The source backed by a parsed document and the line starts of its text. */
export function yamlSource(doc: Document, lineCounter: LineCounter): SourceDocument {
  const positionOf = (node: unknown): SourcePosition | undefined => {
    const start = spelledOutStart(node)
    if (start === undefined) return undefined
    const { line, col } = lineCounter.linePos(start)
    return { line, column: col }
  }
  return {
    locate(segments: PathSegments): Located | undefined {
      const nodes = locateNodes(doc, segments)
      return nodes && { whole: positionOf(nodes.whole), value: positionOf(nodes.value) }
    },
    duplicateKeys: () => duplicateKeysOf(doc, positionOf)
  }
}

/** The nodes that spell out one value: where it stands as a whole (its mapping key or list item), and itself. */
interface LocatedNodes {
  whole: unknown
  value: unknown
}

/**
 * The nodes at `segments`, or undefined when the document has no such value. An alias stands for its anchor's
 * value: the alias is where the value stands, what lies inside it is found in the anchor's text.
 */
function locateNodes(doc: Document, segments: PathSegments): LocatedNodes | undefined {
  let located: LocatedNodes = { whole: undefined, value: doc.contents }
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

function duplicateKeysOf(
  doc: Document,
  positionOf: (node: unknown) => SourcePosition | undefined
): DuplicateKey[] {
  const found: DuplicateKey[] = []
  visit(doc, {
    Map(_, map, ancestors) {
      const firstSeen = new Map<string, SourcePosition>()
      for (const pair of map.items) {
        const key = keyText(pair.key)
        const place = positionOf(pair.key)
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
