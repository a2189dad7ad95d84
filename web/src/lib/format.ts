import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatServiceTime, SERVICE_OFFSET_MINUTES } from '../../../common/service-time';

dayjs.extend(utc);

/** A dayjs in the service time zone, for date pickers; text goes through formatServiceTime. */
export function toServiceTime(value: string | Date): dayjs.Dayjs {
  return dayjs(value).utcOffset(SERVICE_OFFSET_MINUTES);
}

export function fmtDateTime(value: string | Date | null | undefined): string {
  return value ? formatServiceTime(value, 'minute') || '—' : '—';
}

export function fmtShort(value: string | Date | null | undefined): string {
  return value ? formatServiceTime(value, 'short') || '—' : '—';
}

export function fmtDate(value: string | Date | null | undefined): string {
  return value ? formatServiceTime(value, 'date') || '—' : '—';
}

/** "3天4小时", "5小时12分", "8分" for a positive span in milliseconds. */
export function fmtSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${mins}分`;
  return `${mins}分`;
}

export interface Remaining {
  overdue: boolean;
  text: string;
  ms: number;
}

/** Time left to a deadline at `nowMs` (the platform's clock), in natural time. */
export function remaining(due: string | null | undefined, nowMs: number): Remaining | null {
  if (!due) return null;
  const ms = new Date(due).getTime() - nowMs;
  if (Number.isNaN(ms)) return null;
  return ms >= 0
    ? { overdue: false, text: `剩余${fmtSpan(ms)}`, ms }
    : { overdue: true, text: `超期${fmtSpan(-ms)}`, ms };
}
