/**
 * Suspensions (pauses): time does not run while an order is suspended.
 * See docs/decisions/0001-deadline-semantics.md:
 * - day limits (wd, nd): a day touched by a pause, even partly, does not count; the deadline is
 *   the end of the N-th counting day after the start date;
 * - hour limits: the deadline moves by the exact paused duration that falls before it;
 * - an open pause (no end yet) stops the clock: deadlines are computed as if it ended when it
 *   started, and must be recomputed when the order resumes; lights are frozen at its start.
 */
import { localDayOfMs, type WorkCalendar } from '../calendar';

export interface PauseMs {
  from: number;
  to: number;
}

/** Closed, non-empty pauses clipped to start at or after `startMs`, sorted and merged. */
export function normalisePauses(
  pauses: readonly { from: Date; to: Date | null }[],
  startMs: number,
): PauseMs[] {
  const list: PauseMs[] = [];
  for (const p of pauses) {
    if (p.to === null) continue;
    const from = Math.max(p.from.getTime(), startMs);
    const to = p.to.getTime();
    if (to > from) list.push({ from, to });
  }
  list.sort((a, b) => a.from - b.from);
  const merged: PauseMs[] = [];
  for (const p of list) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push({ ...p });
  }
  return merged;
}

/** Day intervals [a, b] touched by the pauses (local days). */
export function pausedDayIntervals(pauses: readonly PauseMs[]): { a: number; b: number }[] {
  const out: { a: number; b: number }[] = [];
  for (const p of pauses) {
    const a = localDayOfMs(p.from);
    const b = localDayOfMs(p.to - 1);
    const last = out[out.length - 1];
    if (last && a <= last.b + 1) last.b = Math.max(last.b, b);
    else out.push({ a, b });
  }
  return out;
}

/**
 * The n-th counting day after `startDay` (n ≥ 1), skipping days in `skip` (sorted, disjoint):
 * working days for `wd`, calendar days for `nd`. Returns the day and how many counting days
 * the pauses skipped before it.
 */
export function nthCountingDay(
  cal: WorkCalendar,
  startDay: number,
  n: number,
  unit: 'wd' | 'nd',
  skip: readonly { a: number; b: number }[],
): { day: number; skipped: number } {
  const count = (from: number, to: number): number =>
    unit === 'wd' ? cal.workingDaysBetween(from, to) : Math.max(0, to - from);
  const advance = (from: number, k: number): number =>
    unit === 'wd' ? cal.addWorkingDays(from, k) : from + k;
  if (n <= 0) return { day: advance(startDay, n), skipped: 0 };
  let cur = startDay;
  let remaining = n;
  let skipped = 0;
  for (const iv of skip) {
    if (iv.b <= cur) continue;
    const a = Math.max(iv.a, cur + 1);
    const avail = count(cur, a - 1);
    if (remaining <= avail) return { day: advance(cur, remaining), skipped };
    remaining -= avail;
    skipped += count(a - 1, iv.b);
    cur = iv.b;
  }
  return { day: advance(cur, remaining), skipped };
}

/** t + hours, moved by the paused time that falls before the (moving) deadline. */
export function addHoursWithPauses(
  startMs: number,
  hoursMs: number,
  pauses: readonly PauseMs[],
): { ms: number; pausedMs: number } {
  let due = startMs + hoursMs;
  let paused = 0;
  for (const p of pauses) {
    if (p.from >= due) break;
    due += p.to - p.from;
    paused += p.to - p.from;
  }
  return { ms: due, pausedMs: paused };
}
