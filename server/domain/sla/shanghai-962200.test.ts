/**
 * shanghai-962200 (上海市"962200"社区服务热线管理办法, 2017). By hand from §11 ("1、5、10":
 * first contact within 1 WD, answer within 5 WD, complex matters 10 WD; an electronic order is
 * received when the hotline dispatches it).
 */
import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar';
import { getBuiltInProfile } from '../policy';
import { computeDeadlines } from './compute-deadlines';
import { facts, local } from './test-helpers';

const cal = shippedCalendar();
const sh = getBuiltInProfile('shanghai-962200');
const compute = (f: Parameters<typeof facts>[0]) => computeDeadlines(sh, cal, facts(f));

describe('shanghai-962200 §11 "1-5-10" from the dispatch time', () => {
  it.each([
    // dispatched, first contact (1 WD), answer (5 WD), complex (10 WD)
    ['2026-09-30 10:00', '2026-10-08 23:59:59', '2026-10-13 23:59:59', '2026-10-20 23:59:59'],
    // Oct 8, 9, 10, 12, 13 | + 14, 15, 16, 19, 20
    ['2026-02-13 18:00', '2026-02-14 23:59:59', '2026-02-27 23:59:59', '2026-03-05 23:59:59'],
    // Feb 14 (make-up), 24, 25, 26, 27 | + 28 (make-up), Mar 2, 3, 4, 5
    ['2026-09-18 12:00', '2026-09-20 23:59:59', '2026-09-24 23:59:59', '2026-10-09 23:59:59'],
    // Sep 20 (make-up Sunday), 21, 22, 23, 24 | 中秋 Sep 25-27 off, + 28, 29, 30, Oct 8, 9
  ])('dispatched %s: contact by %s, answer by %s, complex by %s', (dispatched, contact, answer, complex) => {
    const d = compute({ received: '2026-01-05 09:00', dispatched });
    expect(local(d.firstContactBy?.dueAt)).toBe(contact);
    expect(local(d.handleBy?.dueAt)).toBe(answer);
    expect(local(compute({ dispatched, complex: true }).handleBy?.dueAt)).toBe(complex);
    expect(d.firstContactBy?.article).toBe('shanghai-962200 §11(1)');
  });
  it('no extension rule, no lights, no per-order callback deadline (monthly sample, §13)', () => {
    const d = compute({
      dispatched: '2026-09-30 10:00',
      replied: '2026-10-09 10:00',
      closed: '2026-10-10 10:00',
    });
    expect(d.extensionRequestBy).toBeUndefined();
    expect(d.callbackBy).toBeUndefined();
    expect(d.handleBy?.warnAt).toBeNull();
    expect(sh.callback?.sampling.find((s) => s.by === 'supervised')?.minRate).toBe(1);
  });
});
