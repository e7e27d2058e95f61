/**
 * Tenants-file text to a typed configuration, synchronously: the fast reader, else the `yaml` package (see
 * `load.ts`, which reads the file and loads the `yaml` package only when the fast reader does not suffice).
 */
import { parseWithFastReader } from './load.js'
import { parseWithYaml } from './yaml-parse.js'
import type { LoadResult } from '../model/config.js'

/** Parses and validates tenants-file text. Pure: no file system, no network. */
export function parseTenantsFile(text: string, file: string): LoadResult {
  return parseWithFastReader(text, file) ?? parseWithYaml(text, file)
}
