/**
 * The young generation kept at its initial size.
 *
 * V8 doubles the young generation (two semi-spaces) whenever the bytes surviving its scavenges have added up to
 * its size, up to 2 × 32 MiB. A run over many tenants holds many small objects for a moment each — a request in
 * flight per tenant, its answer until the tenant's verdict — and within a second the young generation is at its
 * maximum: 64 MiB of resident memory, a third of the process's peak at 1,000 tenants, for a few MiB of young objects
 * alive at any time. With a growth factor of 1 it stays at its initial size, and what survives moves to the old
 * generation, where it takes the room it needs. `npm run bench` (N=1,000): peak RSS 176–222 → 135–139 MiB, the
 * same wall and CPU time within noise.
 *
 * The runner starts `node dist/index.js` with no flags, so `--max-semi-space-size` cannot be passed; V8 reads the
 * growth factor each time it grows the young generation (SemiSpaceNewSpace::Grow in src/heap/new-spaces.cc,
 * https://github.com/v8/v8), so setting it as the process starts is enough. A V8 that ignores it grows as before.
 * https://nodejs.org/api/v8.html#v8setflagsfromstringflags
 */
import { setFlagsFromString } from 'node:v8'

export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
}
