/**
 * A fast reader for the YAML that tenants files are written in: block mappings and block sequences by
 * indentation, `key: value`, `- item`, comments, one optional leading `---`, empty `[]` and `{}`, and one-line
 * plain, single-quoted and double-quoted scalars resolved as the YAML 1.2 core schema does
 * (https://yaml.org/spec/1.2.2/#103-core-schema).
 *
 * It is a shortcut, not a second YAML parser: for anything outside that subset it answers undefined, and the
 * caller parses the text with the `yaml` package, which stays the reference (every error message and position
 * comes from it). A bail-out costs only speed; reading a file differently from `yaml` would be a defect, so every
 * rule here errs towards bailing out. `fast-yaml.test.ts` holds it to `yaml` on thousands of files.
 */
import type { SourcePosition } from '../model/config.js'
import type { Located, PathSegments, SourceDocument } from './positions.js'

/**
 * What the reader saw at one value: a scalar is the offset where the file spells it out (-1 for the implicit null
 * of an empty `key:` or `-`); a collection, its start and its children. Offsets, not lines and columns: these are
 * made for every value of the file and asked for only when a position is reported.
 */
export type FastNode = number | FastMap | FastSeq

export interface FastMap {
  kind: 'map'
  at: number
  /** Each key, in order; a mapping holds a handful, so a search beats a Map's allocation. */
  keys: string[]
  /** Each key's offset. */
  keyAt: number[]
  /** Each key's value. */
  values: FastNode[]
}

export interface FastSeq {
  kind: 'seq'
  at: number
  items: FastNode[]
}

/** The file's data, as `parseDocument(text).toJS()` returns it, and where each value stands. */
export interface FastRead {
  data: Record<string, unknown>
  root: FastMap
  /** Offsets where the lines of the text start, as yaml's LineCounter records them. */
  lineStarts: number[]
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
/** Every character the patterns above can match first: a plain scalar starting otherwise is text. */
const NOT_ONLY_TEXT_START = '~nNtTfF0123456789+-.'

/** Character codes the reader compares with. */
const SPACE = 32
const HASH = 35
const DASH = 45
const CR = 13
const SINGLE_QUOTE = 39
const DOUBLE_QUOTE = 34
const BACKSLASH = 92
const OPEN_BRACKET = 91
const CLOSE_BRACKET = 93
const OPEN_BRACE = 123
const CLOSE_BRACE = 125

/** The keys the subset reads, the tenants file's own, and their colon. Anything else is left to `yaml`. */
const PLAIN_KEY = /[A-Za-z_][A-Za-z0-9_-]*:/y
/** Keys the core schema reads as null or a boolean, or that `toJS()` treats specially. */
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/
const SPECIAL_KEY_START = 'nNtTfF_'

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
/** Brackets anywhere in a plain scalar: YAML allows some of them in block context; the subset leaves them to yaml. */
const BRACKETS = /[[\]{}]/

/** Thrown (never a stack-carrying Error) to leave the subset; caught in {@link readFastYaml}. */
const BAIL: unique symbol = Symbol('outside the fast subset')

/** Reads `text`, or answers undefined when it holds anything outside the subset. */
export function readFastYaml(text: string): FastRead | undefined {
  if (LEFT_TO_YAML.test(text)) return undefined
  try {
    return new Reader(text).document()
  } catch (error) {
    if (error === BAIL) return undefined
    throw error
  }
}

function bail(): never {
  throw BAIL
}

/** Nothing but spaces and perhaps a comment (after a space) from `from` to `end`. */
function isBlankAfter(text: string, from: number, end: number): boolean {
  let at = from
  while (at < end && text.charCodeAt(at) === SPACE) at++
  return at === end || (text.charCodeAt(at) === HASH && at > from)
}

const IMPLICIT_NULL = -1

/**
 * Reads the lines holding content (not blank, not only a comment) by indentation. Each such line is kept in
 * parallel arrays (no object per line): where its content starts and ends, and its content's column.
 */
class Reader {
  private readonly text: string
  readonly lineStarts: number[] = []
  /** Offset of each content line's first character of content. */
  private readonly starts: number[] = []
  /** Offset after each content line's last character (before `\r\n` or `\n`). */
  private readonly ends: number[] = []
  /** Column (0-based) of each content line's content. */
  private readonly indents: number[] = []
  /** The content line read next. */
  private next = 0
  /** The value of the node the last read returned. */
  private value: unknown = null

