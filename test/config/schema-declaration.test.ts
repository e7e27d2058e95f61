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

  it('is plain ESM that needs neither ajv nor anything else at run time', () => {
    const code = readFileSync(VALIDATOR_PATH, 'utf8')
    expect(code).not.toMatch(/\brequire\(|^import /m)
  })
})
