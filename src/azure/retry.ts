/**
 * Bounded retries for Entra's eventual consistency: a write that succeeded is not yet visible everywhere (a new
 * application to POST /servicePrincipals, a new secret or federated credential to the token endpoint). Throttling
 * and 5xx are retried by the SDK pipelines themselves (they honour Retry-After); this is only for the lag.
 * Source: https://devblogs.microsoft.com/identity/designing-for-eventual-consistency-for-microsoft-entra/
 */
export interface RetryOptions {
  /** Delays between attempts, in ms; the number of retries is their count. */
  delaysMs: readonly number[]
  sleep?: (ms: number) => Promise<void>
}

/** 1, 2, 4, 8, 15, 15 s: about 45 s in all, within what Entra's replication usually takes. */
export const REPLICATION_RETRY: RetryOptions = { delaysMs: [1000, 2000, 4000, 8000, 15000, 15000] }

export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

export async function retryWhile<T>(
  attempt: () => Promise<T>,
  isLag: (error: unknown) => boolean,
  options: RetryOptions = REPLICATION_RETRY
): Promise<T> {
  const wait = options.sleep ?? sleep
  for (let retry = 0; ; retry++) {
    try {
      return await attempt()
    } catch (error) {
      const delay = options.delaysMs[retry]
      if (delay === undefined || !isLag(error)) throw error
      await wait(delay)
    }
  }
}
