/**
 * The request log: every request the emulator answered (control API calls excluded), so tests can prove what
 * the action sent — above all that `plan` sends no write.
 *
 * A **write** is a request that asks Azure to change something: POST, PUT, PATCH or DELETE on Microsoft Graph,
 * ARM or Key Vault — counted whether or not it succeeded (an attempt is a write). Token requests (POST to the
 * token endpoint), GitHub OIDC requests, discovery and admin-consent redirects are not writes.
 */
import type { RouteName } from './http.js'

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const RESOURCE_ROUTES = new Set<RouteName>(['graph', 'arm', 'keyvault'])

export interface RequestLogEntry {
  seq: number
  /** emulator clock, ISO 8601 */
  time: string
  method: string
  path: string
  query: string
  route: RouteName
  status: number
  write: boolean
  /** the fault that was injected, if any */
  fault?: string
}

export interface RequestCounts {
  total: number
  writes: number
  byRoute: Record<string, number>
  byMethod: Record<string, number>
  /** `"<route> <METHOD>"` → count */
  byRouteAndMethod: Record<string, number>
}

export function isWrite(route: RouteName, method: string): boolean {
  return RESOURCE_ROUTES.has(route) && WRITE_METHODS.has(method)
}

export class RequestLog {
  private entries: RequestLogEntry[] = []
  private seq = 0

  record(entry: Omit<RequestLogEntry, 'seq' | 'write'>): void {
    this.seq += 1
    this.entries.push({ ...entry, seq: this.seq, write: isWrite(entry.route, entry.method) })
  }

  list(): RequestLogEntry[] {
    return [...this.entries]
  }

  counts(): RequestCounts {
    const counts: RequestCounts = { total: 0, writes: 0, byRoute: {}, byMethod: {}, byRouteAndMethod: {} }
    for (const e of this.entries) {
      counts.total += 1
      if (e.write) counts.writes += 1
      counts.byRoute[e.route] = (counts.byRoute[e.route] ?? 0) + 1
      counts.byMethod[e.method] = (counts.byMethod[e.method] ?? 0) + 1
      const key = `${e.route} ${e.method}`
      counts.byRouteAndMethod[key] = (counts.byRouteAndMethod[key] ?? 0) + 1
    }
    return counts
  }

  reset(): void {
    this.entries = []
  }
}
