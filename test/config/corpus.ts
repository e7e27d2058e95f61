/**
 * Tenants files to hold the fast reader to the `yaml` package with: the repository's own, the benchmark's
 * generated ones, and seeded random files that mix the subset with everything around its edges.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { mulberry32 } from '../emulator/faults.js'
import { generateScenario, generatedTenantsFile } from '../emulator/scenarios/generate.js'
import { BASE_LINES } from './variant.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Every YAML file under the repository's fixtures and examples, and the emulator's scenarios, by path. */
export function repositoryFiles(): [string, string][] {
  const folders = [
    'examples',
    'test/config/fixtures',
    'test/integration/fixtures',
    'test/emulator/scenarios',
    '.github/workflows',
    'examples/workflows'
  ]
  return folders.flatMap(folder =>
    readdirSync(ROOT + folder)
      .filter(name => /\.ya?ml$/.test(name))
      .map((name): [string, string] => [
        `${folder}/${name}`,
        readFileSync(`${ROOT}${folder}/${name}`, 'utf8')
      ])
  )
}

/** The tenants file `npm run bench` gives the action for `count` customers. */
export function benchTenantsFile(count: number): string {
  return generatedTenantsFile(generateScenario(count).customers)
}

/** A small seeded PRNG, so every run sees the same files. */
export const prng = mulberry32

type Random = () => number

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T
}

/** Scalars the subset reads, some of them easy to get wrong (the core schema's null, booleans and integers). */
const READABLE_SCALARS = [
  'yes',
  'no',
  'on',
  '017',
  '1_000',
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'FALSE',
  '42',
  '+7',
  '0',
  '00',
  '12345678901234567890',
  "'it''s'",
  "''",
  '""',
  '"a\\"b"',
  '"a\\\\b"',
  '"a\\/b"',
  "'a' # comment",
  "'0x1F'",
  '"1.0"',
  'a:b',
  'a #b',
  'a#b',
  'a ,b',
  '[]',
  '{}',
  '[] # c',
  'é ünïcødé 😀',
  '"é 😀"',
  'Contoso, Ltd.',
  "O'Brien",
  'say "hi"',
  'x & y * z ! | > % @',
  'https://contoso.example/onboarded',
  'repo:contoso/x:environment:prod',
  '3M Company',
  'c0000000-0000-4000-8000-000000000001',
  '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e',
  'Key Vault Secrets User',
  'trailing spaces   ',
  'no-break space\u00a0',
  '\u00a0no-break space first',
  'ideographic space\u3000',
  ''
]

/** Scalars at and past the edges of the subset (most of them make it bail out). */
const EDGE_SCALARS = [
  '1.0',
  '1.',
  '.5',
  '1e3',
  '0x1F',
  '0o17',
  '-3',
  '-0',
  '.inf',
  '-.Inf',
  '.NaN',
  '"a\\nb"',
  '"tab\\there"',
  "'unterminated",
  '"unterminated',
  "'a'#x",
  '"a" b',
  'a: b',
  'a[0]',
  '{a: 1}',
  '[a, b]',
  '[ ]',
  '{}x',
  '&anchor x',
  '*alias',
  '!tag x',
  '|',
  '>',
  '%x',
  '@x',
  '`x',
  '? x',
  ':x',
  '-x',
  '- x',
  '---',
  '...'
]

const KEYS = [
  'name',
  'tenantId',
  'role',
  'scope',
  'kind',
  'onboarding',
  'prune',
  'note',
  'x-y',
  'a_b',
  'Key1'
]
const ODD_KEYS = ['true', 'null', '1', "'quoted'", '"dq"', 'two words', '<<', '__proto__', 'a:b']

/** A scalar as a file would spell it: mostly ordinary text, often an edge case, sometimes quoted. */
function scalar(random: Random): string {
  const roll = random()
  const text = pick(random, roll < 0.05 ? EDGE_SCALARS : READABLE_SCALARS)
  if (roll < 0.55) return text
  if (roll < 0.65) return `'${text.replace(/'/g, "''")}'`
  if (roll < 0.75) return `"${text.replace(/[\\"]/g, m => '\\' + m)}"`
  return pick(random, ['Fabrikam', 'Reader', 'kv-provider', 'secret', 'Customer 0001', '12', 'true'])
}

function comment(random: Random): string {
  return random() < 0.15 ? pick(random, [' # note', '  #', ' #: x', '#no-space']) : ''
}

function key(random: Random): string {
  return random() < 0.05 ? pick(random, ODD_KEYS) : pick(random, KEYS)
}

/** A block mapping or sequence at `indent`, `depth` levels deep at most, as lines. */
function block(random: Random, indent: number, depth: number, step: number): string[] {
  return random() < 0.35 && depth > 0
    ? sequence(random, indent, depth, step)
    : mapping(random, indent, depth, step)
}

