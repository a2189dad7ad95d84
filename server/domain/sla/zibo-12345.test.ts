/**
 * zibo-12345 (淄博12345政务服务便民热线运行管理办法(试行), 2021). Expected values worked out by
 * hand from the articles and the 2026 State Council schedule:
 *   国庆 Oct 1-7 off, make-up Sun Sep 20 and Sat Oct 10; 春节 Feb 15-23 off, make-up Sat Feb 14 and Sat Feb 28.
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { getBuiltInProfile } from '../policy';
import { computeDeadlines } from './compute-deadlines';
import { lightAt } from './light-at';
import { at, dues, facts, fiveWorkingDaysOverNationalDay, local } from './test-helpers';

const cal = shippedCalendar();
const zibo = getBuiltInProfile('zibo-12345');
const compute = (f: Parameters<typeof facts>[0]) => computeDeadlines(zibo, cal, facts(f));

describe('zibo-12345 §11(3) handling: 5 working days from dispatch', () => {
  it.each([
    // dispatched → 5th working day after the dispatch date
    ['2026-09-30 10:05', '2026-10-13 23:59:59'], // Oct 8, 9, 10 (make-up Sat), 12, 13
    ['2026-10-07 10:00', '2026-10-13 23:59:59'], // dispatched on a holiday: Oct 8, 9, 10, 12, 13
    ['2026-10-09 20:00', '2026-10-15 23:59:59'], // Oct 10, 12, 13, 14, 15
    ['2026-09-18 12:00', '2026-09-24 23:59:59'], // Sep 20 (make-up Sun), 21, 22, 23, 24
    ['2026-02-13 15:00', '2026-02-27 23:59:59'], // Feb 14 (make-up Sat), 24, 25, 26, 27
  ])('dispatched %s → due %s', (dispatched, due) => {
    expect(local(compute({ dispatched }).handleBy?.dueAt)).toBe(due);
  });
  it('dispatched on 除夕 2026-02-16 → Feb 24, 25, 26, 27, 28 (make-up Saturday) → due 2026-02-28 23:59:59', () => {
    expect(local(compute({ dispatched: '2026-02-16 09:00' }).handleBy?.dueAt)).toBe('2026-02-28 23:59:59');
  });
  it('counts from dispatch, not arrival; no dispatch → no dispatch-based stage', () => {
    expect(
      local(compute({ received: '2026-09-28 10:00', dispatched: '2026-09-30 10:05' }).handleBy?.dueAt),
    ).toBe('2026-10-13 23:59:59');
    // Only the platform's own dispatch limit (§11(2)) runs before dispatch.
    expect(Object.keys(compute({ received: '2026-09-28 10:00', dispatched: null }))).toEqual(['dispatchBy']);
  });
  it('explains the holiday and the make-up day, citing §11(3)', () => {
    const h = compute({ dispatched: '2026-09-30 10:05' }).handleBy;
    expect(h?.explanation).toEqual([
      fiveWorkingDaysOverNationalDay,
      { kind: 'rule', article: 'zibo-12345 §11(3)' },
    ]);
    expect(h?.provisional).toBe(false);
    expect(local(h?.startAt)).toBe('2026-09-30 10:05:00');
  });
});

describe('zibo-12345 §12 lights', () => {
  it('yellow from the end of the last working day before the deadline day, red from the end of the first after', () => {
    const h = compute({ dispatched: '2026-09-30 10:05' }).handleBy;
    expect(local(h?.warnAt)).toBe('2026-10-12 23:59:59');
    expect(local(h?.redAt)).toBe('2026-10-14 23:59:59');
  });
  it('red lands on a make-up Saturday: due Fri 2026-02-27 → red 2026-02-28 23:59:59, yellow 2026-02-26 23:59:59', () => {
    const h = compute({ dispatched: '2026-02-13 15:00' }).handleBy;
    expect(local(h?.warnAt)).toBe('2026-02-26 23:59:59');
    expect(local(h?.redAt)).toBe('2026-02-28 23:59:59');
  });
  it('yellow skips the holiday: due Thu 2026-10-08 (1 WD) → yellow Wed 2026-09-30 23:59:59', () => {
    const h = compute({
      dispatched: '2026-09-29 10:00',
      urgency: 'emergency',
      emergencyResultDays: 1,
    }).handleBy;
    expect(local(h?.dueAt)).toBe('2026-09-30 23:59:59'); // 1 WD after Sep 29
    const h2 = compute({
      dispatched: '2026-09-30 11:00',
      urgency: 'emergency',
      emergencyResultDays: 1,
    }).handleBy;
    expect(local(h2?.dueAt)).toBe('2026-10-08 23:59:59');
    expect(local(h2?.warnAt)).toBe('2026-09-30 23:59:59');
    expect(local(h2?.redAt)).toBe('2026-10-09 23:59:59');
  });
  it.each([
    ['2026-10-12 12:00', 'green'],
    ['2026-10-12 23:59:59', 'yellow'],
    ['2026-10-13 23:59:59', 'yellow'],
    ['2026-10-14 00:00', 'overdue'],
    ['2026-10-14 23:59:58', 'overdue'],
    ['2026-10-14 23:59:59', 'red'],
    ['2026-12-01 00:00', 'red'],
  ])('dispatched 2026-09-30 10:05, at %s the light is %s', (now, light) => {
    const f = facts({ dispatched: '2026-09-30 10:05' });
    expect(lightAt(computeDeadlines(zibo, cal, f), f, at(now))).toBe(light);
  });
  it('a reply stops the clock: replied in the yellow period stays yellow; replied before it stays green', () => {
    const late = facts({ dispatched: '2026-09-30 10:05', replied: '2026-10-13 10:00' });
    expect(lightAt(computeDeadlines(zibo, cal, late), late, at('2026-10-20 09:00'))).toBe('yellow');
    const early = facts({ dispatched: '2026-09-30 10:05', replied: '2026-10-09 10:00' });
    expect(lightAt(computeDeadlines(zibo, cal, early), early, at('2026-10-20 09:00'))).toBe('green');
    const overdue = facts({ dispatched: '2026-09-30 10:05', replied: '2026-10-14 10:00' });
    expect(lightAt(computeDeadlines(zibo, cal, overdue), overdue, at('2026-10-20 09:00'))).toBe('overdue');
  });
});

describe('zibo-12345 §11(6) return and §11(4) extension', () => {
  it('return within 2 WD from dispatch, provincial orders 1 WD', () => {
    expect(local(compute({ dispatched: '2026-09-30 10:05' }).returnBy?.dueAt)).toBe('2026-10-09 23:59:59');
    expect(local(compute({ dispatched: '2026-09-30 10:05', level: 'province' }).returnBy?.dueAt)).toBe(
      '2026-10-08 23:59:59',
    );
  });
  it('extension asked within the limit (k=0); provincial orders 1 WD before the deadline day', () => {
    expect(local(compute({ dispatched: '2026-09-30 10:05' }).extensionRequestBy?.dueAt)).toBe(
      '2026-10-13 23:59:59',
    );
    expect(
      local(compute({ dispatched: '2026-09-30 10:05', level: 'province' }).extensionRequestBy?.dueAt),
    ).toBe('2026-10-12 23:59:59');
    // Dispatched Thu 2026-02-12 → Feb 13, 14 (make-up), 24, 25, 26 → due Feb 26; 1 WD before → Feb 25.
    const d = compute({ dispatched: '2026-02-12 09:00', level: 'province' });
    expect(local(d.handleBy?.dueAt)).toBe('2026-02-26 23:59:59');
    expect(local(d.extensionRequestBy?.dueAt)).toBe('2026-02-25 23:59:59');
  });
  it('an approved 3 WD extension moves the deadline to the 3rd working day after the original deadline day', () => {
    const d = compute({
      dispatched: '2026-09-30 10:05',
      extensions: [{ workingDays: 3, approvedAt: '2026-10-12 15:00' }],
    });
    // Original Oct 13 → Oct 14, 15, 16.
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-16 23:59:59');
    expect(local(d.handleBy?.warnAt)).toBe('2026-10-15 23:59:59');
    expect(local(d.handleBy?.redAt)).toBe('2026-10-19 23:59:59');
    expect(d.extensionRequestBy).toBeUndefined(); // one extension only; then 续报 (§11(4), §11(7))
  });
  it('an extension across the Spring Festival lands on the make-up Saturday', () => {
    // Dispatched Mon 2026-02-09 → Feb 10, 11, 12, 13, 14 (make-up) → due Feb 14; +2 WD → Feb 24, 25.
    const d = compute({
      dispatched: '2026-02-09 09:00',
      extensions: [{ workingDays: 2, approvedAt: '2026-02-13 09:00' }],
    });
    expect(local(d.handleBy?.dueAt)).toBe('2026-02-25 23:59:59');
  });
});

describe('zibo-12345 §13 emergency orders', () => {
  it('initial response 2 h after dispatch; result within the days the dispatcher set (default 3 WD)', () => {
    const d = compute({ dispatched: '2026-09-30 22:00', urgency: 'emergency' });
    expect(local(d.firstContactBy?.dueAt)).toBe('2026-10-01 00:00:00');
    // Oct 8, 9, 10 (make-up Saturday).
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-10 23:59:59');
    const two = compute({ dispatched: '2026-09-30 22:00', urgency: 'extra-urgent', emergencyResultDays: 2 });
    expect(local(two.handleBy?.dueAt)).toBe('2026-10-09 23:59:59');
  });
  it('a normal order has no first-contact stage', () => {
    expect(compute({ dispatched: '2026-09-30 22:00' }).firstContactBy).toBeUndefined();
  });
});

describe('suspension (pauses) and provisional years', () => {
  it('a working day touched by a pause does not count', () => {
    // Oct 8 (1), Oct 9 paused, Oct 10 (2), 12 (3), 13 (4), 14 (5).
    const d = compute({
      dispatched: '2026-09-30 10:05',
      pauses: [{ from: '2026-10-09 10:00', to: '2026-10-09 15:00' }],
    });
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-14 23:59:59');
  });
  it('a pause over holidays only changes nothing', () => {
    const d = compute({
      dispatched: '2026-09-30 10:05',
      pauses: [{ from: '2026-10-02 08:00', to: '2026-10-06 18:00' }],
    });
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-13 23:59:59');
  });
  it('an open pause freezes the light at its start', () => {
    const f = facts({ dispatched: '2026-09-30 10:05', pauses: [{ from: '2026-10-12 09:00', to: null }] });
    const d = computeDeadlines(zibo, cal, f);
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-13 23:59:59');
    expect(lightAt(d, f, at('2026-10-30 09:00'))).toBe('green');
  });
  it('2026-12-28 + 5 WD runs into 2027 (no schedule yet): Dec 29, 30, 31, Jan 4, 5 → provisional', () => {
    const h = compute({ dispatched: '2026-12-28 09:00' }).handleBy;
    expect(local(h?.dueAt)).toBe('2027-01-05 23:59:59');
    expect(h?.provisional).toBe(true);
    expect(h?.explanation).toContainEqual({ kind: 'provisional', years: [2027] });
  });
  it('2027-09-29 + 5 WD: Sep 30, Oct 4, 5, 6, 7 (Oct 1-3 statutory) → provisional', () => {
    const d = compute({ dispatched: '2027-09-29 10:00' });
    expect(dues(d).handleBy).toBe('2027-10-07 23:59:59');
    expect(d.handleBy?.provisional).toBe(true);
    expect(d.returnBy?.provisional).toBe(true);
  });
});
