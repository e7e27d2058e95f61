/**
 * V8's young generation kept to 16 MiB.
 *
 * V8 doubles the young generation (two semi-spaces) whenever the bytes surviving its scavenges have added up to
 * its size, up to 2 × 32 MiB. A run over many tenants holds many small objects for a moment each — a request in
 * flight per tenant, its answer until the tenant's verdict — and within a second the young generation is at its
 * maximum: 64 MiB of resident memory, a third of the process's peak at 1,000 tenants, for a few MiB of young objects
 * alive at any time. Kept at 16 MiB it costs no more collection time than at 64 (`npm run bench`, N=1,000, C=64:
 * 37 scavenges, 164 ms, against 18 and 153 ms; kept at its initial 2 MiB it took 261 scavenges and 312 ms), and
 * the peak RSS falls from ~180 to ~135 MiB.
 *
 * The runner starts `node dist/index.js` with no flags, so `--max-semi-space-size` cannot be passed, and V8 reads
 * it only when the heap is set up. The growth factor it reads each time it grows the young generation
 * (SemiSpaceNewSpace::Grow in src/heap/new-spaces.cc, https://github.com/v8/v8): once a collection finds the young
 * generation at the limit, the factor is set to 1 and it grows no more. A V8 that ignores it grows as before.
 * https://nodejs.org/api/v8.html#v8setflagsfromstringflags, https://nodejs.org/api/perf_hooks.html#class-performanceobserver
 */
import { PerformanceObserver } from 'node:perf_hooks'
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8'

export const YOUNG_GENERATION_LIMIT = 16 * 2 ** 20

export function keepYoungGenerationSmall(): void {
  const observer = new PerformanceObserver(() => {
    const young = getHeapSpaceStatistics().find(space => space.space_name === 'new_space')
    if (young && young.space_size >= YOUNG_GENERATION_LIMIT) {
      setFlagsFromString('--semi-space-growth-factor=1')
      observer.disconnect()
    }
  })
  observer.observe({ entryTypes: ['gc'] })
}
