import { describe, expect, it } from 'vitest';
import { getBuiltInProfile, parseProfile } from '../policy';
import {
  DEFAULT_RESPOND_WITHIN,
  isLate,
  modeAllowed,
  officeFor,
  repeatCallTrigger,
  respondWithinFor,
  supervisionLight,
  supervisionStatus,
} from './supervision-rules';

const at = (s: string) => new Date(`${s}+08:00`);
const zibo = getBuiltInProfile('zibo-12345');
const shanghai = getBuiltInProfile('shanghai-962200');
const urban = getBuiltInProfile('tianjin-urban');

describe('supervision rules', () => {
  it('shanghai-962200 §12: items 1-3 by the management office, 4-5 by the bureau office', () => {
    expect(officeFor(shanghai, 'overdue')).toBe('管理办公室');
    expect(officeFor(shanghai, 'flawed-procedure')).toBe('管理办公室');
    expect(officeFor(shanghai, 'repeat-unsatisfied')).toBe('管理办公室');
    expect(officeFor(shanghai, 'upper-platform')).toBe('市局办公室');
    expect(officeFor(shanghai, 'leader-instruction')).toBe('市局办公室');
    expect(officeFor(shanghai, 'kb-outdated')).toBeNull();
    expect(officeFor(urban, 'overdue')).toBeNull();
  });

  it('shanghai-962200 §12 modes: phone, written, on-site, joint meeting; zibo does not restrict them', () => {
    expect(modeAllowed(shanghai, 'joint-meeting')).toBe(true);
    expect(modeAllowed(shanghai, 'system')).toBe(false);
    expect(modeAllowed(zibo, 'system')).toBe(true);
  });

  it('no regulation sets the answer time: 3 working days unless the supervision sets one', () => {
    expect(respondWithinFor(zibo)).toEqual(DEFAULT_RESPOND_WITHIN);
    expect(DEFAULT_RESPOND_WITHIN).toEqual({ amount: 3, unit: 'wd' });
    expect(respondWithinFor(shanghai, 2)).toEqual({ amount: 2, unit: 'wd' });
  });

  it('zibo-12345 §15(2): one call about a matter closed within 30 days is a repeat complaint', () => {
    const now = at('2026-11-27T09:00:00');
    const closedOrder = {
      id: 7,
      receivedAt: at('2026-11-02T09:00:00'),
      closedAt: at('2026-11-10T09:00:00'),
      resultUnsatisfied: false,
    };
    expect(repeatCallTrigger(zibo, now, [closedOrder])).toEqual({
      trigger: 'repeat-complaint',
      closedOrderId: 7,
      repeats: 1,
    });
    // Received 31 days before: outside the window.
    expect(
      repeatCallTrigger(zibo, now, [{ ...closedOrder, receivedAt: at('2026-10-27T08:59:00') }]),
    ).toBeNull();
    // Still open: not 办理完毕后.
    expect(repeatCallTrigger(zibo, now, [{ ...closedOrder, closedAt: null }])).toBeNull();
    expect(repeatCallTrigger(urban, now, [closedOrder])).toBeNull();
  });

  it('shanghai-962200 §12(3): unsatisfied and 3 repeat calls', () => {
    const now = at('2026-11-27T09:00:00');
    const first = {
      id: 1,
      receivedAt: at('2026-11-02T09:00:00'),
      closedAt: at('2026-11-09T09:00:00'),
      resultUnsatisfied: true,
    };
    const second = { id: 2, receivedAt: at('2026-11-12T09:00:00'), closedAt: null, resultUnsatisfied: false };
    const third = { id: 3, receivedAt: at('2026-11-20T09:00:00'), closedAt: null, resultUnsatisfied: false };
    // The new call is the 3rd repeat of the first: orders 2, 3 and the new one.
    expect(repeatCallTrigger(shanghai, now, [first, second, third])).toEqual({
      trigger: 'repeat-unsatisfied',
      closedOrderId: 1,
      repeats: 3,
    });
    expect(repeatCallTrigger(shanghai, now, [first, second])).toBeNull();
    expect(
      repeatCallTrigger(shanghai, now, [{ ...first, resultUnsatisfied: false }, second, third]),
    ).toBeNull();
  });

  it('status, lateness and light of a supervision', () => {
    const due = at('2026-11-26T23:59:59');
    expect(supervisionStatus(at('2026-11-26T23:00:00'), due, null)).toBe('open');
    expect(supervisionStatus(at('2026-11-27T00:00:00'), due, null)).toBe('overdue');
    expect(supervisionStatus(at('2026-11-30T00:00:00'), due, at('2026-11-27T08:00:00'))).toBe('answered');
    expect(isLate(due, at('2026-11-27T08:00:00'))).toBe(true);
    expect(isLate(due, at('2026-11-26T08:00:00'))).toBe(false);
    expect(supervisionLight(at('2026-11-25T23:59:58'), due, null)).toBe('green');
    expect(supervisionLight(at('2026-11-26T00:00:00'), due, null)).toBe('yellow');
    expect(supervisionLight(at('2026-11-27T00:00:00'), due, null)).toBe('red');
    expect(supervisionLight(at('2026-11-30T00:00:00'), due, at('2026-11-27T08:00:00'))).toBe('red');
    expect(supervisionLight(at('2026-11-30T00:00:00'), null, null)).toBe('green');
  });

  it('a repeat-call rule must name one of the listed triggers (validated at load)', () => {
    const bad = JSON.parse(JSON.stringify(zibo)) as Record<string, unknown>;
    const sup = bad.supervision as { repeatCalls: { trigger: string } };
    sup.repeatCalls.trigger = 'repeat-unsatisfied';
    expect(() => parseProfile(bad, 'bad.json')).toThrow(/repeatCalls/);
  });
});
