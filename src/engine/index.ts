/**
 * The engine's front door for the action (and the integration tests): sign in to the provider tenant with GitHub
 * OIDC, build the Azure ports, run the engine. It takes plain values and a few injected functions (log, mask, the
 * GitHub OIDC token), so tests run it in-process against the emulator.
 */
import { REPLICATION_RETRY, type RetryOptions } from '../azure/retry.js'
import type { Inputs } from '../inputs.js'
import type { TenantsConfig } from '../model/config.js'
import type { Report } from '../model/report.js'
import { azurePorts } from './azure.js'
import { type EngineRequest, runEngine } from './run.js'

export { BridgeError } from './azure.js'

export interface BridgeDeps {
  /** GitHub's OIDC token for an audience (core.getIDToken); it masks the token. */
  getIdToken: (audience: string) => Promise<string>
  info: (message: string) => void
  /** Registers a value to be masked in every log line (core.setSecret). */
  mask: (value: string) => void
  now?: () => Date
  /** Retries for the directory's replication lag (tests shorten them). */
  replicationRetry?: RetryOptions
  /** How long a run may keep retrying transient failures, in all (default 5 minutes). */
  retryBudgetSeconds?: number
}

const RETRY_BUDGET_SECONDS = 300

export type BridgeInputs = Pick<
  Inputs,
  'mode' | 'clientId' | 'tenantId' | 'cloud' | 'rotate' | 'concurrency'
> & {
  /** Which part of a sharded run (default: all of it); `merge` never reaches the engine. */
  phase?: EngineRequest['phase']
  shard?: EngineRequest['shard']
}

export async function runBridge(
  inputs: BridgeInputs,
  config: TenantsConfig,
  deps: BridgeDeps
): Promise<Report> {
  const ports = azurePorts(
    {
      cloud: inputs.cloud,
      clientId: inputs.clientId,
      tenantId: inputs.tenantId,
      getIdToken: deps.getIdToken,
      info: deps.info,
      mask: deps.mask,
      retry: deps.replicationRetry ?? REPLICATION_RETRY,
      retryBudgetSeconds: deps.retryBudgetSeconds ?? RETRY_BUDGET_SECONDS
    },
    config
  )
  return runEngine(
    {
      mode: inputs.mode,
      rotate: inputs.rotate,
      cloud: inputs.cloud,
      concurrency: inputs.concurrency,
      ...(inputs.phase ? { phase: inputs.phase } : {}),
      ...(inputs.shard ? { shard: inputs.shard } : {}),
      now: deps.now ?? (() => new Date())
    },
    config,
    ports
  )
}
