/**
 * Preloaded into the action's process by `npm run bench` (NODE_OPTIONS=--import): on exit it writes what the
 * process itself knows — peak RSS, CPU time, and when it first opened a network connection — to BENCH_PROBE_FILE.
 * It changes nothing the action does; the bench reads the file after the process has exited.
 */
import { subscribe } from 'node:diagnostics_channel'
import { writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'

let firstNetworkMs
const first = () => {
  firstNetworkMs ??= performance.now()
}
// http(s).request, fetch/undici, and any bare socket: whichever the first request goes through.
for (const channel of ['http.client.request.start', 'undici:request:create', 'net.client.socket'])
  subscribe(channel, first)

process.on('exit', () => {
  const usage = process.resourceUsage()
  writeFileSync(
    process.env.BENCH_PROBE_FILE,
    JSON.stringify({
      maxRssKiB: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      firstNetworkMs: firstNetworkMs ?? null,
      exitMs: performance.now(),
      originMs: performance.timeOrigin
    })
  )
})
