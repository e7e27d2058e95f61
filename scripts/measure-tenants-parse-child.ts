/**
 * One measurement of scripts/measure-tenants-parse.ts, run bundled in a fresh process:
 * `node --expose-gc <bundle> <yaml|fast> <file>` prints the figures as JSON.
 */
import { readFileSync } from 'node:fs'

const WARM_RUNS = 15

export interface Figures {
  importMs: number
  firstMs: number
  firstCpuMs: number
  warmMs: number
  maxRssDeltaMiB: number
  retainedHeapMiB: number
  fast: boolean
}

async function child(reader: string, file: string): Promise<void> {
  const text = readFileSync(file, 'utf8')
  const rssBefore = process.resourceUsage().maxRSS
  const started = performance.now()
  const { parseTenantsFile } = await import('../src/config/parse.js')
  const { parseWithYaml } = await import('../src/config/yaml-parse.js')
  const { readFastYaml } = await import('../src/config/fast-yaml.js')
  const parse = reader === 'yaml' ? parseWithYaml : parseTenantsFile
  const imported = performance.now()
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const cpuBefore = process.threadCpuUsage()
  const firstStarted = performance.now()
  const first = parse(text, file)
  const firstMs = performance.now() - firstStarted
  const cpu = process.threadCpuUsage(cpuBefore)
  const firstCpuMs = (cpu.user + cpu.system) / 1000
  const maxRssDeltaMiB = (process.resourceUsage().maxRSS - rssBefore) / 1024
  if (!first.ok) throw new Error(`the generated file does not load: ${JSON.stringify(first.problems[0])}`)
  gc?.()
  const retainedHeapMiB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20
  const warm: number[] = []
  for (let i = 0; i < WARM_RUNS; i++) {
    const before = performance.now()
    parse(text, file)
    warm.push(performance.now() - before)
  }
  warm.sort((a, b) => a - b)
  const figures: Figures = {
    importMs: imported - started,
    firstMs,
    firstCpuMs,
    warmMs: warm[0] ?? NaN,
    maxRssDeltaMiB,
    retainedHeapMiB,
    fast: reader !== 'yaml' && readFastYaml(text) !== undefined
  }
  process.stdout.write(JSON.stringify(figures))
}

await child(process.argv[2] ?? 'fast', process.argv[3] ?? '')
