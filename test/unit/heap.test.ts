/**
 * The young generation stays at its initial size once keepYoungGenerationSmall() has run (src/heap.ts). Each case
 * is its own Node process: a heap flag holds for the whole process, and Jest's would not say what the action's does.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from '@jest/globals'

const MiB = 2 ** 20

function youngGenerationBytes(...args: string[]): number {
  const output = execFileSync(
    process.execPath,
    ['--import', './scripts/ts-loader.mjs', 'test/support/young-generation.ts', ...args],
    { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
  )
  return Number(output)
}

describe('keepYoungGenerationSmall', () => {
  it('keeps the young generation at a few MiB where V8 would grow it many times over', () => {
    const grown = youngGenerationBytes()
    const small = youngGenerationBytes('small')
    // Without it V8 grows the young generation for this allocation pattern; the test means nothing otherwise.
    expect(grown).toBeGreaterThanOrEqual(16 * MiB)
    expect(small).toBeGreaterThan(0)
    expect(small).toBeLessThanOrEqual(4 * MiB)
  })
})
