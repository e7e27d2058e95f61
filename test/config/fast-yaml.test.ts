/**
 * The fast reader against the `yaml` package, the reference: on every file it reads, the same data and the same
 * positions; on every file, the same parseTenantsFile result with and without it; and a bail-out for each
 * construct outside its subset.
 */
import { describe, it, expect } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { LineCounter, parseDocument } from 'yaml'
import { fastSource, readFastYaml } from '../../src/config/fast-yaml.js'
import { loadTenantsFile } from '../../src/config/load.js'
import { parseTenantsFile } from '../../src/config/parse.js'
import { placeOf, valuePlaceOf } from '../../src/config/positions.js'
import type { PathSegments } from '../../src/config/positions.js'
import { parseWithYaml } from '../../src/config/yaml-parse.js'
import { yamlSource } from '../../src/config/yaml-source.js'
import { benchTenantsFile, mutate, prng, randomFile, repositoryFiles, restyledTenantsFile } from './corpus.js'
import { BASE_LINES } from './variant.js'

/** Every path in `data` (the top included), as keys and list indices. */
function pathsOf(data: unknown, prefix: PathSegments = []): PathSegments[] {
  const paths = [prefix]
  if (Array.isArray(data)) data.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])))
  else if (typeof data === 'object' && data !== null)
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]))
  return paths
}

/**
 * How the fast reader differs from `yaml` on `text`: [] when it bails out, or when it reads the same data and
 * places every value (and the paths just beside them) where `yaml` does. `limit` caps the paths compared.
 */
function differences(text: string, limit = Infinity): string[] {
  const fast = readFastYaml(text)
  if (fast === undefined) return []
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, logLevel: 'error' })
  if (doc.errors.length > 0) return [`read a file yaml refuses: ${doc.errors[0]?.message ?? ''}`]
  const expected: unknown = doc.toJS()
  if (!isDeepStrictEqual(fast.data, expected))
    return [`data: ${JSON.stringify(fast.data)} ≠ ${JSON.stringify(expected)}`]
  const reference = yamlSource(doc, lineCounter)
  const source = fastSource(fast)
  const found: string[] = []
  for (const path of pathsOf(expected).slice(0, limit)) {
    for (const probe of [path, [...path, 'absent'], [...path, 99999]]) {
      const mine = [source.locate(probe), placeOf(source, probe), valuePlaceOf(source, probe)]
      const theirs = [reference.locate(probe), placeOf(reference, probe), valuePlaceOf(reference, probe)]
      if (!isDeepStrictEqual(mine, theirs))
        found.push(`${JSON.stringify(probe)}: ${JSON.stringify(mine)} ≠ ${JSON.stringify(theirs)}`)
    }
  }
  return found
}

const REPOSITORY = repositoryFiles()
const random = prng(20261129)
const RANDOM = Array.from({ length: 600 }, () => randomFile(random))
const RESTYLED = Array.from({ length: 200 }, () => restyledTenantsFile(random))
const MUTATED = [...RANDOM.slice(0, 150), ...RESTYLED.slice(0, 150)].map(text => mutate(random, text))
const BENCH = [20, 1000].map(count => benchTenantsFile(count))

describe('the fast reader reads what yaml reads, or bails out', () => {
  it.each(REPOSITORY)('%s', (_, text) => {
    expect(differences(text)).toEqual([])
  })

  it('reads the repository’s tenants files and the benchmark’s (no bail-out)', () => {
    const tenantsFiles = REPOSITORY.filter(([path]) => /tenants\.ya?ml$/.test(path))
    expect(tenantsFiles.length).toBeGreaterThanOrEqual(5)
    expect(REPOSITORY.filter(([path]) => /tenants\.ya?ml$/.test(path)).map(([path]) => path)).toContain(
      'test/integration/fixtures/three-customers.tenants.yml'
    )
    for (const [path, text] of tenantsFiles)
      expect([path, readFastYaml(text) === undefined]).toEqual([path, false])
    for (const text of BENCH) expect(readFastYaml(text)).toBeDefined()
  })

  it('on the benchmark’s generated files (20 and 1,000 tenants)', () => {
    for (const text of BENCH) expect(differences(text, 2000)).toEqual([])
  })

  it.each([
    ['random files', RANDOM],
    ['restyled tenants files', RESTYLED],
    ['mutated files', MUTATED]
  ])('on %s', (_, texts) => {
    const found = texts.flatMap((text, i) =>
      differences(text).map(d => `#${i} ${JSON.stringify(text)}\n  ${d}`)
    )
    expect(found).toEqual([])
  })

  it('reads a fair share of the generated files (so the comparisons above compare something)', () => {
    const share = (texts: string[]): number =>
      texts.filter(t => readFastYaml(t) !== undefined).length / texts.length
    expect(share(RANDOM)).toBeGreaterThan(0.15)
    expect(share(RESTYLED)).toBeGreaterThan(0.6)
    expect(share(MUTATED)).toBeGreaterThan(0.05)
  })
})

