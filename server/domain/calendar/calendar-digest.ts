/**
 * A digest of many calendar results (working flags, working-day additions, formatted
 * deadlines, parsed instants, statutory holidays). Two processes with different time zones
 * must produce the same digest; the tests and the bench compare them.
 */
import { statutoryHolidays } from './statutory-holidays';
import { daysFromCivil, formatInstantMs, localDayOfMs, msOfLocal, parseInstantMs } from './time';
import type { WorkCalendar } from './work-calendar';

/** 64-bit FNV-1a over strings, as 16 hex digits. */
class Fnv64 {
  private h = 0xcbf29ce484222325n;
  update(s: string): void {
    for (let i = 0; i < s.length; i++) {
      this.h ^= BigInt(s.charCodeAt(i));
      this.h = (this.h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
  }
  hex(): string {
    return this.h.toString(16).padStart(16, '0');
  }
}

export function calendarDigest(cal: WorkCalendar, fromYear = 2006, toYear = 2030): string {
  const h = new Fnv64();
  const first = daysFromCivil(fromYear, 1, 1);
  const last = daysFromCivil(toYear, 12, 31);
  for (let d = first; d <= last; d++) {
    h.update(cal.isWorkingDay(d) ? 'W' : 'O');
    for (const n of [1, 5, 10, -1]) h.update(String(cal.addWorkingDays(d, n)));
    const ms = msOfLocal(d, ((d * 7919) % 1440) * 60_000);
    h.update(formatInstantMs(ms));
    h.update(String(localDayOfMs(ms)));
  }
  for (const s of ['2026-09-30T10:00', '2026-09-30T10:00:00Z', '2026-12-31T23:30:00-05:00', '2027-02-05']) {
    h.update(String(parseInstantMs(s)));
  }
  for (let y = toYear + 1; y <= toYear + 5; y++) {
    for (const x of statutoryHolidays(y)) h.update(x.date + x.name);
  }
  return h.hex();
}
