import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { closestMatch, editDistance, explainKeyVault, explainScope } from '../../src/config/rules.js'
import { parseTenantsFile } from '../../src/config/parse.js'
import { variant } from './variant.js'

interface SchemaNode {
  pattern?: string
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
}

const schema = JSON.parse(
  readFileSync(new URL('../../schema/tenants.schema.json', import.meta.url), 'utf8')
) as SchemaNode

/** The schema's pattern at a property path, compiled as ajv compiles it (unicode mode). */
function schemaPattern(...path: string[]): RegExp {
  let node: SchemaNode | undefined = schema
  for (const step of path) node = step === '*' ? node?.items : node?.properties?.[step]
  if (node?.pattern === undefined) throw new Error(`no pattern at ${path.join('.')}`)
  return new RegExp(node.pattern, 'u')
}

const SUB = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'

const SCOPES: [string, boolean][] = [
  [SUB, true],
  [`${SUB}/`, true],
  [`${SUB}/resourceGroups/rg-shared`, true],
  [`${SUB}/resourceGroups/rg_(shared).v2`, true],
  [`${SUB}/resourceGroups/${'r'.repeat(90)}`, true],
  [`${SUB}/resourceGroups/${'r'.repeat(91)}`, false],
  [`${SUB}/resourceGroups/rg.`, false],
  [`${SUB}/resourceGroups/rg shared`, false],
  [`${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-cmk`, true],
  [`${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-cmk/`, true],
  [`${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default`, true],
  [`${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults`, false],
  [`${SUB}/resourceGroups/rg/providers/KeyVault/vaults/kv`, false],
  [`${SUB}/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv cmk`, false],
  [`${SUB}/resourceGroups/rg/vaults/kv`, false],
  [`${SUB}/resourceGroups`, false],
  [`${SUB}/resourcegroups/rg`, false],
  [`${SUB}//`, false],
  [`${SUB}/providers/Microsoft.KeyVault/vaults/kv`, false],
  ['/subscriptions/not-a-guid', false],
  ['/subscriptions', false],
  ['/Subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', false],
  ['subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', false],
  ['/providers/Microsoft.Management/managementGroups/contoso-root', true],
  ['/providers/Microsoft.Management/managementGroups/contoso-root/', true],
  ['/providers/Microsoft.Management/managementGroups/root.', false],
  ['/providers/Microsoft.Management/managementGroups', false],
  ['/providers/Microsoft.Management/managementGroups/a/b', false],
  ['/providers/Microsoft.Authorization/roleDefinitions/x', false],
  ['/', false],
  ['', false]
]

describe('explainScope', () => {
  const pattern = schemaPattern('tenants', '*', 'roleAssignments', '*', 'scope')

  it.each(SCOPES)('%s is %s under both the schema pattern and the explanation', (scope, valid) => {
    expect(pattern.test(scope)).toBe(valid)
    // Every scope the schema rejects gets a specific reason; every scope it accepts gets none.
    expect(explainScope(scope) === undefined).toBe(valid)
  })
})

const VAULTS: [string, boolean][] = [
  ['kv-provider', true],
  ['abc', true],
  ['a'.repeat(24), true],
  ['a'.repeat(25), false],
  ['ab', false],
  ['1kv', false],
  ['kv-', false],
  ['kv--provider', false],
  ['kv_provider', false],
  ['https://kv-provider.vault.azure.net', true],
  ['https://kv-provider.vault.azure.net/', true],
  ['https://127.0.0.1:8443/', true],
  ['https://kv-provider.vault.azure.net/secrets', false],
  ['https://kv-provider.vault.azure.net/?x=1', false],
  ['http://kv-provider.vault.azure.net/', false]
]

describe('explainKeyVault', () => {
  const pattern = schemaPattern('app', 'credential', 'keyVault')

  it.each(VAULTS)('%s is %s under both the schema pattern and the explanation', (vault, valid) => {
    expect(pattern.test(vault)).toBe(valid)
    expect(explainKeyVault(vault) === undefined).toBe(valid)
  })
})

describe('closestMatch', () => {
  it('suggests a key that differs by case or a short typo, and nothing for an unrelated word', () => {
    expect(closestMatch('tenantID', ['name', 'tenantId', 'roleAssignments'])).toBe('tenantId')
    expect(closestMatch('roleAssignment', ['name', 'tenantId', 'roleAssignments'])).toBe('roleAssignments')
    expect(closestMatch('condition', ['scope', 'role'])).toBeUndefined()
  })

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('same', 'same')).toBe(0)
  })
})

describe('one mistake, one message', () => {
  it('reports a value that breaks two schema rules once', () => {
    // Both the https:// pattern and the 600-character limit reject this issuer.
    const issuer = `http://issuer.example/${'x'.repeat(600)}`
    const text = variant({
      8: [
        '    secretName: contoso-provider-access',
        '  federatedCredentials:',
        '    - name: github-main',
        `      issuer: ${issuer}`,
        '      subject: repo:contoso/x:ref:refs/heads/main'
      ]
    })
    const result = parseTenantsFile(text, 'f')
    if (result.ok) throw new Error('expected a problem')
    expect(result.problems.map(p => [p.line, p.column])).toEqual([[11, 15]])
    expect(result.problems[0]?.message).toMatch(
      /^app\.federatedCredentials\[0\]\.issuer must be an https:\/\/ URL/
    )
  })

  it('does not add cross-entry findings for values the schema already rejected', () => {
    const text = variant({
      14: ['        role: Reader', '  - name: Fabrikam EU', '    tenantId: fabrikam.com'],
      11: '    tenantId: fabrikam.com'
    })
    const result = parseTenantsFile(text, 'f')
    if (result.ok) throw new Error('expected problems')
    expect(result.problems.map(p => p.line)).toEqual([11, 16])
  })

  it('reports values reached through a YAML alias at the alias', () => {
    const text = variant({
      13: `      - scope: &rg /subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e/resourceGroups/rg-shared`,
      14: ['        role: Reader', '      - scope: *rg', '        role: reader']
    })
    const result = parseTenantsFile(text, 'f')
    if (result.ok) throw new Error('expected a problem')
    expect(result.problems).toEqual([
      {
        file: 'f',
        line: 15,
        column: 9,
        message:
          'tenants[0].roleAssignments[1] repeats tenants[0].roleAssignments[0] at line 13 — the same role at the same scope; remove one'
      }
    ])
  })
})

describe('alias expansion', () => {
  it('refuses a file whose aliases multiply into a flood of values, without expanding them', () => {
    // Nine levels of ten aliases each stand for 10^9 values ("billion laughs").
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level)
      const previous = String.fromCharCode(96 + level)
      rows.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`)
    }
    const started = Date.now()
    const result = parseTenantsFile(rows.join('\n') + '\n', 'f')
    expect(Date.now() - started).toBeLessThan(2000)
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: 'f',
          line: 1,
          column: 1,
          message: 'the file’s aliases (*name) expand into too many values — write the entries out instead'
        }
      ]
    })
  })
})
