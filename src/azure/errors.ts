import type { FailureKind } from '../model/observed.js'
import { MAX_RETRIES } from './pipeline.js'

/**
 * What kind of failure an HTTP status (or none: -1, no answer) is. Throttling, 5xx, timeouts and dropped
 * connections pass; the pipeline has already retried them, so the run reports them as transient, never as a
 * verdict about the tenant or the app.
 */
export function failureKindOf(statusCode: number | undefined): FailureKind {
  if (
    statusCode === undefined ||
    statusCode <= 0 ||
    statusCode === 408 ||
    statusCode === 429 ||
    statusCode >= 500
  ) {
    return 'transient'
  }
  return statusCode === 401 || statusCode === 403 ? 'denied' : 'other'
}

/** A failed request to an Azure service, in the product's words; the service's own error is its `cause`. */
export class AzureRequestError extends Error {
  override name = 'AzureRequestError'
  readonly kind: FailureKind
  constructor(message: string, statusCode: number | undefined, cause?: unknown) {
    const kind = failureKindOf(statusCode)
    super(kind === 'transient' ? `Transient (retried up to ${MAX_RETRIES} times): ${message}` : message, {
      cause
    })
    this.kind = kind
  }
}
