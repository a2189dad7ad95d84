import { z } from 'zod';

/**
 * Instants the platform accepts anywhere (intake, actions, imports): from 2000 to 2099. The
 * working-day calendar holds official schedules from 2007 and statutory holidays for other
 * years; outside this range a date is a typing error (year 1 would even be read as 2001 by
 * some drivers), never a real request.
 */
export const EARLIEST_INSTANT = Date.parse('2000-01-01T00:00:00+08:00');
export const LATEST_INSTANT = Date.parse('2100-01-01T00:00:00+08:00');
export const INSTANT_RANGE_MESSAGE = '时间超出有效范围（2000—2099 年）';

export function isInstantInRange(ms: number): boolean {
  return Number.isFinite(ms) && ms >= EARLIEST_INSTANT && ms < LATEST_INSTANT;
}

/** An ISO 8601 date-time with an offset, within the platform's range. */
export const boundedInstant = z.iso
  .datetime({ offset: true })
  .refine((s) => isInstantInRange(Date.parse(s)), { message: INSTANT_RANGE_MESSAGE });
