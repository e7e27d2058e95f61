/**
 * How long reading the tenants file takes (parse + schema + checks + buildConfig), and what it costs in memory,
 * for the benchmark's generated files: the `yaml` package's path alone (how every file was read before the fast
 * reader) against parseTenantsFile (the fast reader, falling back to yaml). The code measured is bundled by ncc as
 * dist/ is (no type stripping at run time), and each figure comes from a fresh Node process, so "first call" is
 * the cold call a run of the action makes.
 *
 *   npx node --import ./scripts/ts-loader.mjs scripts/measure-tenants-parse.ts [N ...]   (default 20 1000 5000)
 *
 * A measurement, not a test. Wall time shows whatever else the machine runs; the CPU time of the main thread
 * (process.threadCpuUsage) much less so. The warm figure is the best wall time of later calls.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Figures } from './measure-tenants-parse-child.js'

async function main(counts: number[]): Promise<void> {
  const { benchTenantsFile } = await import('../test/config/corpus.js')
  const dir = mkdtempSync(join(tmpdir(), 'etb-measure-'))
  // Inside the repository, so ncc finds its tsconfig and node_modules; removed afterwards (eslint would read it).
  const build = mkdtempSync(fileURLToPath(new URL('../.tmp/measure-', import.meta.url)))
  try {
    const entry = fileURLToPath(new URL('./measure-tenants-parse-child.ts', import.meta.url))
    const args = ['ncc', 'build', entry, '-o', join(build, 'bundle'), '--minify', '--target', 'es2022']
    execFileSync('npx', args, { stdio: 'ignore' })
    const bundle = join(build, 'bundle', 'index.js')
    const rows: string[] = [
      '| tenants | reader | import ms | first call wall ms (main-thread CPU ms) | warm best wall ms | max RSS growth MiB | retained heap MiB |',
      '| ------: | ------ | --------: | -------------------------------------: | ----------------: | -----------------: | ----------------: |'
    ]
    for (const count of counts) {
      const file = join(dir, `tenants-${count}.yml`)
      writeFileSync(file, benchTenantsFile(count))
      for (const reader of ['yaml', 'fast']) rows.push(row(count, reader, measure(bundle, reader, file)))
    }
    console.log(rows.join('\n'))
  } finally {
    rmSync(build, { recursive: true, force: true })
    rmSync(dir, { recursive: true, force: true })
  }
}

function measure(bundle: string, reader: string, file: string): Figures {
  const output = execFileSync(process.execPath, ['--expose-gc', bundle, reader, file], { encoding: 'utf8' })
  return JSON.parse(output) as Figures
}

function row(count: number, reader: string, f: Figures): string {
  const name = reader === 'yaml' ? 'yaml only (before)' : f.fast ? 'fast path (after)' : 'fast → bailed out'
  const first = `${f.firstMs.toFixed(1)} (${f.firstCpuMs.toFixed(1)})`
  return `| ${count} | ${name} | ${f.importMs.toFixed(1)} | ${first} | ${f.warmMs.toFixed(1)} | ${f.maxRssDeltaMiB.toFixed(1)} | ${f.retainedHeapMiB.toFixed(1)} |`
}

const counts = process.argv.slice(2).map(Number)
await main(counts.length > 0 ? counts : [20, 1000, 5000])
