import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  DECLARATION_PATH,
  VALIDATOR_DECLARATION_PATH,
  VALIDATOR_PATH,
  expectedDeclaration,
  expectedValidator,
  expectedValidatorDeclaration
} from './schema-declaration.js'

describe('the schema’s generated declaration', () => {
  it('matches schema/tenants.schema.json (run npm run schema:declare after editing the schema)', async () => {
    expect(readFileSync(DECLARATION_PATH, 'utf8')).toBe(await expectedDeclaration())
  })
})

describe('the schema’s precompiled validator', () => {
  it('is what ajv compiles from schema/tenants.schema.json today (run npm run schema:declare after editing it)', async () => {
    expect(readFileSync(VALIDATOR_PATH, 'utf8')).toBe(await expectedValidator())
    expect(readFileSync(VALIDATOR_DECLARATION_PATH, 'utf8')).toBe(await expectedValidatorDeclaration())
  })

  it('needs only ajv’s runtime helpers, never its compiler', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8')
    expect(code).not.toMatch(/\brequire\(/)
    const imports = [...code.matchAll(/^import .* from '([^']+)'/gm)].map(match => match[1])
    expect(imports.length).toBeGreaterThan(0)
    for (const module of imports) expect(module).toMatch(/^ajv\/dist\/runtime\/\w+\.js$/)
  })
})
