/**
 * The tenants file, from text to a typed configuration: YAML syntax, then the schema, then the checks across
 * entries. Every mistake is reported at once, at its line and column, before anything talks to Azure.
 *
 * Files written in the plain subset of YAML that `fast-yaml.ts` reads are read by it; anything else, and any file
 * with a mistake in it, is read again by the `yaml` package, so every message and position comes from the
 * reference reader. The `yaml` package loads only then: a valid file never compiles it (`parse.ts` is the
 * synchronous whole, for tests and callers that hold the text).
 */
import { readFile } from 'node:fs/promises'
import { fastSource, readFastYaml } from './fast-yaml.js'
import { validated } from './validate.js'
import type { LoadResult } from '../model/config.js'

/** The configuration from the fast reader, or undefined when it bails out or the file has any finding at all. */
export function parseWithFastReader(text: string, file: string): LoadResult | undefined {
  const read = readFastYaml(text)
  if (read === undefined) return undefined
  const result = validated(read.data, fastSource(read), file)
  return result.ok ? result : undefined
}

/** Reads the file (a missing/unreadable file is one problem at line 1 with a how-to-fix message) and parses it. */
export async function loadTenantsFile(path: string, displayPath: string = path): Promise<LoadResult> {
  let text: string
  try {
    const bytes = await readFile(path)
    const undecodable = firstInvalidUtf8(bytes)
    if (undecodable !== undefined) {
      const { line, column } = undecodable
      const message = `the tenants file is not valid UTF-8 (byte 0x${undecodable.byte.toString(16).padStart(2, '0')} at line ${line}, column ${column}) — save it as UTF-8`
      return { ok: false, problems: [{ file: displayPath, line, column, message }] }
    }
    text = bytes.toString('utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT'
        ? 'the tenants file does not exist — create it (see examples/tenants.yml) or set the tenants-file input to its path'
        : `the tenants file cannot be read (${code ?? 'unknown error'}) — make sure it is a readable file, or set the tenants-file input to its path`
    return { ok: false, problems: [{ file: displayPath, line: 1, column: 1, message }] }
  }
  return (
    parseWithFastReader(text, displayPath) ??
    (await import('./yaml-parse.js')).parseWithYaml(text, displayPath)
  )
}

/**
 * Where the first byte that is not UTF-8 stands (1-based line and column, in characters), or undefined when the
 * whole file decodes. A lenient decode would turn it into U+FFFD and carry on — with a tenant name or a scope
 * that is not what the reviewer saw.
 */
export function firstInvalidUtf8(bytes: Buffer): { line: number; column: number; byte: number } | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return undefined
  } catch {
    // Find the longest prefix that decodes; the byte after it is the first bad one.
    let good = 0
    let bad = bytes.length
    while (good + 1 < bad) {
      const middle = (good + bad) >> 1
      if (decodesAsPrefix(bytes.subarray(0, middle))) good = middle
      else bad = middle
    }
    // The bad byte ends the longest prefix that decodes; a sequence it cut short starts the trouble.
    let offset = decodesAsPrefix(bytes.subarray(0, bad)) ? bad : good
    while (offset > 0 && !decodesWhole(bytes.subarray(0, offset))) offset--
    const before = bytes.subarray(0, offset).toString('utf8')
    const lines = before.split('\n')
    return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1, byte: bytes[offset] ?? 0 }
  }
}

function decodesWhole(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/** Whether these bytes are valid UTF-8 so far (a sequence cut off at the end may still complete). */
function decodesAsPrefix(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}
