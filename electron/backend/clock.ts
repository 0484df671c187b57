/** The backend never reads the wall clock directly: tests inject a fake. */
export interface Clock {
  readonly now: () => number
}

export const systemClock: Clock = { now: () => Date.now() }
