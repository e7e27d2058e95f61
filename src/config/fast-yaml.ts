/**
 * A fast reader for the YAML that tenants files are written in: block mappings and block sequences by
 * indentation, `key: value`, `- item`, comments, one optional leading `---`, empty `[]` and `{}`, and one-line
 * plain, single-quoted and double-quoted scalars resolved as the YAML 1.2 core schema does (https://yaml.org/spec/1.2.2/#103-core-schema).
 *
 * It is a shortcut, not a second YAML parser: for anything outside that subset it answers undefined, and the
 * caller parses the text with the `yaml` package, which stays the reference (every error message and position
 * comes from it). A bail-out costs only speed; reading a file differently from `yaml` would be a defect, so every
 * rule here errs towards bailing out. `fast-yaml.test.ts` holds it to `yaml` on thousands of files.
 */
import type { SourcePosition } from '../model/config.js'
import type { Located, PathSegments, SourceDocument } from './positions.js'

/** What the reader saw at one value: where it stands (undefined for the implicit null of an empty `key:`). */
export type FastNode = FastMap | FastSeq | FastScalar

export interface FastMap {
  kind: 'map'
  place: SourcePosition
  /** Each key's own place and its value. */
  entries: Map<string, { key: SourcePosition; value: FastNode }>
}

export interface FastSeq {
  kind: 'seq'
  place: SourcePosition
  items: FastNode[]
}

export interface FastScalar {
  kind: 'scalar'
  place: SourcePosition | undefined
}

/** The file's data, as `parseDocument(text).toJS()` returns it, and where each value stands. */
export interface FastRead {
  data: Record<string, unknown>
  root: FastMap
}

/**
 * Characters the subset leaves to `yaml`: tabs (never indentation, and trailing/inner tabs have their own rules),
 * C0/C1 controls, DEL, a lone CR, the byte order mark, U+FFFE/U+FFFF, the Unicode line and paragraph separators,
 * and unpaired surrogates. https://yaml.org/spec/1.2.2/#51-character-set
 */
const LEFT_TO_YAML =
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  /[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff\u2028\u2029]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Core-schema plain scalars that are not strings (https://yaml.org/spec/1.2.2/#1032-tag-resolution). */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/
const CORE_INT = /^[-+]?[0-9]+$/
/** Floats (with exponents), infinities, NaN, octal and hexadecimal: left to `yaml`, deliberately broader. */
const CORE_OTHER_NUMBER =
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|nan)$|^0[ox]/i

/** The keys the subset reads: the tenants file's own (camelCase words). Anything else is left to `yaml`. */
const PLAIN_KEY = /[A-Za-z_][A-Za-z0-9_-]*/y
/** Keys the core schema reads as null or a boolean, or that `toJS()` treats specially. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/

/**
 * Characters a plain scalar may not start with in the subset: YAML's indicators
 * (https://yaml.org/spec/1.2.2/#53-indicator-characters), `-`, `?` and `:` included although YAML lets some of
 * them start a plain scalar.
 */
const INDICATORS = new Set([
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  "'",
  '"',
  '%',
  '@',
  '`'
])

/** Thrown (never a stack-carrying Error) to leave the subset; caught in {@link readFastYaml}. */
const BAIL: unique symbol = Symbol('outside the fast subset')

/** One line holding content: not blank, not only a comment. */
interface Line {
  /** 1-based, as yaml's LineCounter counts. */
  number: number
  /** Offset where the line starts. */
  lineStart: number
  /** Offset of the first character of content. */
  start: number
  /** Offset after the last character of the line (before `\r\n` or `\n`). */
  end: number
  /** Column (0-based) of `start`. */
  indent: number
}

/** Reads `text`, or answers undefined when it holds anything outside the subset. */
export function readFastYaml(text: string): FastRead | undefined {
  if (LEFT_TO_YAML.test(text)) return undefined
  try {
    return new Reader(text, contentLines(text)).document()
  } catch (error) {
    if (error === BAIL) return undefined
    throw error
  }
}

function bail(): never {
  throw BAIL
}

/** The lines holding content; a leading `---` (alone or with a comment) is dropped, any other marker bails. */
function contentLines(text: string): Line[] {
  const lines: Line[] = []
  let lineStart = 0
  for (let number = 1; lineStart <= text.length; number++) {
    const newline = text.indexOf('\n', lineStart)
    const next = newline === -1 ? text.length + 1 : newline + 1
    let end = newline === -1 ? text.length : newline
    if (end > lineStart && text.charCodeAt(end - 1) === 13) end--
    let start = lineStart
    while (start < end && text.charCodeAt(start) === 32) start++
    if (start < end && text[start] !== '#') {
      const line = { number, lineStart, start, end, indent: start - lineStart }
      if (!isDocumentMarker(text, line)) lines.push(line)
      else if (lines.length > 0 || text[start] === '.' || !isBlankAfter(text, start + 3, end)) bail()
    }
    lineStart = next
  }
  return lines
}

