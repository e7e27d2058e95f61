/**
 * ABAC conditions of role assignments, as far as delegated role-assignment management uses them
 * (learn.microsoft.com/azure/role-based-access-control/delegate-role-assignments-examples and
 * conditions-authorization-actions-attributes; https://learn.microsoft.com/rest/api/authorization/role-assignments): `ActionMatches{'…'}`, the
 * `Microsoft.Authorization/roleAssignments` attributes RoleDefinitionId, PrincipalId and PrincipalType of
 * `@Request[…]` (the assignment being written) and `@Resource[…]` (the one being deleted), the Guid/String
 * comparison functions with their ForAnyOf/ForAllOf quantifiers, and NOT > AND > OR. Anything else makes the
 * condition evaluate to false: the emulator then denies rather than grant access Azure might refuse.
 */
import { operationMatches } from '../services/role-catalogue.js'

export interface AssignmentAttributes {
  roleDefinitionId: string
  principalId: string
  principalType: string
}

export interface ConditionContext {
  action: string
  /** the assignment a write would create */
  request?: AssignmentAttributes
  /** the assignment a delete would remove */
  resource?: AssignmentAttributes
}

const ATTRIBUTE_PREFIX = 'microsoft.authorization/roleassignments:'
const ATTRIBUTES: Record<string, keyof AssignmentAttributes> = {
  roledefinitionid: 'roleDefinitionId',
  principalid: 'principalId',
  principaltype: 'principalType'
}

type Token =
  | { kind: 'open' | 'close' | 'not' | 'and' | 'or' }
  | { kind: 'action'; pattern: string }
  | { kind: 'attribute'; source: 'request' | 'resource'; name: string }
  | { kind: 'operator'; quantifier: string | undefined; fn: string }
  | { kind: 'values'; values: string[] }

class Unsupported extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const patterns: [RegExp, (m: RegExpExecArray) => Token][] = [
    [/^\(/, () => ({ kind: 'open' })],
    [/^\)/, () => ({ kind: 'close' })],
    [/^(!|NOT\b)/i, () => ({ kind: 'not' })],
    [/^(&&|AND\b)/i, () => ({ kind: 'and' })],
    [/^(\|\||OR\b)/i, () => ({ kind: 'or' })],
    [/^ActionMatches\s*\{\s*'([^']*)'\s*\}/i, m => ({ kind: 'action', pattern: m[1] ?? '' })],
    [
      /^@(Request|Resource)\[([^\]]+)\]/i,
      m => ({
        kind: 'attribute',
        source: m[1]?.toLowerCase() === 'request' ? 'request' : 'resource',
        name: m[2] ?? ''
      })
    ],
    [
      /^(?:(For(?:Any|All)Of(?:Any|All)Values):)?([A-Za-z]+)/,
      m => ({ kind: 'operator', quantifier: m[1], fn: m[2] ?? '' })
    ],
    [/^\{([^}]*)\}/, m => ({ kind: 'values', values: splitValues(m[1] ?? '') })],
    [/^'([^']*)'/, m => ({ kind: 'values', values: [m[1] ?? ''] })],
    [/^[0-9a-fA-F-]{36}/, m => ({ kind: 'values', values: [m[0]] })]
  ]
  let rest = text
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest)
    if (space) {
      rest = rest.slice(space[0].length)
      continue
    }
    const hit = patterns.find(([re]) => re.test(rest))
    if (!hit) throw new Unsupported(`cannot read the condition at '${rest.slice(0, 20)}'`)
    const m = hit[0].exec(rest) as RegExpExecArray
    tokens.push(hit[1](m))
    rest = rest.slice(m[0].length)
  }
  return tokens
}

function splitValues(inner: string): string[] {
  return inner
    .split(',')
    .map(v => v.trim().replace(/^'(.*)'$/, '$1'))
    .filter(v => v !== '')
}

/** Recursive descent over the tokens: or := and (OR and)*, and := unary (AND unary)*, unary := NOT unary | atom. */
class Evaluator {
  private pos = 0
  private readonly tokens: Token[]
  private readonly ctx: ConditionContext

  constructor(tokens: Token[], ctx: ConditionContext) {
    this.tokens = tokens
    this.ctx = ctx
  }

  run(): boolean {
    const value = this.or()
    if (this.pos !== this.tokens.length) throw new Unsupported('trailing tokens')
    return value
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos]
  }

  private next(): Token {
    const t = this.tokens[this.pos++]
    if (!t) throw new Unsupported('unexpected end')
    return t
  }

  private or(): boolean {
    let value = this.and()
    while (this.peek()?.kind === 'or') {
      this.pos++
      const right = this.and()
      value = value || right
    }
    return value
  }

  private and(): boolean {
    let value = this.unary()
    while (this.peek()?.kind === 'and') {
      this.pos++
      const right = this.unary()
      value = value && right
    }
    return value
  }

  private unary(): boolean {
    if (this.peek()?.kind === 'not') {
      this.pos++
      return !this.unary()
    }
    return this.atom()
  }

  private atom(): boolean {
    const t = this.next()
    if (t.kind === 'open') {
      const value = this.or()
      if (this.next().kind !== 'close') throw new Unsupported('missing )')
      return value
    }
    if (t.kind === 'action') return operationMatches(t.pattern, this.ctx.action)
    if (t.kind === 'attribute') return this.comparison(t)
    throw new Unsupported(`unexpected ${t.kind}`)
  }

  private comparison(attr: { source: 'request' | 'resource'; name: string }): boolean {
    const op = this.next()
    const values = this.next()
    if (op.kind !== 'operator' || values.kind !== 'values')
      throw new Unsupported('expected an operator and values')
    const lower = attr.name.toLowerCase()
    const key = lower.startsWith(ATTRIBUTE_PREFIX)
      ? ATTRIBUTES[lower.slice(ATTRIBUTE_PREFIX.length)]
      : undefined
    if (!key) throw new Unsupported(`attribute ${attr.name}`)
    const subject = this.ctx[attr.source]
    // an attribute of an assignment that is not part of this action (e.g. @Request on a read) cannot match
    if (!subject) return false
    const compare = comparator(op.fn)
    const actual = subject[key]
    const all = op.quantifier?.toLowerCase().endsWith('ofallvalues') ?? false
    return all ? values.values.every(v => compare(actual, v)) : values.values.some(v => compare(actual, v))
  }
}

function comparator(fn: string): (actual: string, expected: string) => boolean {
  switch (fn.toLowerCase()) {
    case 'guidequals':
    case 'stringequalsignorecase':
      return (a, e) => a.toLowerCase() === e.toLowerCase()
    case 'guidnotequals':
    case 'stringnotequalsignorecase':
      return (a, e) => a.toLowerCase() !== e.toLowerCase()
    case 'stringequals':
      return (a, e) => a === e
    case 'stringnotequals':
      return (a, e) => a !== e
    default:
      throw new Unsupported(`function ${fn}`)
  }
}

/** Whether a condition holds for an action; false for any condition the emulator cannot read. */
export function conditionHolds(condition: string, ctx: ConditionContext): boolean {
  try {
    return new Evaluator(tokenize(condition), ctx).run()
  } catch (e) {
    if (e instanceof Unsupported) return false
    throw e
  }
}
