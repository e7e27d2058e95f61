/**
 * How long reading the tenants file takes (parse + schema + checks + buildConfig), and what it costs in memory,
 * for the benchmark's generated files: the `yaml` package's path alone (how every file was read before the fast
 * reader) against parseTenantsFile (the fast reader, falling back to yaml). The code measured is bundled by ncc as
 * dist/ is (no type stripping at run time), and each figure comes from a fresh Node process, so "first call" is
 * the cold call a run of the action makes; "warm" is the median of later calls.
 *
 *   npx node --import ./scripts/ts-loader.mjs scripts/measure-tenants-parse.ts [N ...]   (default 20 1000 5000)
 *
 * A measurement, not a test. Wall time shows whatever else the machine runs; the CPU time of the main thread
 * (process.threadCpuUsage) does much less so, and the warm figure is the median of that.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** What one child reports (scripts/measure-tenants-parse-child.ts). */
interface Figures {
  importMs: number
  firstMs: number
  firstCpuMs: number
  warmMs: number
  maxRssDeltaMiB: number
  retainedHeapMiB: number
  fast: boolean
}

async function main(counts: number[]): Promise<void> {
  const { benchTenantsFile } = await import('../test/config/corpus.js')
  const dir = mkdtempSync(join(tmpdir(), 'etb-measure-'))
  // Inside the repository, so ncc finds its tsconfig and node_modules; .tmp/ is git-ignored.
  const build = mkdtempSync(fileURLToPath(new URL('../.tmp/measure-', import.meta.url)))
  const entry = fileURLToPath(new URL('./measure-tenants-parse-child.ts', import.meta.url))
  execFileSync(
    'npx',
    ['ncc', 'build', entry, '-o', join(build, 'bundle'), '--minify', '--target', 'es2022'],
    {
      stdio: 'ignore'
    }
  )
  const bundle = join(build, 'bundle', 'index.js')
  const rows: string[] = [
    '| tenants | reader | import ms | first call wall ms (main-thread CPU ms) | warm median CPU ms | max RSS growth MiB | retained heap MiB |',
    '| ------: | ------ | --------: | -------------------------------------: | -----------------: | -----------------: | ----------------: |'
  ]
  for (const count of counts) {
    const file = join(dir, `tenants-${count}.yml`)
    writeFileSync(file, benchTenantsFile(count))
    for (const reader of ['yaml', 'fast']) {
      const output = execFileSync(process.execPath, ['--expose-gc', bundle, reader, file], {
        encoding: 'utf8'
      })
      const f = JSON.parse(output) as Figures
      const name =
        reader === 'yaml' ? 'yaml only (before)' : f.fast ? 'fast path (after)' : 'fast → bailed out'
      rows.push(
        `| ${count} | ${name} | ${f.importMs.toFixed(1)} | ${f.firstMs.toFixed(1)} (${f.firstCpuMs.toFixed(1)}) | ${f.warmMs.toFixed(1)} | ${f.maxRssDeltaMiB.toFixed(1)} | ${f.retainedHeapMiB.toFixed(1)} |`
      )
    }
  }
  console.log(rows.join('\n'))
}

const counts = process.argv.slice(2).map(Number)
await main(counts.length > 0 ? counts : [20, 1000, 5000])