  constructor(text: string) {
    this.text = text
    this.contentLines()
  }

  /** Records the lines; a leading `---` (alone or with a comment) is dropped, any other document marker bails. */
  private contentLines(): void {
    const text = this.text
    for (let lineStart = 0; lineStart <= text.length;) {
      this.lineStarts.push(lineStart)
      const newline = text.indexOf('\n', lineStart)
      let end = newline === -1 ? text.length : newline
      if (end > lineStart && text.charCodeAt(end - 1) === CR) end--
      let start = lineStart
      while (start < end && text.charCodeAt(start) === SPACE) start++
      if (start < end && text.charCodeAt(start) !== HASH) {
        if (!this.isDocumentMarker(start, end, start - lineStart)) {
          this.starts.push(start)
          this.ends.push(end)
          this.indents.push(start - lineStart)
        } else if (this.starts.length > 0 || text[start] === '.' || !isBlankAfter(text, start + 3, end)) {
          bail()
        }
      }
      if (newline === -1) break
      lineStart = newline + 1
    }
  }

  /** `---` or `...` at the start of a line, followed by a space or the end of the line. */
  private isDocumentMarker(start: number, end: number, indent: number): boolean {
    if (indent !== 0) return false
    const marker = this.text.slice(start, start + 3)
    return (
      (marker === '---' || marker === '...') &&
      (start + 3 === end || this.text.charCodeAt(start + 3) === SPACE)
    )
  }

  document(): FastRead {
    if (this.starts.length === 0 || this.indents[0] !== 0 || this.isSeqItem(0)) bail()
    const root = this.map(0)
    if (this.next !== this.starts.length) bail()
    return { data: this.value as Record<string, unknown>, root, lineStarts: this.lineStarts }
  }

  private isSeqItem(line: number): boolean {
    const start = this.starts[line] as number
    return (
      this.text.charCodeAt(start) === DASH &&
      (start + 1 === this.ends[line] || this.text.charCodeAt(start + 1) === SPACE)
    )
  }

  /** The column of the next content line's content, or -1 after the last line. */
  private nextIndent(): number {
    return this.next < this.starts.length ? (this.indents[this.next] as number) : -1
  }

  /** A block mapping whose keys stand at column `indent`. */
  private map(indent: number): FastMap {
    const keys: string[] = []
    const keyAt: number[] = []
    const values: FastNode[] = []
    const value: Record<string, unknown> = {}
    const at = this.starts[this.next] as number
    for (let line = this.next; this.nextIndent() >= indent; line = this.next) {
      if (this.indents[line] !== indent || this.isSeqItem(line)) bail()
      const start = this.starts[line] as number
      const end = this.ends[line] as number
      const colon = this.keyEnd(start, end)
      if (colon < 0) bail()
      const key = this.text.slice(start, colon)
      if (keys.includes(key) || (SPECIAL_KEY_START.includes(key[0] as string) && SPECIAL_KEY.test(key)))
        bail()
      this.next++
      const node = this.valueAfter(colon + 1, end, indent, true)
      keys.push(key)
      keyAt.push(start)
      values.push(node)
      value[key] = this.value
    }
    this.value = value
    return { kind: 'map', at, keys, keyAt, values }
  }

  /** A block sequence whose `-` stand at column `indent`. */
  private seq(indent: number): FastSeq {
    const items: FastNode[] = []
    const value: unknown[] = []
    const at = this.starts[this.next] as number
    for (let line = this.next; this.nextIndent() >= indent; line = this.next) {
      if (this.indents[line] !== indent) bail()
      if (!this.isSeqItem(line)) break
      items.push(this.item(line, indent))
      value.push(this.value)
    }
    this.value = value
    return { kind: 'seq', at, items }
  }

