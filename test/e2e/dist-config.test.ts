/**
 * The committed bundle loads the `yaml` package only for a tenants file the fast reader does not read: the fast
 * reader's chunk holds no YAML parser, and reaches the parser's chunk only through a dynamic import.
 */
import { describe, expect, it } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'

const dist = new URL('../../dist/', import.meta.url)
const chunks = readdirSync(dist)
  .filter(name => name.endsWith('.js'))
  .map(name => ({ name, text: readFileSync(new URL(name, dist), 'utf8') }))

/** A string of the fast reader's that minification keeps (its bail-out marker's description). */
const FAST_READER = 'outside the fast subset'
/** A message of the `yaml` package's own (https://github.com/eemeli/yaml, src/nodes/addPairToJSMap.ts). */
const YAML_PACKAGE = 'Keys with collection values will be stringified'

describe('dist/ and the tenants file', () => {
  const fast = chunks.filter(chunk => chunk.text.includes(FAST_READER))
  const yaml = chunks.filter(chunk => chunk.text.includes(YAML_PACKAGE))

  it('holds the fast reader and the yaml package in different chunks', () => {
    expect(fast.map(chunk => chunk.name)).toHaveLength(1)
    expect(yaml.map(chunk => chunk.name)).toHaveLength(1)
    expect(fast[0]?.name).not.toBe(yaml[0]?.name)
    expect(fast[0]?.name).not.toBe('index.js')
  })

  it('loads the yaml chunk from the fast reader’s only by a dynamic import (webpack’s chunk loading)', () => {
    const yamlId = yaml[0]?.name.replace(/\.index\.js$/, '') ?? ''
    const loads = fast[0]?.text.match(new RegExp(`\\.e\\(${yamlId}\\)`, 'g')) ?? []
    expect(loads.length).toBeGreaterThan(0)
    // Nothing else asks for it: not the entry (which loads the fast reader's chunk), not any other chunk.
    const others = chunks.filter(
      chunk => chunk !== fast[0] && new RegExp(`\\.e\\(${yamlId}\\)`).test(chunk.text)
    )
    expect(others.map(chunk => chunk.name)).toEqual([])
    expect(chunks.find(chunk => chunk.name === 'index.js')?.text).toMatch(
      new RegExp(`\\.e\\(${fast[0]?.name.replace(/\.index\.js$/, '') ?? ''}\\)`)
    )
  })
})
