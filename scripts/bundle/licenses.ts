/**
 * Writes dist/licenses.txt: the licence notice of every third-party package whose code is in the bundle.
 *
 * ncc's own `--license` output left the text out for some packages (@azure/identity, @azure/keyvault-secrets
 * had only their name) and listed one version of a package bundled in two, so the notices are gathered here from
 * what webpack actually bundled (ncc's `--stats-out`), each package read from its own folder in node_modules:
 * its package.json `license` and every LICENSE / LICENCE / COPYING / NOTICE file it ships. A bundled package
 * without a licence file fails the build rather than shipping without its notice.
 *
 *   node --import ./scripts/ts-loader.mjs scripts/bundle/licenses.ts STATS_JSON OUT_FILE
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

interface StatsModule {
  name?: string
  modules?: StatsModule[]
}

interface BundledPackage {
  name: string
  version: string
  license: string
  texts: string[]
}

const NOTICE_FILE = /^(licen[cs]e|copying|notice)(\.|-|$)/i
const NODE_MODULES = 'node_modules/'

/** Every module path webpack bundled, concatenated modules included. */
function modulePaths(modules: readonly StatsModule[]): string[] {
  return modules.flatMap(m => [...(m.name ? [m.name] : []), ...modulePaths(m.modules ?? [])])
}

/** `./node_modules/a/node_modules/@b/c/lib/x.js` → `node_modules/a/node_modules/@b/c` (the innermost package). */
export function packageDirOf(modulePath: string): string | undefined {
  const path = modulePath.replace(/^\.\//, '').replace(/ \+ \d+ modules?$/, '')
  const at = path.lastIndexOf(NODE_MODULES)
  if (at < 0) return undefined
  const parts = path.slice(at + NODE_MODULES.length).split('/')
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]
  return name ? path.slice(0, at + NODE_MODULES.length) + name : undefined
}

function readPackage(root: string, dir: string): BundledPackage {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name: string
    version: string
    license?: string
  }
  const files = readdirSync(join(root, dir))
    .filter(file => NOTICE_FILE.test(file))
    .sort()
  // Some notices ship with CRLF line ends; the repository keeps LF (.gitattributes), so a rebuild matches git.
  const texts = files.map(file =>
    readFileSync(join(root, dir, file), 'utf8')
      .replace(/\r\n?/g, '\n')
      .trim()
  )
  if (texts.length === 0) {
    throw new Error(
      `${manifest.name}@${manifest.version} is bundled but ships no LICENSE file: add its notice`
    )
  }
  return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'UNKNOWN', texts }
}

export function licenseNotices(root: string, modules: readonly StatsModule[]): string {
  const dirs = new Set(modulePaths(modules).flatMap(path => packageDirOf(path) ?? []))
  const packages = [...dirs].map(dir => readPackage(root, dir))
  const unique = new Map(packages.map(p => [`${p.name}@${p.version}`, p]))
  const sorted = [...unique.values()].sort((a, b) =>
    a.name === b.name ? a.version.localeCompare(b.version) : a.name.localeCompare(b.name)
  )
  const header =
    'Third-party software bundled in dist/index.js, with the licence notice each package ships.\n' +
    `${sorted.length} packages.\n`
  const entries = sorted.map(
    p => `${'='.repeat(80)}\n${p.name}@${p.version} (${p.license})\n\n${p.texts.join('\n\n')}\n`
  )
  return [header, ...entries].join('\n')
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) {
  const [statsFile, outFile] = process.argv.slice(2)
  if (!statsFile || !outFile) throw new Error('usage: licenses.ts STATS_JSON OUT_FILE')
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { modules?: StatsModule[] }
  writeFileSync(outFile, licenseNotices(process.cwd(), stats.modules ?? []))
}
