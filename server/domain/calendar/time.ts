/**
 * Civil-date and instant arithmetic in the service time zone, without the process time zone.
 *
 * Asia/Shanghai has been a fixed UTC+08:00 since 1991 (no daylight saving), so an instant maps
 * to a local civil date by shifting the epoch by eight hours and using integer day numbers
 * (days since 1970-01-01). Nothing here calls the local-time getters of `Date`.
 */
import { SERVICE_OFFSET_MINUTES, SERVICE_OFFSET_MS, SERVICE_OFFSET_TEXT } from '../../../common/service-time';

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Supported service time zones and their fixed offsets in minutes. */
export const serviceTimeZones = { 'Asia/Shanghai': SERVICE_OFFSET_MINUTES } as const;
export type ServiceTimeZone = keyof typeof serviceTimeZones;

/** The service offset, UTC+08:00, in milliseconds (one constant, in common/service-time.ts). */
export { SERVICE_OFFSET_MS };

/** Day number (days since 1970-01-01) of a proleptic Gregorian civil date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number. */
export function civilFromDays(z: number): CivilDate {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad4 = (n: number): string => (n < 1000 ? String(n).padStart(4, '0') : String(n));

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const c = civilFromDays(day);
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** Day number of a `YYYY-MM-DD` string; throws on anything else. */
export function parseDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${JSON.stringify(s)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`no such date: ${s}`);
  return daysFromCivil(y, mo, d);
}

/** Local (service time zone) day number of an instant given in epoch milliseconds. */
export function localDayOfMs(ms: number): number {
  return Math.floor((ms + SERVICE_OFFSET_MS) / MS_PER_DAY);
}

/** Local day number of an instant. */
export function localDay(t: Date): number {
  return localDayOfMs(t.getTime());
}

/** Milliseconds since local midnight of an instant. */
export function localMsOfDay(ms: number): number {
  const local = ms + SERVICE_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** Epoch milliseconds of a local day plus milliseconds since its midnight. */
export function msOfLocal(day: number, msOfDay: number): number {
  return day * MS_PER_DAY + msOfDay - SERVICE_OFFSET_MS;
}

/** Parses `HH:mm` or `HH:mm:ss` into milliseconds since midnight (24:00 allowed for an end). */
export function parseClock(s: string): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) throw new RangeError(`not a time of day (HH:mm[:ss]): ${JSON.stringify(s)}`);
  const h = Number(m[1]);
  const mi = Number(m[2]);
  const se = m[3] === undefined ? 0 : Number(m[3]);
  if (h > 24 || mi > 59 || se > 59 || (h === 24 && (mi > 0 || se > 0))) {
    throw new RangeError(`no such time of day: ${s}`);
  }
  return h * MS_PER_HOUR + mi * MS_PER_MINUTE + se * 1000;
}

/** Formats an instant as local `YYYY-MM-DDTHH:mm:ss+08:00` (sub-second part truncated). */
export function formatInstantMs(ms: number): string {
  const local = ms + SERVICE_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  const sod = Math.floor((local - day * MS_PER_DAY) / 1000);
  const c = civilFromDays(day);
  const h = Math.floor(sod / 3600);
  const mi = Math.floor((sod % 3600) / 60);
  const s = sod % 60;
  return `${pad4(c.year)}-${pad2(c.month)}-${pad2(c.day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${SERVICE_OFFSET_TEXT}`;
}

export function formatInstant(t: Date): string {
  return formatInstantMs(t.getTime());
}

/** Short local form for explanations: `2026-09-30 10:05`. */
export function formatLocalShort(ms: number): string {
  return formatInstantMs(ms).slice(0, 16).replace('T', ' ');
}

/** Two ASCII digits at i, or -1. */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Fast path for the common shapes `YYYY-MM-DDTHH:mm:ss±HH:mm` and `YYYY-MM-DDTHH:mm:ssZ`;
 * null when the input has another shape (the general parser then decides).
 */
function parseCanonical(s: string): number | null {
  const n = s.length;
  if (n !== 25 && n !== 20) return null;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':') return null;
  const y1 = d2(s, 0);
  const y2 = d2(s, 2);
  const mo = d2(s, 5);
  const d = d2(s, 8);
  const h = d2(s, 11);
  const mi = d2(s, 14);
  const se = d2(s, 17);
  if (
    y1 < 0 ||
    y2 < 0 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    se < 0 ||
    se > 59
  ) {
    return null;
  }
  const y = y1 * 100 + y2;
  if (d > daysInMonth(y, mo)) return null;
  let offsetMs: number;
  if (n === 20) {
    if (s[19] !== 'Z') return null;
    offsetMs = 0;
  } else {
    const sign = s[19] === '+' ? 1 : s[19] === '-' ? -1 : 0;
    const oh = d2(s, 20);
    const om = d2(s, 23);
    if (sign === 0 || s[22] !== ':' || oh < 0 || oh > 23 || om < 0 || om > 59) return null;
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  }
  return daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + se * 1000 - offsetMs;
}

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO 8601 instant: `YYYY-MM-DD[THH:mm[:ss[.fff]]][Z|±HH[:mm]]`, any offset.
 * Without an offset the time is local service time (UTC+08:00); a bare date means local
 * midnight. Returns epoch milliseconds; throws a RangeError with the reason otherwise.
 */
export function parseInstantMs(input: string): number {
  const fast = parseCanonical(input);
  if (fast !== null) return fast;
  const s = input.trim();
  const m = ISO_RE.exec(s);
  if (!m) throw new RangeError(`not an ISO 8601 date-time: ${JSON.stringify(input)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const se = m[6] === undefined ? 0 : Number(m[6]);
  const frac = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`no such date: ${JSON.stringify(input)}`);
  }
  if (h > 23 || mi > 59 || se > 59) throw new RangeError(`no such time of day: ${JSON.stringify(input)}`);
  let offsetMs = SERVICE_OFFSET_MS;
  const z = m[8];
  if (z !== undefined && z !== 'Z' && z !== 'z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 23 || om > 59) throw new RangeError(`bad UTC offset: ${JSON.stringify(input)}`);
    offsetMs = sign * (oh * MS_PER_HOUR + om * MS_PER_MINUTE);
  } else if (z !== undefined) {
    offsetMs = 0;
  }
  return (
    daysFromCivil(y, mo, d) * MS_PER_DAY + h * MS_PER_HOUR + mi * MS_PER_MINUTE + se * 1000 + frac - offsetMs
  );
}

export function parseInstant(input: string): Date {
  return new Date(parseInstantMs(input));
}
