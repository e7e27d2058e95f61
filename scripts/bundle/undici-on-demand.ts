/**
 * Stands in for `undici` in the bundle (tsconfig.json `paths` maps `undici` here; ncc resolves through it) and
 * loads the real package the first time one of its exports is used.
 *
 * @actions/http-client imports undici's ProxyAgent at the top of its module, for `getAgentDispatcher`, and
 * @actions/github imports its `fetch`. Only the pull-request comment uses them (Octokit's fetch always, ProxyAgent
 * behind a proxy), yet loading @actions/core — which the run needs for GitHub's OIDC token, its first request —
 * evaluated all of undici: 930 kB before minifying, about 90 ms bundled on this project's shared 2-vCPU machine.
 * With this module the OIDC request goes out without it; the comment still gets the real fetch and ProxyAgent
 * (test/e2e/pr-comment.test.ts runs the former through the bundle).
 */
type Undici = typeof import('../../node_modules/undici/index.js')

let real: Undici | undefined

function undici(): Undici {
  // A require, not an import: the bundle must hold undici (ncc follows the path), evaluated only when called.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  real ??= require('../../node_modules/undici/index.js') as Undici
  return real
}

export class ProxyAgent {
  constructor(...options: ConstructorParameters<Undici['ProxyAgent']>) {
    return new (undici().ProxyAgent)(...options)
  }
}

export function fetch(...args: Parameters<Undici['fetch']>): ReturnType<Undici['fetch']> {
  return undici().fetch(...args)
}