  /** One `- …` item: empty (a nested block or null), `- key: value` opening a mapping, or a scalar. */
  private item(line: number, indent: number): FastNode {
    const end = this.ends[line] as number
    const content = this.skipSpaces((this.starts[line] as number) + 1, end)
    if (content === end || this.text.charCodeAt(content) === HASH) {
      this.next++
      return this.nested(indent, false)
    }
    if (this.text.charCodeAt(content) === DASH) bail()
    if (this.keyEnd(content, end) >= 0) {
      // The mapping starts on the item's line: read that line as if it began at the key.
      const column = indent + content - (this.starts[line] as number)
      this.starts[line] = content
      this.indents[line] = column
      return this.map(column)
    }
    this.next++
    return this.scalarToEnd(content, end, indent)
  }

  /** The value after `key:` (from `from`). */
  private valueAfter(from: number, end: number, indent: number, inMap: boolean): FastNode {
    const content = this.skipSpaces(from, end)
    if (content === end || this.text.charCodeAt(content) === HASH) return this.nested(indent, inMap)
    return this.scalarToEnd(content, end, indent)
  }

  /**
   * The block under a key or `-` that has nothing after it: more indented lines, or in a mapping a sequence at the
   * key's own column (https://yaml.org/spec/1.2.2/#822-block-mappings, "compact" sequences); else null.
   */
  private nested(indent: number, inMap: boolean): FastNode {
    const next = this.nextIndent()
    if (next > indent) return this.isSeqItem(this.next) ? this.seq(next) : this.map(next)
    if (next === indent && inMap && this.isSeqItem(this.next)) return this.seq(indent)
    this.value = null
    return IMPLICIT_NULL
  }

  /** A scalar that must end its line; a more indented line after it would continue it (multi-line): bail. */
  private scalarToEnd(at: number, end: number, indent: number): FastNode {
    const node = this.scalar(at, end)
    if (this.nextIndent() > indent) bail()
    return node
  }

  private scalar(at: number, end: number): FastNode {
    const first = this.text.charCodeAt(at)
    if (first === SINGLE_QUOTE) this.value = this.singleQuoted(at, end)
    else if (first === DOUBLE_QUOTE) this.value = this.doubleQuoted(at, end)
    else if (first === OPEN_BRACKET || first === OPEN_BRACE) return this.emptyFlow(at, end)
    else this.value = this.plain(at, end)
    return at
  }

  /** `[]` or `{}` alone: an empty list or mapping, as files write `roleAssignments: []`; any other flow bails. */
  private emptyFlow(at: number, end: number): FastNode {
    const open = this.text.charCodeAt(at)
    if (this.text.charCodeAt(at + 1) !== (open === OPEN_BRACKET ? CLOSE_BRACKET : CLOSE_BRACE)) bail()
    this.endOfLine(at + 2, end)
    if (open === OPEN_BRACKET) {
      this.value = []
      return { kind: 'seq', at, items: [] }
    }
    this.value = {}
    return { kind: 'map', at, keys: [], keyAt: [], values: [] }
  }

  /** `'…'` on one line, `''` standing for `'` (https://yaml.org/spec/1.2.2/#single-quoted-style). */
  private singleQuoted(at: number, end: number): string {
    let value = ''
    let from = at + 1
    for (;;) {
      const close = this.text.indexOf("'", from)
      if (close < 0 || close >= end) bail()
      value += this.text.slice(from, close)
      if (this.text.charCodeAt(close + 1) !== SINGLE_QUOTE) {
        this.endOfLine(close + 1, end)
        return value
      }
      value += "'"
      from = close + 2
    }
  }

