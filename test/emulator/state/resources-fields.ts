/** Field readers for the resource sections of a scenario: each error names the field by its path. */
import { GUID } from './resources-scope.js'

export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path}: expected an object, got ${describe(value)}`)
  }
  return value as Record<string, unknown>
}

export function list(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) throw new Error(`${path}: expected a list, got ${describe(value)}`)
  return value
}

export function text(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '')
    throw new Error(`${path}: expected a non-empty string, got ${describe(value)}`)
  return value
}

export function optionalText(value: unknown, path: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, path)
}

export function guid(value: unknown, path: string): string {
  const s = text(value, path)
  if (!GUID.test(s)) throw new Error(`${path}: '${s}' is not a GUID`)
  return s.toLowerCase()
}

export function flag(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`${path}: expected true or false, got ${describe(value)}`)
  return value
}

/** Key Vault times are unix seconds (https://learn.microsoft.com/rest/api/keyvault/secrets); scenarios may also write ISO-8601. */
export function unixSeconds(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value
  if (value instanceof Date) return Math.floor(value.getTime() / 1000)
  if (typeof value === 'string') {
    const ms = Date.parse(value)
    if (!Number.isNaN(ms)) return Math.floor(ms / 1000)
  }
  throw new Error(`${path}: expected unix seconds or an ISO-8601 date, got ${describe(value)}`)
}

export function stringMap(value: unknown, path: string): Record<string, string> {
  const rec = record(value, path)
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(rec)) {
    if (typeof v !== 'string') throw new Error(`${path}.${k}: expected a string, got ${describe(v)}`)
    out[k] = v
  }
  return out
}

export function onlyKeys(rec: Record<string, unknown>, allowed: readonly string[], path: string): void {
  const unknown = Object.keys(rec).filter(k => !allowed.includes(k))
  if (unknown.length > 0) {
    throw new Error(`${path}: unknown field '${unknown[0]}' (expected one of ${allowed.join(', ')})`)
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'string' ? `'${value}'` : typeof value
}
