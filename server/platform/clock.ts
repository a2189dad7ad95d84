/** The platform's notion of "now". Domain code never reads the clock; it is handed `now`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A settable clock for training, demos and tests (CIVICLINE_TEST_CLOCK=1 only).
 * Once set, time keeps flowing from the set instant.
 */
export class TestClock implements Clock {
  private offsetMs = 0;

  constructor(initial?: Date) {
    if (initial) this.set(initial);
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  set(instant: Date): void {
    this.offsetMs = instant.getTime() - Date.now();
  }
}