  /** `"…"` on one line with only the escapes `\"`, `\\` and `\/` (https://yaml.org/spec/1.2.2/#57-escaped-characters). */
  private doubleQuoted(at: number, end: number): string {
    let value = ''
    let from = at + 1
    for (let i = from; i < end; i++) {
      const code = this.text.charCodeAt(i)
      if (code === DOUBLE_QUOTE) {
        this.endOfLine(i + 1, end)
        return value + this.text.slice(from, i)
      }
      if (code === BACKSLASH) {
        const escaped = this.text[i + 1]
        if (escaped !== '"' && escaped !== '\\' && escaped !== '/') bail()
        value += this.text.slice(from, i) + escaped
        from = ++i + 1
      }
    }
    return bail()
  }

  /** A plain scalar up to a comment or the end of the line, resolved by the core schema. */
  private plain(at: number, lineEnd: number): unknown {
    if (INDICATORS.has(this.text[at] as string)) bail()
    // Searched within the line: a search of the text would cost the rest of the file for every value.
    const line = this.text.slice(at, lineEnd)
    const comment = line.indexOf(' #')
    let end = comment >= 0 ? comment : line.length
    // Only spaces end it: String#trimEnd would also take a no-break space, which YAML keeps.
    while (end > 0 && line.charCodeAt(end - 1) === SPACE) end--
    const source = end === line.length ? line : line.slice(0, end)
    // `: ` would open a mapping inside the value; brackets are left to yaml.
    if (source.endsWith(':') || source.includes(': ') || BRACKETS.test(source)) bail()
    return resolvePlain(source)
  }

  /** After a quoted scalar: only spaces, then the end of the line or a comment. */
  private endOfLine(from: number, end: number): void {
    if (!isBlankAfter(this.text, from, end)) bail()
  }

  /** The offset of the `:` ending a plain key that starts at `at`, or -1 when the line holds no such key. */
  private keyEnd(at: number, end: number): number {
    PLAIN_KEY.lastIndex = at
    if (!PLAIN_KEY.test(this.text)) return -1
    const colon = PLAIN_KEY.lastIndex - 1
    if (colon >= end) return -1
    return colon + 1 === end || this.text.charCodeAt(colon + 1) === SPACE ? colon : -1
  }

  private skipSpaces(from: number, end: number): number {
    let at = from
    while (at < end && this.text.charCodeAt(at) === SPACE) at++
    return at
  }
}

/** A plain scalar's value by the core schema: null, a boolean, a decimal integer, else text. */
function resolvePlain(source: string): unknown {
  // Only these first characters can start anything but a string; most values (names, scopes) skip the patterns.
  if (source !== '' && !NOT_ONLY_TEXT_START.includes(source[0] as string)) return source
  if (CORE_NULL.test(source)) return null
  if (CORE_BOOL.test(source)) return source[0] === 't' || source[0] === 'T'
  if (CORE_INT.test(source)) return parseInt(source, 10)
  if (CORE_OTHER_NUMBER.test(source)) bail()
  return source
}

/** Positions from what the reader recorded; the same answers as the yaml-backed source for what it reads. */
export function fastSource({ root, lineStarts }: FastRead): SourceDocument {
  /** Line and column as yaml's LineCounter gives them: 1-based, the column in UTF-16 code units. */
  const positionOf = (offset: number): SourcePosition | undefined => {
    if (offset < 0) return undefined
    let low = 0
    let high = lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((lineStarts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 }
  }
  const startOf = (node: FastNode): number => (typeof node === 'number' ? node : node.at)
  return {
    locate(segments: PathSegments): Located | undefined {
      let node: FastNode = root
      let whole = IMPLICIT_NULL
      for (const segment of segments) {
        if (typeof node === 'number') return undefined
        if (node.kind === 'map') {
          const index = node.keys.indexOf(String(segment))
          if (index < 0) return undefined
          whole = node.keyAt[index] as number
          node = node.values[index] as FastNode
        } else {
          const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1
          const item: FastNode | undefined = node.items[index]
          if (item === undefined) return undefined
          whole = startOf(item)
          node = item
        }
      }
      return { whole: positionOf(whole), value: positionOf(startOf(node)) }
    },
    // The reader bails out on a repeated key.
    duplicateKeys: () => []
  }
}
