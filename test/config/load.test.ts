import { describe, it, expect } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { parse } from 'yaml'
import { loadTenantsFile } from '../../src/config/load.js'
import { parseTenantsFile } from '../../src/config/parse.js'
import { schemaValidator } from '../../src/config/schema.js'
import type { TenantsConfig } from '../../src/model/config.js'
import { variant } from './variant.js'

const EXAMPLE_PATH = fileURLToPath(new URL('../../examples/tenants.yml', import.meta.url))
const SCHEMA_PATH = fileURLToPath(new URL('../../schema/tenants.schema.json', import.meta.url))
const SUBSCRIPTION_A = '/subscriptions/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e'
const SUBSCRIPTION_B = '/subscriptions/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9'

const EXPECTED_EXAMPLE: TenantsConfig = {
  file: 'examples/tenants.yml',
  app: {
    uniqueName: 'contoso-provider-access',
    displayName: 'Contoso Provider Access',
    redirectUri: 'https://contoso.example/onboarded',
    credential: {
      kind: 'secret',
      keyVault: 'kv-provider',
      secretName: 'contoso-provider-access',
      lifetimeDays: 90,
      rotateBeforeDays: 30,
      overlapDays: 7,
      position: { line: 16, column: 3 }
    },
    federatedCredentials: [
      {
        name: 'github-main',
        issuer: 'https://token.actions.githubusercontent.com',
        subject: 'repo:contoso/tenant-onboarding:environment:production',
        audiences: ['api://AzureADTokenExchange'],
        description: 'Deployments from the tenant-onboarding repository',
        position: { line: 34, column: 7 }
      }
    ],
    position: { line: 7, column: 1 }
  },
  tenants: [
    {
      name: 'Fabrikam',
      tenantId: '7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b',
      roleAssignments: [
        {
          scope: `${SUBSCRIPTION_A}/resourceGroups/rg-shared`,
          role: 'Reader',
          roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
          position: { line: 55, column: 9 }
        },
        {
          scope: `${SUBSCRIPTION_A}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-cmk`,
          role: 'Key Vault Crypto Service Encryption User',
          roleDefinitionId: 'e147488a-f6f5-4113-8e2d-b22465e65bf6',
          position: { line: 58, column: 9 }
        },
        {
          scope: `${SUBSCRIPTION_A}/resourceGroups/rg-shared/providers/Microsoft.KeyVault/vaults/kv-fabrikam`,
          role: 'Key Vault Secrets User',
          roleDefinitionId: '4633458b-17de-408a-b874-0445c86b69e6',
          position: { line: 61, column: 9 }
        }
      ],
      probes: [
        {
          kind: 'keyVault',
          keyVault: 'kv-fabrikam',
          secret: 'provider-check',
          position: { line: 65, column: 9 }
        },
        { kind: 'arm', arm: `${SUBSCRIPTION_A}/resourceGroups/rg-shared`, position: { line: 67, column: 9 } }
      ],
      prune: true,
      position: { line: 49, column: 5 }
    },
    {
      name: 'Northwind Traders',
      tenantId: '3c9d8e7f-1a2b-4c3d-9e8f-7a6b5c4d3e2f',
      onboarding: true,
      roleAssignments: [
        {
          scope: SUBSCRIPTION_B,
          role: 'Reader',
          roleDefinitionId: 'acdd72a7-3385-48ef-bd42-f606fba81ae7',
          position: { line: 77, column: 9 }
        },
        {
          scope: `${SUBSCRIPTION_B}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stnorthwind`,
          role: '9d1c3f2a-6b7e-4a8d-b5c6-1e2f3a4b5c6d',
          roleDefinitionId: '9d1c3f2a-6b7e-4a8d-b5c6-1e2f3a4b5c6d',
          position: { line: 80, column: 9 }
        }
      ],
      position: { line: 70, column: 5 }
    }
  ]
}

describe('roles', () => {
  it('takes any built-in role by name, and an unknown name far from every built-in one as a custom role', () => {
    const text = readFileSync(EXAMPLE_PATH, 'utf8')
      .replace('role: Key Vault Secrets User', 'role: storage blob data reader')
      .replace('role: 9d1c3f2a-6b7e-4a8d-b5c6-1e2f3a4b5c6d', 'role: Contoso Storage Auditor (custom)')
    const result = parseTenantsFile(text, 'examples/tenants.yml')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.tenants[0]?.roleAssignments[2]?.roleDefinitionId).toBe(
      '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
    )
    // Resolved in the customer tenant by its name (RoleDefinitions – List with a roleName filter).
    expect(result.config.tenants[1]?.roleAssignments[1]).toMatchObject({
      role: 'Contoso Storage Auditor (custom)',
      roleDefinitionId: ''
    })
  })
})

