/**
 * The hold: the emulator answers every request up to the Nth one after arming, handles the Nth (its effect
 * happens, it is logged) and then never sends its response. A test waits until a request is held and kills the
 * client there: the world has changed and the client never learnt it — the worst moment for a process to die.
 * Control API: `PUT /_control/hold {"nth": N}`, `GET /_control/hold`, `DELETE /_control/hold`.
 */
export interface HoldState {
  /** Requests still to answer before one is held; null when not armed. */
  remaining: number | null
  /** The held request, once there is one. */
  held: { method: string; path: string; route: string } | null
}

export class Hold {
  private remaining: number | undefined
  private held: HoldState['held'] = null
  private parked: (() => void)[] = []

  arm(nth: number): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`nth must be a whole number ≥ 1, got ${nth}`)
    this.release()
    this.remaining = nth
  }

  state(): HoldState {
    return { remaining: this.remaining ?? null, held: this.held }
  }

  /** After a request was handled: whether its response is withheld (`drop` is called on release). */
  take(request: NonNullable<HoldState['held']>, drop: () => void): boolean {
    if (this.remaining === undefined) return false
    this.remaining -= 1
    if (this.remaining > 0) return false
    this.remaining = undefined
    this.held = request
    this.parked.push(drop)
    return true
  }

  /** Disarms, and drops the connections of held requests. */
  release(): void {
    this.remaining = undefined
    this.held = null
    for (const drop of this.parked.splice(0)) drop()
  }
}
