/**
 * Run as its own process by test/unit/heap.test.ts (a heap flag is process-wide): allocates the way a run over many
 * tenants does — many small objects, a share of them kept for a while, the event loop turning between answers —
 * then prints the young generation's size in bytes. With the argument `small`, keepYoungGenerationSmall() is
 * called first, as src/index.ts does.
 */
import { setImmediate } from 'node:timers/promises'
import { getHeapSpaceStatistics } from 'node:v8'
import { keepYoungGenerationSmall } from '../../src/heap.js'

if (process.argv[2] === 'small') keepYoungGenerationSmall()

const kept: object[] = []
for (let i = 0; i < 2_000_000; i++) {
  const answer = {
    tenant: `tenant-${i}`,
    status: i % 3 === 0 ? 'consented' : 'needs-consent',
    at: [i, i + 1]
  }
  // A fifth is kept, as a tenant's result is until its verdict; the oldest are let go.
  if (i % 5 === 0) kept.push(answer)
  if (kept.length > 40_000) kept.splice(0, 20_000)
  // An answer arrives: the event loop turns (and delivers what the garbage collector reported).
  if (i % 2_000 === 0) await setImmediate()
}
const young = getHeapSpaceStatistics().find(space => space.space_name === 'new_space')
process.stdout.write(String(young?.space_size ?? -1))
