/**
 * Dispatch and feedback limits as stages. Expected values by hand from the articles and the 2026
 * State Council schedule: 国庆 Oct 1-7 off, make-up Sun Sep 20 and Sat Oct 10.
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { getBuiltInProfile } from '../policy';
import { computeDeadlines } from './compute-deadlines';
import { facts, local } from './test-helpers';

const cal = shippedCalendar();
const compute = (id: string, f: Parameters<typeof facts>[0]) =>
  computeDeadlines(getBuiltInProfile(id), cal, facts(f));

describe('zibo-12345 §11(2): dispatched within 1 working day of arrival, emergencies at once', () => {
  it.each([
    ['2026-09-30 10:05', '2026-10-08 23:59:59'], // Oct 1-7 holiday: the 1st working day is Thu Oct 8
    ['2026-09-18 12:00', '2026-09-20 23:59:59'], // Fri → make-up Sunday Sep 20
    ['2026-10-12 23:30', '2026-10-13 23:59:59'], // Mon late evening → Tue
  ])('received %s → dispatchBy %s', (received, due) => {
    const d = compute('zibo-12345', { received, dispatched: null }).dispatchBy;
    expect(local(d?.dueAt)).toBe(due);
    expect(local(d?.startAt)).toBe(`${received}:00`);
    expect(d?.article).toBe('zibo-12345 §11(2)');
  });
  it('an emergency order is dispatched at once (§11(2), §13): no dispatch stage', () => {
    expect(compute('zibo-12345', { received: '2026-09-30 10:05', urgency: 'emergency' }).dispatchBy).toBe(
      undefined,
    );
  });
  it('the stage stays after dispatch (met by it), with no lights of its own (§12 lights the handling limit)', () => {
    const d = compute('zibo-12345', {
      received: '2026-09-30 10:05',
      dispatched: '2026-10-08 09:00',
    }).dispatchBy;
    expect(local(d?.dueAt)).toBe('2026-10-08 23:59:59');
    expect(d?.warnAt).toBe(null);
    expect(d?.redAt).toBe(null);
  });
});

describe('shanghai-962200 §10(2): 工单流转 within 1 working day, §10(3) emergencies at once', () => {
  it('received Wed 2026-09-30 16:00 → dispatchBy Thu 2026-10-08 23:59:59', () => {
    const d = compute('shanghai-962200', { received: '2026-09-30 16:00', dispatched: null }).dispatchBy;
    expect(local(d?.dueAt)).toBe('2026-10-08 23:59:59');
    expect(d?.article).toBe('shanghai-962200 §10(2)');
  });
  it('应急处理: an extra-urgent order has no dispatch stage', () => {
    expect(
      compute('shanghai-962200', { received: '2026-09-30 16:00', urgency: 'extra-urgent' }).dispatchBy,
    ).toBe(undefined);
  });
});

describe('beijing-miyun §19: feedback to the caller within 10 working days of 接办', () => {
  it('accepted Mon 2026-09-28 09:00 → Sep 29, 30, Oct 8, 9, 10 (make-up), 12-16 → 2026-10-16 23:59:59', () => {
    const d = compute('beijing-miyun', {
      received: '2026-09-28 08:00',
      dispatched: '2026-09-28 08:30',
      accepted: '2026-09-28 09:00',
    }).feedbackBy;
    expect(local(d?.dueAt)).toBe('2026-10-16 23:59:59');
    expect(d?.article).toBe('beijing-miyun §19');
  });
  it('not accepted yet: no feedback stage', () => {
    expect(compute('beijing-miyun', { received: '2026-09-28 08:00' }).feedbackBy).toBe(undefined);
  });
  it('profiles whose feedback is due within the handling limit get no separate stage', () => {
    for (const id of ['zibo-12345', 'shanghai-962200', 'tianjin-wuqing']) {
      expect(compute(id, { received: '2026-09-28 08:00', accepted: '2026-09-28 09:00' }).feedbackBy).toBe(
        undefined,
      );
    }
  });
});