describe('the example tenants file', () => {
  const text = readFileSync(EXAMPLE_PATH, 'utf8')

  it('parses to the expected typed config, with each element at its line', () => {
    expect(parseTenantsFile(text, 'examples/tenants.yml')).toEqual({ ok: true, config: EXPECTED_EXAMPLE })
  })

  it('points editors at the published schema', () => {
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/tenants.schema.json')
  })
})

describe('the published schema', () => {
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>

  it('is a valid draft 2020-12 schema that accepts the example, for the action and for a generic validator', () => {
    // A generic validator, as an editor uses the schema: errorMessage is an unknown keyword to it.
    const generic = new Ajv2020({ strict: false, allErrors: true })
    expect(generic.validateSchema(schema)).toBe(true)
    const example = parse(readFileSync(EXAMPLE_PATH, 'utf8')) as unknown
    for (const validate of [schemaValidator(), generic.compile(schema)]) {
      expect(validate(example)).toBe(true)
      expect(validate.errors ?? []).toEqual([])
    }
  })

  it('rejects what the loader rejects at the schema level, for a generic validator too', () => {
    const validate = new Ajv2020({ strict: false }).compile(schema)
    const bad = parse(variant({ 11: '    tenantId: fabrikam.com' })) as unknown
    expect(validate(bad)).toBe(false)
  })

  it('words every field beside its schema: each text field, and each required key of each object', () => {
    const gaps: string[] = []
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return
      const schemaNode = node as Record<string, unknown>
      const words = schemaNode.errorMessage as string | { required?: Record<string, string> } | undefined
      // Editors show a string errorMessage when a pattern fails; the action frames it as "<path> must be …".
      if (schemaNode.type === 'string' || schemaNode.type === 'integer' || 'enum' in schemaNode) {
        if (typeof words !== 'string') gaps.push(`${path}: errorMessage text`)
      }
      for (const key of (schemaNode.required as string[] | undefined) ?? []) {
        if (typeof words !== 'object' || typeof words.required?.[key] !== 'string') {
          gaps.push(`${path}: errorMessage.required.${key}`)
        }
      }
      const properties = schemaNode.properties as Record<string, unknown> | undefined
      for (const [name, property] of Object.entries(properties ?? {}))
        visit(property, `${path}/properties/${name}`)
      for (const key of ['items', 'then']) visit(schemaNode[key], `${path}/${key}`)
    }
    visit(schema, '#')
    expect(gaps).toEqual([])
  })

  it('gives every property a title and a description, and closes every object', () => {
    const gaps: string[] = []
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return
      const schemaNode = node as Record<string, unknown>
      if (schemaNode.type === 'object' && path.split('/').at(-2) !== 'if' && !path.includes('/if/')) {
        if (schemaNode.additionalProperties !== false) gaps.push(`${path}: additionalProperties`)
      }
      const properties = schemaNode.properties as Record<string, unknown> | undefined
      for (const [name, property] of Object.entries(properties ?? {})) {
        const inCondition = path.includes('/if') || path.includes('/then')
        const p = property as Record<string, unknown>
        if (!inCondition && (typeof p.title !== 'string' || typeof p.description !== 'string')) {
          gaps.push(`${path}/${name}: title or description`)
        }
        visit(property, `${path}/properties/${name}`)
      }
      for (const key of ['items', 'if', 'then']) visit(schemaNode[key], `${path}/${key}`)
    }
    visit(schema, '#')
    expect(gaps).toEqual([])
  })
})

describe('parseTenantsFile normalises what it returns', () => {
  it('lower-cases tenant ids and role GUIDs, drops one trailing slash, and resolves role names case-insensitively', () => {
    const text = variant({
      11: '    tenantId: 7F3A2C1E-5B4D-4E6F-8A9B-0C1D2E3F4A5B',
      13: `      - scope: ${SUBSCRIPTION_A}/`,
      14: [
        '        role: key vault secrets user',
        '      - scope: /providers/Microsoft.Management/managementGroups/contoso-root',
        '        role: ACDD72A7-3385-48EF-BD42-F606FBA81AE7'
      ]
    })
    const result = parseTenantsFile(text, 'tenants.yml')
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    const [tenant] = result.config.tenants
    expect(tenant?.tenantId).toBe('7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b')
    expect(tenant?.roleAssignments.map(a => [a.scope, a.role, a.roleDefinitionId])).toEqual([
      [SUBSCRIPTION_A, 'key vault secrets user', '4633458b-17de-408a-b874-0445c86b69e6'],
      [
        '/providers/Microsoft.Management/managementGroups/contoso-root',
        'ACDD72A7-3385-48EF-BD42-F606FBA81AE7',
        'acdd72a7-3385-48ef-bd42-f606fba81ae7'
      ]
    ])
  })

  it('applies the default secret lifetime and rotation threshold, and accepts an empty tenant list', () => {
    const result = parseTenantsFile(
      variant({ 9: 'tenants: []', 10: null, 11: null, 12: null, 13: null, 14: null }),
      'f'
    )
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.config.tenants).toEqual([])
    expect(result.config.app.federatedCredentials).toEqual([])
    expect(result.config.app.credential).toMatchObject({
      kind: 'secret',
      lifetimeDays: 90,
      rotateBeforeDays: 30
    })
  })

  it('reads a federated-only app without any Key Vault', () => {
    const text = variant({
      6: '    kind: federated',
      7: null,
      8: [
        '  federatedCredentials:',
        '    - name: github-main',
        '      issuer: https://token.actions.githubusercontent.com',
        '      subject: repo:contoso/tenant-onboarding:environment:production'
      ]
    })
    const result = parseTenantsFile(text, 'f')
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.config.app.credential).toEqual({ kind: 'federated', position: { line: 5, column: 3 } })
    expect(result.config.app.federatedCredentials[0]).not.toHaveProperty('audiences')
  })

  it('accepts a vault URL (with a port, as a local emulator serves it) and http://localhost redirects', () => {
    const text = variant({
      4: '  redirectUri: http://localhost:3000/onboarded',
      7: '    keyVault: https://127.0.0.1:8443/'
    })
    const result = parseTenantsFile(text, 'f')
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    expect(result.config.app.redirectUri).toBe('http://localhost:3000/onboarded')
    expect(result.config.app.credential).toMatchObject({ keyVault: 'https://127.0.0.1:8443/' })
  })
})

