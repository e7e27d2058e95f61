/**
 * The fault layer: added latency, throttling (429 + Retry-After), server errors and dropped connections — before
 * the request is processed (`reset`) or after it (`reset-after`: the change is made, the answer is lost, as when
 * a connection drops on the way back) — per route or per method+path pattern, either for the next N matching requests or at a rate drawn from a seeded
 * PRNG — the same seed and the same request order give the same outcomes.
 */
import type { RouteName } from './http.js'

/**
 * `principal-not-found` (ARM role-assignment writes only): ARM's documented answer while a new principal has not
 * replicated to the region that serves the request — "You create a new user, group, or service principal and
 * immediately try to assign a role to that principal and the role assignment sometimes fails"
 * (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting#symptom---assigning-a-role-to-a-new-principal-sometimes-fails).
 * The lag model (`servicePrincipalMs`) follows the documented remedy — a request stating `principalType` is
 * accepted — so this fault is how a test makes the "sometimes" happen to a request that does state it.
 */
export type FaultKind = 'latency' | 429 | 500 | 503 | 'reset' | 'reset-after' | 'principal-not-found'

export interface FaultRule {
  /** a route name (`graph`, `token`, `arm`, `keyvault`, `oidc`, `consent`, `entra`) … */
  route?: RouteName
  /** … and/or an HTTP method … */
  method?: string
  /** … and/or a regular expression the path must match */
  path?: string
  /** what happens to a matching request; `latency` only delays it */
  fault: FaultKind
  /** added delay for any matching request (with `fault: 'latency'`, the only effect) */
  latencyMs?: number
  /** probability 0..1 that a matching request is faulted (default 1) */
  rate?: number
  /** fault only the next N matching requests, then the rule is spent */
  count?: number
  /** `Retry-After` for 429/503, in seconds (default 1) */
  retryAfterSeconds?: number
}

export interface FaultDecision {
  latencyMs: number
  fault?: Exclude<FaultKind, 'latency'>
  retryAfterSeconds?: number
}

interface ActiveRule {
  rule: FaultRule
  pattern: RegExp | undefined
  remaining: number | undefined
}

const DEFAULT_RETRY_AFTER_SECONDS = 1

export class Faults {
  private rules: ActiveRule[] = []
  private random: () => number
  private seed: number
  private readonly globalLatencyMs: number

  constructor(seed: number, globalLatencyMs = 0) {
    this.seed = seed
    this.random = mulberry32(seed)
    this.globalLatencyMs = globalLatencyMs
  }

  add(rule: FaultRule): void {
    validateRule(rule)
    this.rules.push({
      rule,
      pattern: rule.path === undefined ? undefined : new RegExp(rule.path),
      remaining: rule.count
    })
  }

  /** Replaces all rules; a new seed (when given) restarts the PRNG so a run can be replayed. */
  set(rules: FaultRule[], seed?: number): void {
    rules.forEach(validateRule)
    this.rules = []
    if (seed !== undefined) this.seed = seed
    this.random = mulberry32(this.seed)
    rules.forEach(r => this.add(r))
  }

  clear(): void {
    this.rules = []
  }

  list(): { seed: number; globalLatencyMs: number; rules: (FaultRule & { remaining?: number })[] } {
    return {
      seed: this.seed,
      globalLatencyMs: this.globalLatencyMs,
      rules: this.rules.map(r =>
        r.remaining === undefined ? { ...r.rule } : { ...r.rule, remaining: r.remaining }
      )
    }
  }

  /** Decides what happens to one request. The first matching rule that fires decides the fault. */
  decide(route: RouteName, method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: this.globalLatencyMs }
    for (const active of this.rules) {
      if (!matches(active, route, method, path)) continue
      if (active.remaining !== undefined && active.remaining <= 0) continue
      // draw for every rate rule that matches, fired or not, so outcomes depend only on seed and request order
      const fires = active.rule.rate === undefined || this.random() < active.rule.rate
      if (!fires) continue
      if (active.remaining !== undefined) active.remaining -= 1
      decision.latencyMs += active.rule.latencyMs ?? 0
      if (active.rule.fault !== 'latency' && decision.fault === undefined) {
        decision.fault = active.rule.fault
        decision.retryAfterSeconds = active.rule.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS
      }
    }
    this.rules = this.rules.filter(r => r.remaining === undefined || r.remaining > 0)
    return decision
  }
}

function matches(active: ActiveRule, route: RouteName, method: string, path: string): boolean {
  const { rule } = active
  if (rule.route !== undefined && rule.route !== route) return false
  if (rule.method !== undefined && rule.method.toUpperCase() !== method) return false
  if (active.pattern !== undefined && !active.pattern.test(path)) return false
  return true
}

function validateRule(rule: FaultRule): void {
  const kinds: FaultKind[] = ['latency', 429, 500, 503, 'reset', 'reset-after', 'principal-not-found']
  if (!kinds.includes(rule.fault))
    throw new Error(`fault: expected one of ${kinds.join(', ')}, got ${JSON.stringify(rule.fault)}`)
  if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1))
    throw new Error('rate: expected a number in 0..1')
  if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count > 0)) {
    throw new Error('count: expected a positive integer')
  }
  if (rule.latencyMs !== undefined && !(rule.latencyMs >= 0))
    throw new Error('latencyMs: expected a number ≥ 0')
  if (rule.path !== undefined) new RegExp(rule.path)
  if (rule.fault === 'principal-not-found' && rule.route !== 'arm')
    throw new Error(
      "fault 'principal-not-found': route must be 'arm' (it is ARM's answer to a role-assignment PUT)"
    )
}

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for reproducible fault injection. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
