/**
 * GitHub Actions' OIDC token service, as @actions/core's `getIDToken` uses it: `GET
 * ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=…` with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
 * answered with `{ "value": "<jwt>" }` (https://github.com/actions/toolkit/tree/main/packages/core, `getIDToken`).
 * Claims follow https://docs.github.com/en/actions/reference/security/oidc.
 */
import { randomUUID } from 'node:crypto'
import type { Clock } from '../clock.js'
import type { EmuResponse } from '../contracts.js'
import type { CoreRequest } from '../http.js'
import { bearerToken, json } from '../http.js'
import type { JwtClaims, JwtSigner } from '../jwt.js'
import type { GithubRun } from '../state/scenario.js'

export const OIDC_PREFIX = '/_github'

/** The `sub` claim in GitHub's default formats: environment first, then pull_request, then the ref. */
export function githubSubject(run: GithubRun): string {
  if (run.subject) return run.subject
  const repo = `repo:${run.repository}`
  if (run.environment) return `${repo}:environment:${run.environment}`
  if (run.eventName === 'pull_request') return `${repo}:pull_request`
  return `${repo}:ref:${run.ref}`
}

export class GithubOidcService {
  readonly name = 'oidc'
  private readonly clock: Clock
  private readonly signer: JwtSigner
  private readonly requestToken: string
  private readonly run: () => GithubRun

  constructor(clock: Clock, signer: JwtSigner, requestToken: string, run: () => GithubRun) {
    this.clock = clock
    this.signer = signer
    this.requestToken = requestToken
    this.run = run
  }

  handles(req: CoreRequest): boolean {
    return req.path === OIDC_PREFIX || req.path.startsWith(`${OIDC_PREFIX}/`)
  }

  handle(req: CoreRequest): EmuResponse {
    const sub = req.path.slice(OIDC_PREFIX.length)
    if (req.method === 'GET' && sub === '/.well-known/openid-configuration')
      return json(200, this.discovery(req.origin))
    if (req.method === 'GET' && sub === '/.well-known/jwks') return json(200, this.signer.jwks())
    if (req.method === 'GET' && sub === '/token') return this.token(req)
    return json(404, { message: 'Not Found' })
  }

  /** Mints a token directly (for tests that need an assertion without going through HTTP). */
  mint(audience: string | undefined, overrides: JwtClaims = {}): string {
    return this.signer.sign({ ...this.claims(audience), ...overrides })
  }

  private token(req: CoreRequest): EmuResponse {
    if (bearerToken(req) !== this.requestToken) {
      return json(401, {
        message: 'Unable to authenticate the request: invalid ACTIONS_ID_TOKEN_REQUEST_TOKEN'
      })
    }
    const audience = req.query.get('audience') ?? undefined
    return json(200, { value: this.mint(audience) })
  }

  private claims(audience: string | undefined): JwtClaims {
    const run = this.run()
    const now = this.clock.nowSeconds()
    const [owner] = run.repository.split('/') as [string]
    const workflowRef = `${run.repository}/${run.workflow}@${run.ref}`
    const claims: JwtClaims = {
      jti: randomUUID(),
      sub: githubSubject(run),
      // GitHub's default audience is the URL of the repository owner (https://learn.microsoft.com/entra/identity-platform/access-tokens)
      aud: audience ?? `https://github.com/${owner}`,
      ref: run.ref,
      sha: run.sha,
      repository: run.repository,
      repository_owner: owner,
      repository_owner_id: run.repositoryOwnerId,
      repository_id: run.repositoryId,
      repository_visibility: 'private',
      run_id: run.runId,
      run_number: '1',
      run_attempt: '1',
      actor: owner,
      actor_id: run.repositoryOwnerId,
      workflow: run.workflow.replace(/^.*\//, ''),
      workflow_ref: workflowRef,
      workflow_sha: run.sha,
      head_ref: '',
      base_ref: '',
      event_name: run.eventName,
      ref_type: run.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
      ref_protected: 'false',
      job_workflow_ref: workflowRef,
      job_workflow_sha: run.sha,
      runner_environment: 'github-hosted',
      iss: run.issuer,
      nbf: now,
      iat: now,
      exp: now + run.tokenLifetimeSeconds
    }
    if (run.environment) claims.environment = run.environment
    return claims
  }

  private discovery(origin: string): unknown {
    return {
      issuer: this.run().issuer,
      jwks_uri: `${origin}${OIDC_PREFIX}/.well-known/jwks`,
      subject_types_supported: ['public', 'pairwise'],
      response_types_supported: ['id_token'],
      claims_supported: [
        'sub',
        'aud',
        'exp',
        'iat',
        'iss',
        'jti',
        'nbf',
        'ref',
        'repository',
        'repository_owner',
        'run_id',
        'environment',
        'event_name',
        'job_workflow_ref'
      ],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid']
    }
  }
}
