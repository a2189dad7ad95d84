/**
 * Receive window with office hours (tianjin-urban §8(1), SPEC §4.1):
 * - arriving on a working day inside a working window (09:00 ≤ t < 16:00) → t + withinHours;
 * - otherwise the next opening O (start of the next window on a working day); the deadline is
 *   O + longHoliday.hours if t, or any part of the span from t to O, falls in a block of
 *   consecutive non-working days that contains a public holiday and is at least
 *   longHoliday.minDays long; else O + offHoursHours.
 */
import type { ExplanationStep } from '../../../common/contracts/deadline-explanation';
import {
  MS_PER_HOUR,
  isWithinWindows,
  localDayOfMs,
  nextOpening,
  type ParsedWindow,
  type WorkCalendar,
} from '../calendar';
import type { OfficeHoursLimit } from '../policy';
import { specialDaysIn } from './durations';

export function receiveWithOfficeHours(
  cal: WorkCalendar,
  arrivalMs: number,
  rule: OfficeHoursLimit,
  windows: readonly ParsedWindow[],
): { ms: number; steps: ExplanationStep[]; firstDay: number; lastDay: number } {
  if (isWithinWindows(cal, arrivalMs, windows)) {
    return {
      ms: arrivalMs + rule.withinHours * MS_PER_HOUR,
      steps: [
        { kind: 'within-office-hours', hours: rule.withinHours, from: new Date(arrivalMs).toISOString() },
      ],
      firstDay: localDayOfMs(arrivalMs),
      lastDay: localDayOfMs(arrivalMs),
    };
  }
  const opening = nextOpening(cal, arrivalMs, windows);
  const d0 = localDayOfMs(arrivalMs);
  const d1 = localDayOfMs(opening);
  let long = false;
  if (rule.longHoliday) {
    // Non-working days from t's day up to the day before O; blocks are checked whole.
    for (let d = d0; d < d1 && !long; d++) {
      const block = cal.offBlock(d);
      if (block && block.hasHoliday && block.length >= rule.longHoliday.minDays) long = true;
      if (block) d = block.end;
    }
  }
  const hours = long && rule.longHoliday ? rule.longHoliday.hours : rule.offHoursHours;
  return {
    ms: opening + hours * MS_PER_HOUR,
    steps: [
      {
        kind: 'after-opening',
        hours,
        opening: new Date(opening).toISOString(),
        receivedAt: new Date(arrivalMs).toISOString(),
        longHolidayDays: long ? (rule.longHoliday?.minDays ?? 5) : null,
        special: specialDaysIn(cal, d0, d1),
      },
    ],
    firstDay: d0,
    lastDay: d1,
  };
}
