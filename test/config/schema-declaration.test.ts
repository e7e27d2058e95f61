import { describe, it, expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { DECLARATION_PATH, expectedDeclaration } from './schema-declaration.js'

describe('the schema’s generated declaration', () => {
  it('matches schema/tenants.schema.json (run npm run schema:declare after editing the schema)', async () => {
    expect(readFileSync(DECLARATION_PATH, 'utf8')).toBe(await expectedDeclaration())
  })
})
