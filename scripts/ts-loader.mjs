/**
 * Lets Node 24 run the TypeScript sources directly (its built-in type stripping) for the emulator CLI and the
 * demo. The sources import siblings as `./x.js` (the NodeNext convention that tsc and ncc expect); this hook
 * resolves such a specifier to `./x.ts` when only the TypeScript file exists.
 */
import { registerHooks } from 'node:module'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
      const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL)
      if (
        !existsSync(fileURLToPath(new URL(specifier, context.parentURL))) &&
        existsSync(fileURLToPath(candidate))
      ) {
        return nextResolve(candidate.href, context)
      }
    }
    return nextResolve(specifier, context)
  }
})
