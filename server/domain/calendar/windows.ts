/**
 * Working windows within a working day (e.g. 08:30-12:00 and 13:30-17:30), as supplied by a
 * policy profile. Windows apply on working days only.
 */
import type { WorkCalendar } from './work-calendar';
import { localDayOfMs, localMsOfDay, msOfLocal, parseClock } from './time';

export interface WorkingWindow {
  /** Start, `HH:mm`, inclusive. */
  from: string;
  /** End, `HH:mm`, exclusive (`24:00` allowed). */
  to: string;
}

export interface ParsedWindow {
  fromMs: number;
  toMs: number;
}

/** Parses and checks windows: each non-empty, sorted, not overlapping. */
export function parseWindows(windows: readonly WorkingWindow[]): ParsedWindow[] {
  const out = windows.map((w) => ({ fromMs: parseClock(w.from), toMs: parseClock(w.to) }));
  out.forEach((w, i) => {
    if (w.toMs <= w.fromMs) throw new RangeError(`working window ${i + 1} ends before it starts`);
    const prev = out[i - 1];
    if (prev && w.fromMs < prev.toMs) {
      throw new RangeError(`working window ${i + 1} overlaps or precedes the one before`);
    }
  });
  return out;
}

/** True when the instant falls inside a window of a working day. */
export function isWithinWindows(cal: WorkCalendar, ms: number, windows: readonly ParsedWindow[]): boolean {
  const day = localDayOfMs(ms);
  if (!cal.isWorkingDay(day)) return false;
  const sod = localMsOfDay(ms);
  return windows.some((w) => sod >= w.fromMs && sod < w.toMs);
}

/**
 * The next opening at or after the instant: the start of the next window on a working day
 * (the instant itself is returned only if it is exactly a window start).
 */
export function nextOpening(cal: WorkCalendar, ms: number, windows: readonly ParsedWindow[]): number {
  if (windows.length === 0) throw new RangeError('no working windows');
  const day = localDayOfMs(ms);
  const sod = localMsOfDay(ms);
  if (cal.isWorkingDay(day)) {
    for (const w of windows) if (w.fromMs >= sod) return msOfLocal(day, w.fromMs);
  }
  const next = cal.addWorkingDays(day, 1);
  return msOfLocal(next, (windows[0] as ParsedWindow).fromMs);
}
