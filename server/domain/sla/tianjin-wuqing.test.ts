/**
 * tianjin-wuqing (武清区便民服务专线管理规定实施细则, 2015). By hand from §19(2) (help 2 WD;
 * complaint, report, suggestion and other difficult matters 7 WD; from the unit's receipt of the
 * order), §21 (extension asked 1 WD before the deadline), §25 (callback within 24 h of the reply).
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { getBuiltInProfile } from '../policy';
import { computeDeadlines } from './compute-deadlines';
import { lightAt } from './light-at';
import { at, facts, local } from './test-helpers';

const cal = shippedCalendar();
const wuqing = getBuiltInProfile('tianjin-wuqing');
const compute = (f: Parameters<typeof facts>[0]) => computeDeadlines(wuqing, cal, facts(f));

describe('tianjin-wuqing §19(2) handling limits from dispatch', () => {
  it.each([
    ['help', false, '2026-09-30 10:00', '2026-10-09 23:59:59', '2026-10-08 23:59:59'], // Oct 8, 9
    ['consult', false, '2026-09-30 10:00', '2026-10-09 23:59:59', '2026-10-08 23:59:59'], // handled as a general request
    ['complaint', false, '2026-09-30 10:00', '2026-10-15 23:59:59', '2026-10-14 23:59:59'], // Oct 8, 9, 10, 12, 13, 14, 15
    ['report', false, '2026-09-30 10:00', '2026-10-15 23:59:59', '2026-10-14 23:59:59'],
    ['suggestion', false, '2026-09-30 10:00', '2026-10-15 23:59:59', '2026-10-14 23:59:59'],
    ['help', true, '2026-09-30 10:00', '2026-10-15 23:59:59', '2026-10-14 23:59:59'], // 其他疑难事项
    ['help', false, '2026-10-09 17:00', '2026-10-12 23:59:59', '2026-10-10 23:59:59'], // Oct 10 (make-up), 12; ask by Oct 10
    ['report', false, '2026-02-12 09:00', '2026-02-28 23:59:59', '2026-02-27 23:59:59'], // Feb 13, 14, 24, 25, 26, 27, 28
    ['help', false, '2026-02-13 09:00', '2026-02-24 23:59:59', '2026-02-14 23:59:59'], // Feb 14 (make-up), 24
  ])(
    '%s (complex=%s) dispatched %s → due %s, extension asked by %s (§21)',
    (type, complex, dispatched, due, ask) => {
      const d = compute({ dispatched, type: type as 'help', complex });
      expect(local(d.handleBy?.dueAt)).toBe(due);
      expect(local(d.extensionRequestBy?.dueAt)).toBe(ask);
      expect(d.handleBy?.article).toBe('tianjin-wuqing §19(2)');
      expect(d.extensionRequestBy?.article).toBe('tianjin-wuqing §21');
    },
  );
  it('no lights: overdue after the deadline, never yellow or red', () => {
    const f = facts({ dispatched: '2026-09-30 10:00' });
    const d = computeDeadlines(wuqing, cal, f);
    expect(lightAt(d, f, at('2026-10-09 23:00'))).toBe('green');
    expect(lightAt(d, f, at('2026-10-10 00:00'))).toBe('overdue');
    expect(lightAt(d, f, at('2026-11-30 00:00'))).toBe('overdue');
  });
  it('an extension is reported to the city line; its days count after the original deadline day', () => {
    const d = compute({
      dispatched: '2026-09-30 10:00',
      extensions: [{ workingDays: 5, approvedAt: '2026-10-08 16:00' }],
    });
    // Original Oct 9 → Oct 10, 12, 13, 14, 15.
    expect(local(d.handleBy?.dueAt)).toBe('2026-10-15 23:59:59');
    expect(local(d.extensionRequestBy?.dueAt)).toBe('2026-10-14 23:59:59'); // no count limit in §21
  });
});

describe('tianjin-wuqing §25 callback within 24 hours of the reply', () => {
  it('callbackBy = reply + 24 h, holidays included; none before the reply', () => {
    expect(
      local(compute({ dispatched: '2026-09-30 10:00', replied: '2026-10-01 20:00' }).callbackBy?.dueAt),
    ).toBe('2026-10-02 20:00:00');
    expect(compute({ dispatched: '2026-09-30 10:00' }).callbackBy).toBeUndefined();
  });
  it('dispatch at once, first contact at once: no fixed deadlines (§17, §19(1))', () => {
    const d = compute({ dispatched: '2026-09-30 10:00' });
    expect(d.firstContactBy).toBeUndefined();
    expect(d.receiveBy).toBeUndefined();
    expect(d.returnBy).toBeUndefined();
  });
});
