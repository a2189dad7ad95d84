/**
 * tianjin-urban (天津市城市管理委 便民服务专线工作管理办法, 2021). Expected values by hand from
 * §8(1) (receive), §8(5) (handling from arrival, 8 h return), §8(1)/§10 (sector orders) and the
 * 2026 schedule: 元旦 Jan 1-3; 春节 Feb 15-23 (make-up Feb 14, 28); 清明 Apr 4-6; 劳动节 May 1-5
 * (make-up May 9); 端午 Jun 19-21; 中秋 Sep 25-27; 国庆 Oct 1-7 (make-up Sep 20, Oct 10).
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { getBuiltInProfile } from '../policy';
import { computeDeadlines } from './compute-deadlines';
import { facts, local } from './test-helpers';

const cal = shippedCalendar();
const urban = getBuiltInProfile('tianjin-urban');
const compute = (f: Parameters<typeof facts>[0]) => computeDeadlines(urban, cal, facts(f));

describe('tianjin-urban §8(1) receive window (SPEC §4.1 examples and more)', () => {
  it.each([
    // SPEC §4.1 examples
    [
      '2026-10-07 10:00',
      'normal',
      '2026-10-09 09:00:00',
      'inside the National Day block → Oct 8 09:00 + 24 h',
    ],
    [
      '2026-09-30 16:30',
      'normal',
      '2026-10-09 09:00:00',
      'off hours before a 7-day block → Oct 8 09:00 + 24 h',
    ],
    ['2026-10-09 20:00', 'normal', '2026-10-10 12:00:00', 'next opening is the make-up Saturday → + 3 h'],
    ['2026-03-07 11:00', 'normal', '2026-03-09 12:00:00', 'Saturday → Monday 09:00 + 3 h'],
    ['2026-03-07 11:00', 'extra-urgent', '2026-03-07 12:00:00', '特急件: t + 1 h always'],
    // inside office hours
    ['2026-10-09 10:00', 'urgent', '2026-10-09 13:00:00', 'working day 09:00-16:00 → t + 3 h'],
    ['2026-10-09 15:59', 'emergency', '2026-10-09 18:59:00', 'still inside the window'],
    ['2026-10-09 09:00', 'normal', '2026-10-09 12:00:00', '09:00 itself is inside'],
    ['2026-10-09 16:00', 'normal', '2026-10-10 12:00:00', '16:00 itself is off hours'],
    [
      '2026-10-12 08:00',
      'normal',
      '2026-10-12 12:00:00',
      'before 09:00 on a working day → same-day 09:00 + 3 h',
    ],
    // Spring Festival 2026
    ['2026-02-13 17:00', 'normal', '2026-02-14 12:00:00', 'make-up Saturday opens before the block'],
    ['2026-02-14 16:30', 'normal', '2026-02-25 09:00:00', 'crosses Feb 15-23 (9 days) → Feb 24 09:00 + 24 h'],
    ['2026-02-18 10:00', 'normal', '2026-02-25 09:00:00', 'inside the block'],
    ['2026-02-18 10:00', 'extra-urgent', '2026-02-18 11:00:00', '特急件 on a holiday'],
    // block length
    ['2026-04-30 17:00', 'normal', '2026-05-07 09:00:00', '劳动节 May 1-5 is exactly 5 days → + 24 h'],
    ['2026-04-03 18:00', 'normal', '2026-04-07 12:00:00', '清明 Apr 4-6 is 3 days → + 3 h'],
    ['2026-09-24 17:00', 'normal', '2026-09-28 12:00:00', '中秋 Sep 25-27 is 3 days → + 3 h'],
    [
      '2026-05-06 08:30',
      'normal',
      '2026-05-06 12:00:00',
      'the first morning after the block: t is not in it',
    ],
  ])('received %s (%s) → receive by %s: %s', (received, urgency, due, _why) => {
    const d = compute({ received, urgency: urgency as 'normal' });
    expect(local(d.receiveBy?.dueAt)).toBe(due);
    expect(d.receiveBy?.article).toMatch(/tianjin-urban §8\(1\)/);
  });
});

describe('tianjin-urban §8(5) handling limits, counted from arrival', () => {
  it.each([
    ['normal', '2026-10-14 23:59:59'], // Oct 8, 9, 10, 12, 13, 14
    ['urgent', '2026-10-09 23:59:59'], // Oct 8, 9
    ['emergency', '2026-10-08 23:59:59'], // Oct 8
    ['extra-urgent', '2026-09-30 17:00:00'], // 0.5 h
  ])('%s received 2026-09-30 16:30 → %s', (urgency, due) => {
    const d = compute({
      received: '2026-09-30 16:30',
      dispatched: '2026-10-08 09:30',
      urgency: urgency as 'normal',
    });
    expect(local(d.handleBy?.dueAt)).toBe(due);
  });
  it('普通件 across the Spring Festival: received Fri 2026-02-13 11:00 → Feb 14, 24, 25, 26, 27, 28', () => {
    expect(local(compute({ received: '2026-02-13 11:00' }).handleBy?.dueAt)).toBe('2026-02-28 23:59:59');
  });
  it('return within 8 h of the unit receipt (§8(4)-(5): 接到承办工单后 … 8小时内退回); no lights, extension request due by the deadline (§8(6))', () => {
    const d = compute({ received: '2026-09-30 16:30', accepted: '2026-09-30 18:10' });
    expect(local(d.returnBy?.dueAt)).toBe('2026-10-01 02:10:00');
    expect(d.handleBy?.warnAt).toBeNull();
    expect(d.handleBy?.redAt).toBeNull();
    expect(local(d.extensionRequestBy?.dueAt)).toBe('2026-10-14 23:59:59');
    expect(d.firstContactBy).toBeUndefined(); // 第一时间 (§8(4)): no fixed time
    expect(d.callbackBy).toBeUndefined();
  });
  it('§8(5): not signed for yet → the return window has not started', () => {
    expect(compute({ received: '2026-09-30 16:30' }).returnBy).toBeUndefined();
  });
  it.each(['heating', 'gas', 'road-bridge'])(
    '%s orders follow their sector rules (§8(1), §10): no receive or handling limit',
    (category) => {
      const d = compute({ received: '2026-09-30 16:30', category });
      expect(d.receiveBy).toBeUndefined();
      expect(d.handleBy).toBeUndefined();
    },
  );
});
