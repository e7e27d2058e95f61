/**
 * Microsoft Graph `$filter` for directory objects, as https://learn.microsoft.com/graph/filter-query-parameter
 * documents it: `eq` / `ne`, `startswith(prop,'x')`, `prop in ('a','b')`, lambda `any` over string collections
 * (`servicePrincipalNames/any(c:c eq '…')`), `not`, `and` / `or` and parentheses. Properties outside the
 * resource's filterable list answer `Request_UnsupportedQuery`, as Graph does.
 */

export type Item = Record<string, unknown>
export type Predicate = (item: Item) => boolean

export class FilterError extends Error {}

interface Token {
  kind: 'word' | 'string' | 'punct'
  text: string
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i] as string
    if (/\s/.test(c)) {
      i++
    } else if (c === "'") {
      let value = ''
      i++
      for (;;) {
        if (i >= source.length) throw new FilterError('unterminated string literal')
        if (source[i] === "'" && source[i + 1] === "'") {
          value += "'"
          i += 2
        } else if (source[i] === "'") {
          i++
          break
        } else value += source[i++]
      }
      tokens.push({ kind: 'string', text: value })
    } else if ('(),:'.includes(c)) {
      tokens.push({ kind: 'punct', text: c })
      i++
    } else {
      const m = /^[A-Za-z0-9_.\-/@]+/.exec(source.slice(i))
      if (!m) throw new FilterError(`unexpected '${c}'`)
      tokens.push({ kind: 'word', text: m[0] })
      i += m[0].length
    }
  }
  return tokens
}

/** GUID-valued properties compare case-insensitively; other strings as Graph stores them. */
const CASE_INSENSITIVE = new Set(['id', 'appId', 'appOwnerOrganizationId'])

function same(property: string, a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string' && CASE_INSENSITIVE.has(property))
    return a.toLowerCase() === b.toLowerCase()
  return a === b
}

class Parser {
  private pos = 0
  private readonly tokens: Token[]
  private readonly allowed: string[]
  private readonly resource: string

  constructor(tokens: Token[], allowed: string[], resource: string) {
    this.tokens = tokens
    this.allowed = allowed
    this.resource = resource
  }

  parse(): Predicate {
    const p = this.or()
    if (this.pos < this.tokens.length) throw new FilterError(`unexpected '${this.peek()?.text}'`)
    return p
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  private next(): Token {
    const t = this.tokens[this.pos++]
    if (!t) throw new FilterError('unexpected end of filter')
    return t
  }

  private expect(text: string): void {
    const t = this.next()
    if (t.text !== text) throw new FilterError(`expected '${text}', got '${t.text}'`)
  }

  private isWord(text: string): boolean {
    const t = this.peek()
    return t?.kind === 'word' && t.text.toLowerCase() === text
  }

  private or(): Predicate {
    const parts = [this.and()]
    while (this.isWord('or')) {
      this.pos++
      parts.push(this.and())
    }
    return item => parts.some(p => p(item))
  }

  private and(): Predicate {
    const parts = [this.unary()]
    while (this.isWord('and')) {
      this.pos++
      parts.push(this.unary())
    }
    return item => parts.every(p => p(item))
  }

  private unary(): Predicate {
    if (this.isWord('not')) {
      this.pos++
      const inner = this.unary()
      return item => !inner(item)
    }
    if (this.peek()?.text === '(') {
      this.pos++
      const inner = this.or()
      this.expect(')')
      return inner
    }
    return this.comparison()
  }

  private property(name: string): string {
    if (!this.allowed.includes(name)) {
      throw new UnsupportedProperty(name, this.resource)
    }
    return name
  }

  private literal(): unknown {
    const t = this.next()
    if (t.kind === 'string') return t.text
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase()
      if (lower === 'true') return true
      if (lower === 'false') return false
      if (lower === 'null') return null
      if (/^-?\d+$/.test(t.text)) return Number(t.text)
    }
    throw new FilterError(`expected a literal, got '${t.text}'`)
  }

  private comparison(): Predicate {
    const head = this.next()
    if (head.kind !== 'word') throw new FilterError(`unexpected '${head.text}'`)
    if (head.text.toLowerCase() === 'startswith') {
      this.expect('(')
      const prop = this.property(this.next().text)
      this.expect(',')
      const prefix = this.literal()
      this.expect(')')
      return item => {
        const v = item[prop]
        return (
          typeof v === 'string' &&
          typeof prefix === 'string' &&
          v.toLowerCase().startsWith(prefix.toLowerCase())
        )
      }
    }
    const lambda = /^(\w+)\/(any|all)$/i.exec(head.text)
    if (lambda) return this.lambda(this.property(lambda[1] as string), (lambda[2] as string).toLowerCase())
    const prop = this.property(head.text)
    const op = this.next().text.toLowerCase()
    if (op === 'in') {
      this.expect('(')
      const values: unknown[] = [this.literal()]
      while (this.peek()?.text === ',') {
        this.pos++
        values.push(this.literal())
      }
      this.expect(')')
      return item => values.some(v => same(prop, item[prop], v))
    }
    const value = this.literal()
    if (op === 'eq') return item => same(prop, item[prop], value)
    if (op === 'ne') return item => !same(prop, item[prop], value)
    throw new UnsupportedProperty(prop, this.resource)
  }

  /** `prop/any(x:x eq 'v')`, also with `startswith(x,'v')` inside. */
  private lambda(prop: string, quantifier: string): Predicate {
    this.expect('(')
    const variable = this.next().text
    this.expect(':')
    let test: (v: unknown) => boolean
    if (this.isWord('startswith')) {
      this.pos++
      this.expect('(')
      if (this.next().text !== variable) throw new FilterError('lambda variable expected')
      this.expect(',')
      const prefix = this.literal()
      this.expect(')')
      test = v =>
        typeof v === 'string' &&
        typeof prefix === 'string' &&
        v.toLowerCase().startsWith(prefix.toLowerCase())
    } else {
      if (this.next().text !== variable) throw new FilterError('lambda variable expected')
      const op = this.next().text.toLowerCase()
      const value = this.literal()
      if (op !== 'eq' && op !== 'ne') throw new FilterError(`operator '${op}' is not supported in a lambda`)
      test = v => (op === 'eq') === (v === value)
    }
    this.expect(')')
    return item => {
      const values = Array.isArray(item[prop]) ? (item[prop] as unknown[]) : []
      return quantifier === 'any' ? values.some(test) : values.every(test)
    }
  }
}

export class UnsupportedProperty extends Error {
  readonly property: string
  constructor(property: string, resource: string) {
    super(
      `Unsupported or invalid query filter clause specified for property '${property}' of resource '${resource}'.`
    )
    this.property = property
  }
}

/** A predicate for `$filter`; throws UnsupportedProperty or FilterError for what Graph would refuse. */
export function compileFilter(filter: string | null, allowed: string[], resource: string): Predicate {
  if (filter === null || filter.trim() === '') return () => true
  return new Parser(tokenize(filter), allowed, resource).parse()
}
