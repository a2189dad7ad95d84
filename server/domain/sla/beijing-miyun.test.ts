/**
 * beijing-miyun (密云县便民服务和应急抢险电话管理办法实施细则, 2014). By hand from §17 (7 natural
 * days, extension up to 3 WD), §27-§28 (complaints about service numbers: 7 natural days,
 * extension asked 2 WD ahead), §22 (units call back within 7 natural days of closure).
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { beijingNumberComplaintCategory, getBuiltInProfile } from '../policy';
import { computeDeadlines } from './compute-deadlines';
import { facts, local } from './test-helpers';

const cal = shippedCalendar();
const miyun = getBuiltInProfile('beijing-miyun');
const compute = (f: Parameters<typeof facts>[0]) => computeDeadlines(miyun, cal, facts(f));

describe('beijing-miyun §17 seven natural days from dispatch', () => {
  it.each([
    ['2026-09-24 10:00', '2026-10-01 23:59:59'], // SPEC §4.1: not moved off the holiday
    ['2026-09-30 16:30', '2026-10-07 23:59:59'],
    ['2026-02-13 09:00', '2026-02-20 23:59:59'], // inside the Spring Festival
    ['2026-12-28 09:00', '2027-01-04 23:59:59'],
  ])('dispatched %s → due %s', (dispatched, due) => {
    const h = compute({ dispatched }).handleBy;
    expect(local(h?.dueAt)).toBe(due);
    expect(h?.provisional).toBe(false); // natural days do not depend on the schedule
    expect(h?.article).toBe('beijing-miyun §17');
  });
  it('extension ≤ 3 WD counted after the original deadline day: Oct 1 + 3 WD → Oct 8, 9, 10 (make-up Saturday)', () => {
    const d = compute({
      dispatched: '2026-09-24 10:00',
      extensions: [{ workingDays: 3, approvedAt: '2026-09-30 10:00' }],
    });
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-10 23:59:59');
    expect(d.extensionRequestBy).toBeUndefined(); // one extension at most
  });
  it('ordinary orders may ask for the extension until the deadline', () => {
    expect(local(compute({ dispatched: '2026-09-24 10:00' }).extensionRequestBy?.dueAt)).toBe(
      '2026-10-01 23:59:59',
    );
  });
  it('a pause skips the natural days it touches: Sep 25, [26, 27 paused], 28, 29, 30, Oct 1, 2, 3', () => {
    const d = compute({
      dispatched: '2026-09-24 10:00',
      pauses: [{ from: '2026-09-26 10:00', to: '2026-09-27 10:00' }],
    });
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-03 23:59:59');
  });
});

describe('beijing-miyun §27-§28 complaints about service numbers', () => {
  it('7 natural days; extension asked 2 working days before the deadline day', () => {
    const d = compute({
      dispatched: '2026-09-24 10:00',
      type: 'complaint',
      category: beijingNumberComplaintCategory,
    });
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-01 23:59:59');
    expect(d.handleBy?.article).toBe('beijing-miyun §27');
    // Working days before Oct 1: Sep 30 (1), Sep 29 (2).
    expect(local(d.extensionRequestBy?.dueAt)).toBe('2026-09-29 23:59:59');
    expect(d.extensionRequestBy?.article).toBe('beijing-miyun §28');
  });
  it('after the National Day: dispatched 2026-10-08 → due Oct 15; ask by Oct 13 (Oct 14, 13 before it)', () => {
    const d = compute({ dispatched: '2026-10-08 10:00', category: beijingNumberComplaintCategory });
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-15 23:59:59');
    expect(local(d.extensionRequestBy?.dueAt)).toBe('2026-10-13 23:59:59');
  });
});

describe('beijing-miyun §22 callback within 7 natural days of closure', () => {
  it('closed 2026-09-28 15:00 → call back by 2026-10-05 23:59:59; none before closure', () => {
    expect(
      local(compute({ dispatched: '2026-09-24 10:00', closed: '2026-09-28 15:00' }).callbackBy?.dueAt),
    ).toBe('2026-10-05 23:59:59');
    expect(
      compute({ dispatched: '2026-09-24 10:00', replied: '2026-09-28 15:00' }).callbackBy,
    ).toBeUndefined();
  });
  it('no order lights (unit warnings instead, §21, §30)', () => {
    const h = compute({ dispatched: '2026-09-24 10:00' }).handleBy;
    expect(h?.warnAt).toBeNull();
    expect(h?.redAt).toBeNull();
    expect(miyun.unitWarnings?.overdueComplaint?.workingDaysAfter).toBe(1);
    expect(miyun.unitWarnings?.targets.satisfactionRate).toBe(0.75);
  });
});
