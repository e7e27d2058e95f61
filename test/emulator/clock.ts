/**
 * The emulator clock: real time plus an offset that the control API advances, so tests can age tokens, secrets
 * and replication lags without sleeping.
 */
export class Clock {
  private offsetMs = 0

  now(): number {
    return Date.now() + this.offsetMs
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`advanceMs must be a non-negative number, got ${ms}`)
    this.offsetMs += ms
  }

  nowSeconds(): number {
    return Math.floor(this.now() / 1000)
  }

  iso(): string {
    return new Date(this.now()).toISOString()
  }
}
