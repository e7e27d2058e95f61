/**
 * Minifies every JavaScript file ncc wrote to dist/: the entry and each chunk it emits for a dynamic `import()`.
 *
 * `ncc build --minify` runs terser on the entry file only; the chunks (the engine with the Azure SDKs, the tenants
 * file loader, @actions/github) are written as webpack produced them, with their comments and whitespace — more
 * than half of the bundle. This pass gives every file the same treatment, with compression on, and keeps what ncc
 * keeps: class and function names (SDK error types and our own are told apart by `name`), legal comments, no
 * source map.
 *
 * Deterministic: the same input gives the same bytes (terser has no randomness; files are processed one by one in
 * name order), so `.ci/run` can check that a fresh build equals the committed dist/.
 *
 *   node --import ./scripts/ts-loader.mjs scripts/bundle/minify.ts DIST_DIR
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type MinifyOptions, minify } from 'terser'

/**
 * ncc's own options for the entry (module, names kept), plus compression. `keep_fnames`/`keep_classnames` matter:
 * code in the SDKs and in the action compares `error.name` and `constructor.name`.
 */
export const TERSER_OPTIONS: MinifyOptions = {
  module: true,
  ecma: 2020,
  compress: { keep_classnames: true, keep_fnames: true, keep_fargs: true },
  mangle: { keep_classnames: true, keep_fnames: true },
  format: { comments: 'some' },
  sourceMap: false
}

/** Minifies one file's code; fails the build rather than ship a file terser could not read. */
export async function minified(code: string, file: string): Promise<string> {
  const result = await minify(code, TERSER_OPTIONS)
  if (result.code === undefined) throw new Error(`terser returned no code for ${file}`)
  return result.code
}

async function main(dist: string): Promise<void> {
  const files = readdirSync(dist)
    .filter(name => name.endsWith('.js'))
    .sort()
  let before = 0
  let after = 0
  for (const name of files) {
    const path = join(dist, name)
    const code = readFileSync(path, 'utf8')
    const out = await minified(code, path)
    writeFileSync(path, out)
    before += Buffer.byteLength(code)
    after += Buffer.byteLength(out)
  }
  console.log(`minified ${files.length} file(s) in ${dist}: ${before} → ${after} bytes of JavaScript`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2]
  if (!dist) throw new Error('usage: minify.ts DIST_DIR')
  await main(dist)
}
