/**
 * The young generation stays within its limit once keepYoungGenerationSmall() has run (src/heap.ts). Each case is
 * its own Node process: a heap flag holds for the whole process, and Jest's would not say what the action's does.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'
import { YOUNG_GENERATION_LIMIT } from '../../src/heap.js'

function youngGenerationBytes(...args: string[]): number {
  const output = execFileSync(
    process.execPath,
    ['--import', './scripts/ts-loader.mjs', 'test/support/young-generation.ts', ...args],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
  )
  return Number(output)
}

describe('keepYoungGenerationSmall', () => {
  it('stops the young generation at its limit where V8 would grow it to its maximum', () => {
    const grown = youngGenerationBytes()
    const small = youngGenerationBytes('small')
    // Without it V8 grows the young generation past the limit for this allocation pattern; the test means nothing
    // otherwise.
    expect(grown).toBeGreaterThanOrEqual(2 * YOUNG_GENERATION_LIMIT)
    expect(small).toBeGreaterThan(0)
    expect(small).toBeLessThanOrEqual(YOUNG_GENERATION_LIMIT)
  })
})
