import type { Env } from './env';

/** The platform's notion of "now". Domain code never reads the clock; it is handed `now`. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A settable clock for training, demos and tests (CIVICLINE_TEST_CLOCK=1 only).
 * A running clock keeps flowing from the set instant (training, demos, the browser suite);
 * a frozen one stays at the set instant until it is set again or advanced (tests).
 */
export class TestClock implements Clock {
  private offsetMs = 0;
  private frozenAtMs: number | null;

  constructor(initial?: Date, opts: { frozen?: boolean } = {}) {
    this.frozenAtMs = opts.frozen ? (initial ?? new Date()).getTime() : null;
    if (initial) this.set(initial);
  }

  now(): Date {
    return new Date(this.frozenAtMs ?? Date.now() + this.offsetMs);
  }

  set(instant: Date): void {
    if (this.frozenAtMs !== null) this.frozenAtMs = instant.getTime();
    else this.offsetMs = instant.getTime() - Date.now();
  }

  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms));
  }
}

/**
 * The one clock rule of every bootstrap (server, command line, tests): real time, unless
 * CIVICLINE_TEST_CLOCK=1, then a test clock starting at CIVICLINE_NOW (or at the real now).
 * Tests ask for a frozen one.
 */
export function clockFor(
  env: Pick<Env, 'CIVICLINE_TEST_CLOCK' | 'CIVICLINE_NOW'>,
  opts: { frozen?: boolean } = {},
): Clock {
  if (!env.CIVICLINE_TEST_CLOCK) return systemClock;
  return new TestClock(env.CIVICLINE_NOW ? new Date(env.CIVICLINE_NOW) : undefined, opts);
}
