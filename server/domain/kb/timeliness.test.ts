import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { policyNoticeDueOn, policyNoticeState, weekdayCalendar } from './timeliness';

describe('policy upload timeliness (5 working days)', () => {
  it('counts Monday to Friday without a calendar', () => {
    expect(policyNoticeDueOn('2026-11-16', weekdayCalendar)).toBe('2026-11-23'); // Mon → next Mon
    expect(policyNoticeDueOn('2026-11-20', weekdayCalendar)).toBe('2026-11-27'); // Fri → next Fri
    expect(policyNoticeDueOn('2026-11-21', weekdayCalendar)).toBe('2026-11-27'); // Sat → Fri
  });

  it('skips the National Day holiday and counts the make-up Saturday with the official calendar', () => {
    // 2026-09-30 (Wed); 10-01..10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (make-up day), 10-12 Mon, 10-13 Tue.
    expect(policyNoticeDueOn('2026-09-30', shippedCalendar())).toBe('2026-10-13');
    expect(policyNoticeDueOn('2026-09-30', weekdayCalendar)).toBe('2026-10-07');
  });

  it('classifies notices', () => {
    expect(policyNoticeState('2026-11-23', null, '2026-11-23')).toBe('pending');
    expect(policyNoticeState('2026-11-23', null, '2026-11-24')).toBe('overdue');
    expect(policyNoticeState('2026-11-23', '2026-11-23', '2026-12-01')).toBe('answered');
    expect(policyNoticeState('2026-11-23', '2026-11-24', '2026-12-01')).toBe('answered-late');
  });
});