describe('parseTenantsFile gives what the yaml path alone gives', () => {
  it.each([
    ['repository files', REPOSITORY.map(([, text]) => text)],
    ['benchmark files', BENCH],
    ['restyled tenants files', RESTYLED],
    ['random files', RANDOM],
    ['mutated files', MUTATED]
  ])('on %s', (_, texts) => {
    for (const text of texts) expect(parseTenantsFile(text, 'f.yml')).toEqual(parseWithYaml(text, 'f.yml'))
  })

  it('takes the fast path on a valid file (its result holds positions the yaml path gives too)', () => {
    const text = benchTenantsFile(3)
    const result = parseTenantsFile(text, 'f.yml')
    expect(result.ok).toBe(true)
    expect(result).toEqual(parseWithYaml(text, 'f.yml'))
  })
})

describe('loadTenantsFile gives what the yaml path alone gives', () => {
  const valid = BASE_LINES.join('\n') + '\n'
  it.each([
    ['a file the fast reader reads', valid, true, true],
    [
      'a valid file with an anchor, which it bails out of (the yaml package loads)',
      valid.replace('uniqueName: contoso', 'uniqueName: &name contoso'),
      false,
      true
    ],
    [
      'a valid file with a tag, which it bails out of',
      valid.replace('kind: secret', 'kind: !!str secret'),
      false,
      true
    ],
    [
      'a file with a mistake (read again by the yaml package)',
      valid.replace('role: Reader', 'role: Reeder'),
      true,
      false
    ],
    ['a file with a YAML syntax error', valid.replace('role: Reader', 'role: "Reader'), false, false]
  ])('%s', async (_, text, fastReads, ok) => {
    expect(readFastYaml(text) !== undefined).toBe(fastReads)
    const dir = mkdtempSync(join(tmpdir(), 'etb-fast-yaml-'))
    try {
      writeFileSync(join(dir, 'tenants.yml'), text)
      const loaded = await loadTenantsFile(join(dir, 'tenants.yml'), 'f.yml')
      expect(loaded).toEqual(parseWithYaml(text, 'f.yml'))
      expect(loaded.ok).toBe(ok)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** The base tenants file with one line replaced: valid YAML around the construct under test. */
function withLine(line: number, text: string): string {
  return BASE_LINES.map((original, i) => (i + 1 === line ? text : original)).join('\n') + '\n'
}

describe('the fast reader bails out of', () => {
  it('nothing in the base file itself (so each case below bails for its construct)', () => {
    expect(readFastYaml(BASE_LINES.join('\n') + '\n')).toBeDefined()
    expect(readFastYaml(withLine(7, '    keyVault: kv-provider # a comment'))).toBeDefined()
  })

  it.each([
    ['a flow sequence', withLine(7, '    keyVault: [a, b]')],
    ['a flow sequence with spaces inside', withLine(7, '    keyVault: [ ]')],
    ['a flow sequence over lines', withLine(7, '    keyVault: [\n      ]')],
    ['text after an empty flow sequence', withLine(7, '    keyVault: [] x')],
    ['a flow mapping', withLine(7, '    keyVault: {a: b}')],
    ['brackets inside a plain scalar', withLine(7, '    keyVault: a[0]')],
    ['an anchor', withLine(7, '    keyVault: &v kv-provider')],
    ['an alias', withLine(7, '    keyVault: *v')],
    ['a tag', withLine(7, '    keyVault: !!str kv-provider')],
    ['a literal block scalar', withLine(7, '    keyVault: |')],
    ['a folded block scalar', withLine(7, '    keyVault: >-')],
    ['a multi-line plain scalar', withLine(7, '    keyVault: kv\n      provider')],
    ['a multi-line single-quoted scalar', withLine(7, "    keyVault: 'kv\n      provider'")],
    ['a multi-line double-quoted scalar', withLine(7, '    keyVault: "kv\n      provider"')],
    ['a double-quoted escape other than \\" \\\\ \\/', withLine(7, '    keyVault: "kv\\tprovider"')],
    ['text after a closing quote', withLine(7, "    keyVault: 'kv' provider")],
    ['a comment right after a closing quote', withLine(7, "    keyVault: 'kv'#x")],
    ['a complex key', withLine(7, '    ? keyVault\n    : kv-provider')],
    ['a directive', '%YAML 1.2\n---\n' + BASE_LINES.join('\n')],
    ['a second document', BASE_LINES.join('\n') + '\n---\nmore: x\n'],
    ['a document end marker', BASE_LINES.join('\n') + '\n...\n'],
    ['content after a leading ---', '--- app\n'],
    ['a tab in the indentation', withLine(7, '\tkeyVault: kv-provider')],
    ['a tab after a value', withLine(7, '    keyVault: kv-provider\t')],
    ['a duplicate key', withLine(8, '    keyVault: again')],
    ['a float', withLine(7, '    keyVault: 1.0')],
    ['a float with an exponent', withLine(7, '    keyVault: 1e3')],
    ['an octal integer', withLine(7, '    keyVault: 0o17')],
    ['a hexadecimal integer', withLine(7, '    keyVault: 0x1F')],
    ['infinity', withLine(7, '    keyVault: -.inf')],
    ['not a number', withLine(7, '    keyVault: .NaN')],
    ['a key the core schema reads as a boolean', withLine(7, '    true: kv-provider')],
    ['a key the core schema reads as null', withLine(7, '    null: kv-provider')],
    ['a quoted key', withLine(7, "    'keyVault': kv-provider")],
    ['a key with a space', withLine(7, '    key vault: kv-provider')],
    ['a space before the colon', withLine(7, '    keyVault : kv-provider')],
    ['a key without a space after its colon', withLine(7, '    keyVault:kv-provider')],
    ['a merge key', withLine(7, '    <<: x')],
    ['a __proto__ key', withLine(7, '    __proto__: x')],
    ['a mapping inside a value (a: b: c)', withLine(7, '    keyVault: a: b')],
    ['a value ending in a colon', withLine(7, '    keyVault: a:')],
    ['a sequence in a sequence item (- - x)', withLine(13, '      - - x')],
    ['a plain scalar starting with "-"', withLine(7, '    keyVault: -kv')],
    ['a plain scalar starting with "?"', withLine(7, '    keyVault: ?kv')],
    ['a plain scalar starting with ":"', withLine(7, '    keyVault: :kv')],
    ['a plain scalar starting with "%"', withLine(7, '    keyVault: %kv')],
    ['a plain scalar starting with "@"', withLine(7, '    keyVault: @kv')],
    ['a plain scalar starting with "`"', withLine(7, '    keyVault: `kv')],
    ['a plain scalar starting with ","', withLine(7, '    keyVault: ,kv')],
    ['a deeper line where the mapping continues', withLine(7, '     keyVault: kv-provider')],
    ['a shallower line between levels', withLine(7, '   keyVault: kv-provider')],
    ['a top level that is indented', BASE_LINES.map(line => ' ' + line).join('\n')],
    ['a top level that is a sequence', '- a\n- b\n'],
    ['a top level that is a scalar', 'just text\n'],
    ['an empty file', ''],
    ['a file of comments', '# only\n# comments\n'],
    ['a byte order mark', '\ufeff' + BASE_LINES.join('\n')],
    ['a lone carriage return', withLine(7, '    keyVault: kv\rprovider')],
    ['a control character', withLine(7, '    keyVault: kv\x07provider')],
    ['a line separator', withLine(7, '    keyVault: kv\u2028provider')],
    ['a lone surrogate', withLine(7, '    keyVault: kv\ud800provider')]
  ])('%s', (_, text) => {
    expect(readFastYaml(text)).toBeUndefined()
  })
})

describe('the fast reader reads', () => {
  it.each([
    [
      'core-schema scalars',
      'a: true\nb: False\nc: ~\nd: null\ne:\nf: 42\ng: +7\nh: yes\ni: 017\n',
      { a: true, b: false, c: null, d: null, e: null, f: 42, g: 7, h: 'yes', i: 17 }
    ],
    [
      'quoted scalars',
      `a: 'it''s'\nb: "a\\"b\\\\c\\/d"\nc: ''\nd: 'true'\n`,
      { a: "it's", b: 'a"b\\c/d', c: '', d: 'true' }
    ],
    ['comments and "#" inside values', 'a: b#c\nb: c # d\n# e\nc: "#" # f\n', { a: 'b#c', b: 'c', c: '#' }],
    [
      'a sequence at its key’s column',
      'a:\n- x\n- y: 1\n  z: 2\nb: c\n',
      { a: ['x', { y: 1, z: 2 }], b: 'c' }
    ],
    ['CRLF line ends and a leading ---', '--- # doc\r\na:\r\n  - b\r\n', { a: ['b'] }],
    ['unicode', 'a: é ünïcødé 😀\n', { a: 'é ünïcødé 😀' }],
    ['spaces that YAML does not trim', 'a: b\u00a0\nc: d\u3000 # e\n', { a: 'b\u00a0', c: 'd\u3000' }],
    ['empty flow collections', 'a: []\nb: {} # c\nc:\n  - []\n  - {}\n', { a: [], b: {}, c: [[], {}] }]
  ])('%s', (_, text, data) => {
    expect(readFastYaml(text)?.data).toStrictEqual(data)
    expect(differences(text)).toEqual([])
  })
})
