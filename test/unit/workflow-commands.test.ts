/**
 * The cold path's workflow commands (src/workflow-commands.ts) write what @actions/core writes, byte for byte, so
 * an input or tenants-file mistake reads the same in the log and the annotations whichever of the two reports it.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import * as core from '@actions/core'
import * as commands from '../../src/workflow-commands.js'

const MESSAGES = [
  'plain',
  '',
  'per cent % and 100%25 already',
  'two\nlines\r\nand a carriage return',
  'colons: a::b, commas, and ::error:: inside',
  'tenants[0].roleAssignments[1].scope must be …, got "/subscriptions/x"'
]

const PLACES: commands.AnnotationProperties[] = [
  {},
  { title: 'Tenants file', file: '.github/tenants.yml', startLine: 11, startColumn: 5 },
  { title: 'a title: with, commas\nand a newline %', file: 'dir,name/t:x.yml', startLine: 1 },
  { title: undefined, file: 'f.yml', startLine: 0, startColumn: 0 },
  { title: undefined },
  { startLine: 3, endLine: 4, startColumn: 1, endColumn: 9 }
]

let written: string[]
const originalWrite = process.stdout.write.bind(process.stdout)

/** What one call writes to stdout, and the exit code it leaves. */
function capture(call: () => void): { out: string; exitCode: typeof process.exitCode } {
  written = []
  process.exitCode = undefined
  call()
  const result = { out: written.join(''), exitCode: process.exitCode }
  process.exitCode = undefined
  return result
}

beforeEach(() => {
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk))
    return true
  }) as typeof process.stdout.write
})
afterEach(() => {
  process.stdout.write = originalWrite
})

describe('workflow commands without @actions/core', () => {
  it.each(MESSAGES)('error, setFailed, info and debug write what @actions/core writes: %j', message => {
    for (const properties of PLACES) {
      expect(capture(() => commands.error(message, properties))).toEqual(
        capture(() => core.error(message, properties))
      )
    }
    expect(capture(() => commands.error(message))).toEqual(capture(() => core.error(message)))
    const failed = capture(() => commands.setFailed(message))
    expect(failed).toEqual(capture(() => core.setFailed(message)))
    expect(failed.exitCode).toBe(1)
    expect(capture(() => commands.info(message))).toEqual(capture(() => core.info(message)))
    expect(capture(() => commands.debug(message))).toEqual(capture(() => core.debug(message)))
  })

  it('writes the documented annotation form', () => {
    expect(capture(() => commands.error('a\nb', PLACES[1])).out).toBe(
      '::error title=Tenants file,file=.github/tenants.yml,line=11,col=5::a%0Ab\n'
    )
  })

  describe('getInput', () => {
    const saved = { ...process.env }
    afterEach(() => {
      process.env = { ...saved }
    })

    it('reads an input as @actions/core does: INPUT_<NAME>, spaces as _, upper case, trimmed', () => {
      process.env['INPUT_CLIENT-ID'] = '  11111111-2222-4333-8444-555555555555 \n'
      process.env['INPUT_SHARD_REPORTS'] = 'x'
      process.env['INPUT_MODE'] = ''
      for (const name of ['client-id', 'Client-Id', 'shard reports', 'mode', 'not-set']) {
        expect(commands.getInput(name)).toBe(core.getInput(name))
      }
      expect(commands.getInput('client-id')).toBe('11111111-2222-4333-8444-555555555555')
      expect(commands.getInput('shard reports')).toBe('x')
      expect(commands.getInput('not-set')).toBe('')
    })
  })
})