/** `---` or `...` at the start of a line, followed by a space or the end of the line. */
function isDocumentMarker(text: string, line: Line): boolean {
  if (line.indent !== 0) return false
  const marker = text.slice(line.start, line.start + 3)
  return (
    (marker === '---' || marker === '...') && (line.start + 3 === line.end || text[line.start + 3] === ' ')
  )
}

/** Nothing but spaces and perhaps a comment (after a space) from `from` to `end`. */
function isBlankAfter(text: string, from: number, end: number): boolean {
  let at = from
  while (at < end && text.charCodeAt(at) === 32) at++
  return at === end || (text[at] === '#' && at > from)
}

interface Read {
  value: unknown
  node: FastNode
}

const IMPLICIT_NULL: Read = { value: null, node: { kind: 'scalar', place: undefined } }

class Reader {
  private next = 0
  private readonly text: string
  private readonly lines: Line[]

  constructor(text: string, lines: Line[]) {
    this.text = text
    this.lines = lines
  }

  document(): FastRead {
    const first = this.lines[0]
    if (first === undefined || first.indent !== 0 || this.isSeqItem(first)) bail()
    const { value, node } = this.map(0)
    if (this.next !== this.lines.length || node.kind !== 'map') bail()
    return { data: value as Record<string, unknown>, root: node }
  }

  private place(line: Line, offset: number): SourcePosition {
    return { line: line.number, column: offset - line.lineStart + 1 }
  }

  private isSeqItem(line: Line): boolean {
    return this.text[line.start] === '-' && (line.start + 1 === line.end || this.text[line.start + 1] === ' ')
  }

  /** A block mapping whose keys stand at column `indent`. */
  private map(indent: number): Read {
    const first = this.lines[this.next] as Line
    const entries = new Map<string, { key: SourcePosition; value: FastNode }>()
    const value: Record<string, unknown> = {}
    for (let line = this.lines[this.next]; line !== undefined; line = this.lines[this.next]) {
      if (line.indent < indent) break
      if (line.indent > indent || this.isSeqItem(line)) bail()
      const colon = this.keyEnd(line, line.start)
      if (colon < 0) bail()
      const key = this.text.slice(line.start, colon)
      if (SPECIAL_KEY.test(key) || entries.has(key)) bail()
      this.next++
      const read = this.valueAfter(line, colon + 1, indent, true)
      entries.set(key, { key: this.place(line, line.start), value: read.node })
      value[key] = read.value
    }
    return { value, node: { kind: 'map', place: this.place(first, first.start), entries } }
  }

  /** A block sequence whose `-` stand at column `indent`. */
  private seq(indent: number): Read {
    const first = this.lines[this.next] as Line
    const items: FastNode[] = []
    const value: unknown[] = []
    for (let line = this.lines[this.next]; line !== undefined; line = this.lines[this.next]) {
      if (line.indent < indent) break
      if (line.indent > indent) bail()
      if (!this.isSeqItem(line)) break
      const read = this.item(line, indent)
      items.push(read.node)
      value.push(read.value)
    }
    return { value, node: { kind: 'seq', place: this.place(first, first.start), items } }
  }

  /** One `- …` item: empty (a nested block or null), `- key: value` opening a mapping, or a scalar. */
  private item(line: Line, indent: number): Read {
    const content = this.skipSpaces(line.start + 1, line.end)
    if (content === line.end || this.text[content] === '#') {
      this.next++
      return this.nested(indent, false)
    }
    if (this.text[content] === '-') bail()
    if (this.keyEnd(line, content) >= 0) {
      // The mapping starts on the item's line: read that line as if it began at the key.
      this.lines[this.next] = { ...line, start: content, indent: content - line.lineStart }
      return this.map(content - line.lineStart)
    }
    this.next++
    return this.scalarToEnd(line, content, indent)
  }

  /** The value after `key:` (from `from`), or after `-`. */
  private valueAfter(line: Line, from: number, indent: number, inMap: boolean): Read {
    const content = this.skipSpaces(from, line.end)
    if (content === line.end || this.text[content] === '#') return this.nested(indent, inMap)
    return this.scalarToEnd(line, content, indent)
  }

  /**
   * The block under a key or `-` that has nothing after it: more indented lines, or in a mapping a sequence at the
   * key's own column (https://yaml.org/spec/1.2.2/#822-block-mappings, "compact" sequences); else null.
   */
  private nested(indent: number, inMap: boolean): Read {
    const line = this.lines[this.next]
    if (line === undefined || line.indent < indent) return IMPLICIT_NULL
    if (line.indent > indent) return this.isSeqItem(line) ? this.seq(line.indent) : this.map(line.indent)
    return inMap && this.isSeqItem(line) ? this.seq(indent) : IMPLICIT_NULL
  }

  /** A scalar that must end its line; a more indented line after it would continue it (multi-line): bail. */
  private scalarToEnd(line: Line, content: number, indent: number): Read {
    const read = this.scalar(line, content)
    const following = this.lines[this.next]
    if (following !== undefined && following.indent > indent) bail()
    return read
  }

