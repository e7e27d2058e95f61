/**
 * The partition of the customer tenants over the shards of a matrix run. A tenant belongs to shard
 * `1 + (FNV-1a-32(lower-case tenant id) mod N)`: it depends only on the tenant's id and N, so the same tenant
 * lands in the same shard whatever the order of the tenants file, whatever else is added to it, and on every
 * machine. The hash is FNV-1a, 32 bits, over the id's UTF-8 bytes (http://www.isthe.com/chongo/tech/comp/fnv/).
 */
import type { TenantConfig } from '../model/config.js'

/** One shard of N, numbered from 1 (as a matrix `shard: [1, 2, 3, 4]` numbers them). */
export interface Shard {
  index: number
  count: number
}

/** The whole, as one shard: a run that is not sharded. */
export const WHOLE: Shard = { index: 1, count: 1 }

/** FNV-1a's 32-bit offset basis and prime (the FNV reference above). */
const FNV_OFFSET_BASIS = 0x811c9dc5
const FNV_PRIME = 0x01000193

export function fnv1a32(text: string): number {
  let hash = FNV_OFFSET_BASIS
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, FNV_PRIME) >>> 0
  }
  return hash >>> 0
}

/** The shard (1..count) a tenant id belongs to. */
export function shardOf(tenantId: string, count: number): number {
  return 1 + (fnv1a32(tenantId.toLowerCase()) % count)
}

/** The tenants of one shard, in the order of the tenants file. */
export function tenantsOfShard<T extends Pick<TenantConfig, 'tenantId'>>(
  tenants: readonly T[],
  shard: Shard
): T[] {
  if (shard.count === 1) return [...tenants]
  return tenants.filter(tenant => shardOf(tenant.tenantId, shard.count) === shard.index)
}

/** Parses `i/N` (1 ≤ i ≤ N); undefined when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!match) return undefined
  const index = Number(match[1])
  const count = Number(match[2])
  if (count < 1 || index < 1 || index > count) return undefined
  return { index, count }
}