function mapping(random: Random, indent: number, depth: number, step: number): string[] {
  const pad = ' '.repeat(indent)
  const lines: string[] = []
  const count = 1 + Math.floor(random() * 4)
  for (let i = 0; i < count; i++) {
    const k = key(random)
    if (depth > 0 && random() < 0.35) {
      lines.push(`${pad}${k}:${comment(random)}`)
      // Sometimes a sequence at the key's own column.
      const child = random() < 0.2 ? indent : indent + step
      lines.push(
        ...(child === indent
          ? sequence(random, child, depth - 1, step)
          : block(random, child, depth - 1, step))
      )
    } else if (random() < 0.05) {
      lines.push(`${pad}${k}:${comment(random)}`)
    } else {
      lines.push(`${pad}${k}: ${scalar(random)}${comment(random)}`)
    }
    if (random() < 0.1) lines.push(random() < 0.5 ? '' : `${' '.repeat(Math.floor(random() * 6))}# a comment`)
  }
  return lines
}

function sequence(random: Random, indent: number, depth: number, step: number): string[] {
  const pad = ' '.repeat(indent)
  const lines: string[] = []
  const count = 1 + Math.floor(random() * 3)
  for (let i = 0; i < count; i++) {
    const roll = random()
    if (roll < 0.5 && depth > 0) {
      // `- key: value` opens a mapping on the item's line.
      const [first, ...rest] = mapping(random, indent + 2, depth - 1, step)
      lines.push(`${pad}- ${(first ?? 'k: v').trimStart()}`, ...rest)
    } else if (roll < 0.6 && depth > 0) {
      lines.push(`${pad}-${comment(random)}`, ...block(random, indent + step, depth - 1, step))
    } else if (roll < 0.65) {
      lines.push(`${pad}-`)
    } else {
      lines.push(`${pad}- ${scalar(random)}${comment(random)}`)
    }
  }
  return lines
}

/** One random file: a mapping at the top, sometimes after `---` or comments. */
export function randomFile(random: Random): string {
  const step = pick(random, [2, 2, 2, 4, 3, 1])
  const lines = mapping(random, 0, 3, step)
  if (random() < 0.15) lines.unshift('---')
  if (random() < 0.1) lines.unshift('# header comment')
  const text = lines.join('\n') + (random() < 0.8 ? '\n' : '')
  return random() < 0.1 ? text.replace(/\n/g, '\r\n') : text
}

/** Characters that mean something to YAML, and some that are merely unusual. */
const MUTATION_CHARS = [
  ' ',
  '\t',
  '\n',
  '\r\n',
  '-',
  ':',
  '#',
  "'",
  '"',
  '\\',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '?',
  ',',
  '~',
  '- ',
  ': ',
  ' #',
  '---\n',
  '...\n',
  '\u00a0',
  '\ufeff',
  'é',
  '😀',
  '\u2028',
  '\x07'
]

/** `text` with one to three random edits: a character inserted, removed or replaced, or a line doubled. */
export function mutate(random: Random, text: string): string {
  let result = text
  const edits = 1 + Math.floor(random() * 3)
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (result.length + 1))
    const roll = random()
    if (roll < 0.4) result = result.slice(0, at) + pick(random, MUTATION_CHARS) + result.slice(at)
    else if (roll < 0.65) result = result.slice(0, at) + result.slice(at + 1)
    else if (roll < 0.9) result = result.slice(0, at) + pick(random, MUTATION_CHARS) + result.slice(at + 1)
    else {
      const lines = result.split('\n')
      const line = Math.floor(random() * lines.length)
      lines.splice(line, 0, lines[line] ?? '')
      result = lines.join('\n')
    }
  }
  return result
}

/** A valid tenants file (BASE_LINES) with its lines restyled: quoting, comments, blank lines, line ends. */
export function restyledTenantsFile(random: Random): string {
  const lines = BASE_LINES.flatMap(line => {
    const match = /^( *)(- )?(\w+): (.+)$/.exec(line)
    let out = line
    if (match) {
      const [, pad, dash = '', k, value = ''] = match
      const styled =
        random() < 0.3
          ? `'${value.replace(/'/g, "''")}'`
          : random() < 0.2
            ? `"${value.replace(/[\\"]/g, m => '\\' + m)}"`
            : value
      out = `${pad}${dash}${k}: ${styled}${random() < 0.1 ? '   ' : ''}${comment(random)}`
    }
    return random() < 0.1 ? [out, random() < 0.5 ? '' : '# comment'] : [out]
  })
  const text = lines.join('\n') + '\n'
  return random() < 0.2 ? text.replace(/\n/g, '\r\n') : text
}