  private scalar(line: Line, at: number): Read {
    const quote = this.text[at]
    const node: FastScalar = { kind: 'scalar', place: this.place(line, at) }
    if (quote === "'") return { value: this.singleQuoted(line, at), node }
    if (quote === '"') return { value: this.doubleQuoted(line, at), node }
    if (quote === '[' || quote === '{') return this.emptyFlow(line, at)
    return { value: this.plain(line, at), node }
  }

  /** `[]` or `{}` alone: an empty list or mapping, as files write `roleAssignments: []`; any other flow bails. */
  private emptyFlow(line: Line, at: number): Read {
    const open = this.text[at]
    if (this.text[at + 1] !== (open === '[' ? ']' : '}')) bail()
    this.endOfLine(line, at + 2)
    const place = this.place(line, at)
    return open === '['
      ? { value: [], node: { kind: 'seq', place, items: [] } }
      : { value: {}, node: { kind: 'map', place, entries: new Map() } }
  }

  /** `'…'` on one line, `''` standing for `'` (https://yaml.org/spec/1.2.2/#single-quoted-style). */
  private singleQuoted(line: Line, at: number): string {
    let value = ''
    let from = at + 1
    for (;;) {
      const close = this.text.indexOf("'", from)
      if (close < 0 || close >= line.end) bail()
      value += this.text.slice(from, close)
      if (this.text[close + 1] !== "'") {
        this.endOfLine(line, close + 1)
        return value
      }
      value += "'"
      from = close + 2
    }
  }

  /** `"…"` on one line with only the escapes `\"`, `\\` and `\/` (https://yaml.org/spec/1.2.2/#57-escaped-characters). */
  private doubleQuoted(line: Line, at: number): string {
    let value = ''
    for (let i = at + 1; i < line.end; i++) {
      const char = this.text[i] as string
      if (char === '"') {
        this.endOfLine(line, i + 1)
        return value
      }
      if (char === '\\') {
        const escaped = this.text[++i]
        if (escaped !== '"' && escaped !== '\\' && escaped !== '/') bail()
        value += escaped
      } else {
        value += char
      }
    }
    return bail()
  }

  /** A plain scalar up to a comment or the end of the line, resolved by the core schema. */
  private plain(line: Line, at: number): unknown {
    if (INDICATORS.has(this.text[at] as string)) bail()
    let end = at
    for (let i = at; i < line.end; i++) {
      const char = this.text[i]
      if (char === ' ') {
        if (this.text[i + 1] === '#') break
        continue
      }
      // `: ` would open a mapping inside the value; brackets are left to yaml.
      if (char === ':' && (i + 1 === line.end || this.text[i + 1] === ' ')) bail()
      if (char === '[' || char === ']' || char === '{' || char === '}') bail()
      end = i + 1
    }
    return resolvePlain(this.text.slice(at, end))
  }

  /** After a quoted scalar: only spaces, then the end of the line or a comment. */
  private endOfLine(line: Line, from: number): void {
    if (!isBlankAfter(this.text, from, line.end)) bail()
  }

  /** The offset of the `:` ending a plain key that starts at `at`, or -1 when the line holds no such key. */
  private keyEnd(line: Line, at: number): number {
    PLAIN_KEY.lastIndex = at
    if (!PLAIN_KEY.test(this.text)) return -1
    const colon = PLAIN_KEY.lastIndex
    if (colon >= line.end || this.text[colon] !== ':') return -1
    return colon + 1 === line.end || this.text[colon + 1] === ' ' ? colon : -1
  }

  private skipSpaces(from: number, end: number): number {
    let at = from
    while (at < end && this.text.charCodeAt(at) === 32) at++
    return at
  }
}

/** A plain scalar's value by the core schema: null, a boolean, a decimal integer, else text. */
function resolvePlain(source: string): unknown {
  if (CORE_NULL.test(source)) return null
  if (CORE_BOOL.test(source)) return source[0] === 't' || source[0] === 'T'
  if (CORE_INT.test(source)) return parseInt(source, 10)
  if (CORE_OTHER_NUMBER.test(source)) bail()
  return source
}

/** Positions from what the reader recorded; the same answers as the yaml-backed source for what it reads. */
export function fastSource(root: FastMap): SourceDocument {
  return {
    locate(segments: PathSegments): Located | undefined {
      let node: FastNode = root
      let whole: SourcePosition | undefined
      for (const segment of segments) {
        if (node.kind === 'map') {
          const entry = node.entries.get(String(segment))
          if (entry === undefined) return undefined
          whole = entry.key
          node = entry.value
        } else if (node.kind === 'seq' && /^\d+$/.test(String(segment))) {
          const item: FastNode | undefined = node.items[Number(segment)]
          if (item === undefined) return undefined
          whole = item.place
          node = item
        } else {
          return undefined
        }
      }
      return { whole, value: node.place }
    },
    // The reader bails out on a repeated key.
    duplicateKeys: () => []
  }
}
