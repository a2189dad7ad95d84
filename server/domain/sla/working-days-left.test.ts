import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { at } from './test-helpers';
import { workingDaysLeft } from './working-days-left';

const cal = shippedCalendar();

describe('workingDaysLeft', () => {
  it.each([
    // SPEC §4.1: 5 WD from 2026-09-30 end on 10-13 (Oct 1-7 off, Oct 10 a make-up Saturday):
    // after 09-30 come 10-08, 10-09, 10-10, 10-12, 10-13.
    ['2026-09-30 10:00', '2026-10-13 23:59', 5],
    // Friday to the next Monday: only Monday counts.
    ['2026-11-27 10:00', '2026-11-30 23:59', 1],
    // On the deadline's day itself: none left in whole working days.
    ['2026-11-30 08:00', '2026-11-30 23:59', 0],
    // Inside the National Day holiday, deadline on the first working day after it.
    ['2026-10-03 12:00', '2026-10-08 23:59', 1],
  ])('from %s to %s: %i', (now, due, expected) => {
    expect(workingDaysLeft(cal, at(due), at(now))).toBe(expected);
  });

  it('is null once the deadline has passed', () => {
    expect(workingDaysLeft(cal, at('2026-11-30 12:00'), at('2026-11-30 12:01'))).toBeNull();
  });

  it('counts in service time, not UTC: 23:30 local on Friday is still Friday', () => {
    // 2026-11-27 23:30 +08:00 is 15:30 UTC the same day; 2026-11-30 is Monday.
    expect(workingDaysLeft(cal, at('2026-11-30 23:59'), at('2026-11-27 23:30'))).toBe(1);
  });
});
