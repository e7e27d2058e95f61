/**
 * One HTTP pipeline for all four services. Every client — the Entra credentials, ARM, Key Vault and Microsoft
 * Graph — sends through @azure/core-rest-pipeline with the same options: its proxy policy (HTTPS_PROXY,
 * NO_PROXY), TLS, user agent, and one retry policy that retries throttling (honouring Retry-After), 5xx, resets
 * and timeouts with exponential backoff. The Graph client keeps its request building and authentication, and
 * sends through the same pipeline by a final middleware instead of its own fetch.
 * Sources: https://learn.microsoft.com/javascript/api/@azure/core-rest-pipeline/pipelineoptions ,
 * https://learn.microsoft.com/graph/sdks/customize-client?tabs=typescript
 *
 * A run has one retry budget: once its time is spent, nothing is retried any more, so a run under a long outage
 * ends with errors that say "transient" instead of waiting for ever.
 */
import {
  type HttpClient,
  type Pipeline,
  type PipelinePolicy,
  createDefaultHttpClient,
  createHttpHeaders,
  createPipelineFromOptions,
  createPipelineRequest,
  tracingPolicyName
} from '@azure/core-rest-pipeline'
import type { Context, Middleware } from '@microsoft/microsoft-graph-client'

/** Retries per request: at ~20% faults, nine attempts all failing is about one in two million. */
export const MAX_RETRIES = 8

/** The retry budget of one run: retries start only while it lasts. */
export class RetryBudget {
  readonly seconds: number
  readonly #deadline: number
  readonly #now: () => number

  constructor(seconds: number, now: () => number = Date.now) {
    this.seconds = seconds
    this.#now = now
    this.#deadline = now() + seconds * 1000
  }

  get spent(): boolean {
    return this.#now() > this.#deadline
  }
}

/** Thrown instead of a retry once the run's retry budget is spent; never retried itself. */
export class RetryBudgetSpent extends Error {
  override name = 'RetryBudgetSpent'
}

/** The options every Azure client of this run takes (credentials, ARM, Key Vault; Graph through `pipelineFor`). */
export interface ClientOptions {
  /** One connection pool for the run: a client per tenant must not mean a TLS handshake per tenant. */
  httpClient: HttpClient
  retryOptions: { maxRetries: number; retryDelayInMs: number; maxRetryDelayInMs: number }
  userAgentOptions: { userAgentPrefix: string }
  additionalPolicies: { policy: PipelinePolicy; position: 'perCall' | 'perRetry' }[]
}

export function clientOptions(budget: RetryBudget): ClientOptions {
  return {
    httpClient: createDefaultHttpClient(),
    retryOptions: { maxRetries: MAX_RETRIES, retryDelayInMs: 200, maxRetryDelayInMs: 8000 },
    userAgentOptions: { userAgentPrefix: 'entra-tenant-bridge' },
    additionalPolicies: [{ policy: budgetPolicy(budget), position: 'perRetry' }]
  }
}

/** Lets a request's first attempt through, and a retry only while the budget lasts. */
function budgetPolicy(budget: RetryBudget): PipelinePolicy {
  const attempts = new WeakMap<object, number>()
  return {
    name: 'entraTenantBridgeRetryBudget',
    sendRequest: (request, next) => {
      const attempt = (attempts.get(request) ?? 0) + 1
      attempts.set(request, attempt)
      if (attempt > 1 && budget.spent) {
        throw new RetryBudgetSpent(
          `transient failure, not retried: the run's retry budget (${budget.seconds} s) is spent`
        )
      }
      return next(request)
    }
  }
}

/** A pipeline built from the same options, for clients that bring no pipeline of their own. */
export function pipelineFor(options: ClientOptions): { pipeline: Pipeline; httpClient: HttpClient } {
  const pipeline = createPipelineFromOptions({
    retryOptions: options.retryOptions,
    userAgentOptions: options.userAgentOptions
  })
  for (const { policy, position } of options.additionalPolicies) {
    pipeline.addPolicy(policy, position === 'perRetry' ? { afterPhase: 'Retry' } : {})
  }
  return { pipeline: withoutTracing(pipeline), httpClient: options.httpClient }
}

/**
 * The pipeline without its OpenTelemetry policy. The action registers no tracer, yet the policy parses and
 * sanitises every request's URL and asks the no-op tracer for a span: on the hot paths (a token request per tenant,
 * the ARM reads) that was a noticeable share of the SDK's CPU, for spans that go nowhere.
 * https://learn.microsoft.com/javascript/api/@azure/core-rest-pipeline/#@azure-core-rest-pipeline-tracingpolicy
 */
export function withoutTracing(pipeline: Pipeline): Pipeline {
  pipeline.removePolicy({ name: tracingPolicyName })
  return pipeline
}

/**
 * The Graph client's last middleware: the request it built (already authenticated by its AuthenticationHandler)
 * goes out through the Azure pipeline, and the answer comes back as the fetch Response the client expects.
 */
export class PipelineMiddleware implements Middleware {
  readonly #pipeline: Pipeline
  readonly #httpClient: HttpClient

  constructor(options: ClientOptions) {
    const { pipeline, httpClient } = pipelineFor(options)
    this.#pipeline = pipeline
    this.#httpClient = httpClient
  }

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url
    const init = context.options ?? {}
    const headers = createHttpHeaders()
    new Headers(init.headers as ConstructorParameters<typeof Headers>[0]).forEach((value, name) =>
      headers.set(name, value)
    )
    const request = createPipelineRequest({
      url,
      method: (init.method ?? 'GET').toUpperCase() as 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : undefined
    })
    const response = await this.#pipeline.sendRequest(this.#httpClient, request)
    const empty = response.status === 204 || response.status === 304 || init.method === 'HEAD'
    context.response = new Response(empty ? null : (response.bodyAsText ?? ''), {
      status: response.status,
      headers: response.headers.toJSON()
    })
  }
}