describe('loadTenantsFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tenants-'))

  it('reads and parses the file, naming it by its display path', async () => {
    const path = join(dir, 'tenants.yml')
    writeFileSync(path, variant({ 11: '    tenantId: fabrikam.com' }))
    const result = await loadTenantsFile(path, '.github/tenants.yml')
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: '.github/tenants.yml',
          line: 11,
          column: 15,
          message:
            'tenants[0].tenantId must be a GUID like 7f3a2c1e-5b4d-4e6f-8a9b-0c1d2e3f4a5b, got "fabrikam.com"'
        }
      ]
    })
  })

  it('reports a missing file as one problem at line 1 that says how to fix it', async () => {
    const result = await loadTenantsFile(join(dir, 'absent.yml'), '.github/tenants.yml')
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: '.github/tenants.yml',
          line: 1,
          column: 1,
          message:
            'the tenants file does not exist — create it (see examples/tenants.yml) or set the tenants-file input to its path'
        }
      ]
    })
  })

  it('reports a directory in place of the file', async () => {
    const result = await loadTenantsFile(dir)
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: dir,
          line: 1,
          column: 1,
          message:
            'the tenants file cannot be read (EISDIR) — make sure it is a readable file, or set the tenants-file input to its path'
        }
      ]
    })
  })

  it('loads the example', async () => {
    const result = await loadTenantsFile(EXAMPLE_PATH, 'examples/tenants.yml')
    expect(result).toEqual({ ok: true, config: EXPECTED_EXAMPLE })
  })
})

describe('files saved by other editors', () => {
  const fixture = readFileSync(new URL('./fixtures/five-mistakes.yml', import.meta.url), 'utf8')
  const placesOf = (text: string): number[][] => {
    const result = parseTenantsFile(text, 'f')
    return result.ok ? [] : result.problems.map(p => [p.line, p.column])
  }

  it('places problems the same with Windows line endings and a byte-order mark', () => {
    const expected = placesOf(fixture)
    expect(expected).toHaveLength(5)
    expect(placesOf(fixture.replace(/\n/g, '\r\n'))).toEqual(expected)
    expect(placesOf(`\uFEFF${fixture}`)).toEqual(expected)
  })
})

describe('a tenants file that is not UTF-8', () => {
  it('is refused at the line and column of the first byte that is not, before anything else is read', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'tenants-latin1-'))
    try {
      const file = join(dir, 'tenants.yml')
      // "Müller" saved as Latin-1: 0xFC is no UTF-8.
      const latin1 = Buffer.concat([
        Buffer.from('app:\n  uniqueName: x\ntenants:\n  - name: M', 'utf8'),
        Buffer.from([0xfc]),
        Buffer.from('ller\n', 'utf8')
      ])
      writeFileSync(file, latin1)
      expect(await loadTenantsFile(file, '.github/tenants.yml')).toEqual({
        ok: false,
        problems: [
          {
            file: '.github/tenants.yml',
            line: 4,
            column: 12,
            message: 'the tenants file is not valid UTF-8 (byte 0xfc at line 4, column 12) — save it as UTF-8'
          }
        ]
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('finds the first bad byte after multi-byte characters, and nothing in a valid file', async () => {
    const { firstInvalidUtf8 } = await import('../../src/config/load.js')
    expect(firstInvalidUtf8(Buffer.from('naïve — ok\n', 'utf8'))).toBeUndefined()
    const text = Buffer.concat([Buffer.from('a\nné ', 'utf8'), Buffer.from([0xc3, 0x28])])
    expect(firstInvalidUtf8(text)).toEqual({ line: 2, column: 4, byte: 0xc3 })
  })
})
