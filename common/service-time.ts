/**
 * The service time zone and the one formatter of local times, shared by server and web.
 *
 * Asia/Shanghai has been a fixed UTC+08:00 since 1991 (no daylight saving), so an instant is
 * shown in service time by shifting it by the offset and reading the UTC fields: nothing here
 * depends on the process or browser time zone.
 */
export const SERVICE_TIME_ZONE = 'Asia/Shanghai';
export const SERVICE_OFFSET_MINUTES = 480;
export const SERVICE_OFFSET_MS = SERVICE_OFFSET_MINUTES * 60_000;
/** The offset as written in ISO 8601 instants: `+08:00`. */
export const SERVICE_OFFSET_TEXT = '+08:00';

/** date `2026-09-30`; minute `2026-09-30 10:05`; second `2026-09-30 10:05:07`; short `09-30 10:05`. */
export type ServiceTimeStyle = 'date' | 'minute' | 'second' | 'short';

function msOf(value: string | number | Date): number {
  return typeof value === 'number' ? value : new Date(value).getTime();
}

/** An instant as local service time in one of the styles; '' for an invalid instant. */
export function formatServiceTime(value: string | number | Date, style: ServiceTimeStyle): string {
  const ms = msOf(value);
  if (Number.isNaN(ms)) return '';
  const iso = new Date(ms + SERVICE_OFFSET_MS).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  switch (style) {
    case 'date':
      return iso.slice(0, 10);
    case 'minute':
      return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
    case 'second':
      return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
    case 'short':
      return `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
  }
}

/** The civil date (YYYY-MM-DD) of an instant in service time. */
export function serviceDate(value: string | number | Date): string {
  return formatServiceTime(value, 'date');
}

/** The calendar year of an instant in service time. */
export function serviceYear(value: string | number | Date): number {
  return Number(serviceDate(value).slice(0, 4));
}

/** The instant at which a local service time `YYYY-MM-DD` + `HH:mm` begins. */
export function instantOfServiceTime(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00${SERVICE_OFFSET_TEXT}`);
}
