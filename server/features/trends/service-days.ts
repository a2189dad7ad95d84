import { instantOfServiceTime } from '../../../common/service-time';

/** A service date (YYYY-MM-DD) moved by whole days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Every service date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The instants [start of `from`, end of `to`) in service time. */
export function rangeOf(from: string, to: string): { start: Date; end: Date } {
  return { start: instantOfServiceTime(from), end: instantOfServiceTime(addDays(to, 1)) };
}
