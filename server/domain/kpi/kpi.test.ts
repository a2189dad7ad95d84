import { describe, expect, it } from 'vitest';
import { tally, type TallyOptions } from './counts';
import { indicators } from './indicators';
import { indicatorIds } from './indicator';
import { calledBack, fact } from './test-facts';
import type { OrderFact } from './types';

const asOf = new Date('2026-03-20T12:00:00+08:00');
const opts: TallyOptions = {
  asOf,
  satisfied: ['satisfied'],
  upheldAppeal: 'remove-rating',
  numberComplaintCategories: ['110202'],
};
const due = (iso: string) => new Date(iso);

/**
 * One unit, ten orders dispatched in March 2026, seen on 2026-03-20 12:00:
 *  r1 returned (approved)          r2 re-assigned by the platform    p1 return awaiting review
 *  i1 open, due 03-25 (in limit)   i2 open, due 03-15 (overdue)      q1 reply awaiting review (replied late)
 *  A, B, C completed on time       D completed late
 */
function march(): OrderFact[] {
  return [
    fact({ ticketId: 1, outcome: 'returned', completedAt: null, onTime: null }),
    fact({ ticketId: 2, outcome: 'reassigned', completedAt: null, onTime: null }),
    fact({ ticketId: 3, outcome: 'return-pending', completedAt: null, onTime: null, returnRequests: 1 }),
    fact({
      ticketId: 4,
      outcome: 'in-progress',
      completedAt: null,
      onTime: null,
      handleDueAt: due('2026-03-25T23:59:59+08:00'),
    }),
    fact({
      ticketId: 5,
      outcome: 'in-progress',
      completedAt: null,
      onTime: null,
      handleDueAt: due('2026-03-15T23:59:59+08:00'),
      supervisionCount: 2,
      reminderCount: 1,
    }),
    fact({
      ticketId: 6,
      outcome: 'reply-pending',
      completedAt: null,
      onTime: null,
      repliedAt: due('2026-03-18T10:00:00+08:00'),
      replyLate: true,
    }),
    fact({ ticketId: 7, ...calledBack(true, 'satisfied', 'satisfied') }), // A
    fact({
      ticketId: 8,
      ...calledBack(true, 'basically-satisfied', 'satisfied'),
      extensionsApproved: 1,
      extensionRequests: 1,
    }), // B
    fact({ ticketId: 9, confidential: true, ...calledBack(false, 'satisfied') }), // C (confidential)
    fact({
      ticketId: 10,
      onTime: false,
      ...calledBack(false, 'unsatisfied', 'unsatisfied'),
      appealUpheld: true,
      redoCount: 1,
    }), // D
  ];
}

describe('indicators on a hand-computed month', () => {
  const c = tally(march(), opts);
  const v = (id: (typeof indicatorIds)[number]) => indicators[id].value(c);

  it('on-time rate follows beijing-miyun Annex 2 §2(1)', () => {
    // dispatched 10 − approved returns 2 (r1, r2) − returns awaiting review 1 − in progress within limit 1
    // − replies awaiting review 1 = 5 (A, B, C on time; D late; i2 open past its deadline) → 3/5.
    expect(c.dispatched).toBe(10);
    expect([c.returned, c.returnPending, c.inLimit, c.replyPending]).toEqual([2, 1, 1, 1]);
    expect([c.onTime, c.late, c.overdueOpen]).toEqual([3, 1, 1]);
    expect(v('onTimeRate')).toBeCloseTo(0.6, 12);
  });

  it('feedback rate leaves confidential orders out (Annex 2 §2(2))', () => {
    // callbacks on A, B, D (C is confidential): contacted A, B → 2/3.
    expect(v('feedbackRate')).toBeCloseTo(2 / 3, 12);
  });

  it('satisfaction counts only 满意 and drops a rating removed by an upheld appeal (Annex 2 §2(3), SPEC §3.4)', () => {
    // result ratings A satisfied, B basically, C satisfied, D unsatisfied but appeal upheld → removed: 2/3.
    expect(v('satisfactionRate')).toBeCloseTo(2 / 3, 12);
    expect(v('resultSatisfactionRate')).toBeCloseTo(2 / 3, 12);
    // process ratings A satisfied, B satisfied, C none, D removed → 2/2.
    expect(v('processSatisfactionRate')).toBe(1);
    // keep: D counts as unsatisfied → 2/4; count-satisfied: D counts as satisfied → 3/4.
    expect(indicators.satisfactionRate.value(tally(march(), { ...opts, upheldAppeal: 'keep' }))).toBe(0.5);
    expect(
      indicators.satisfactionRate.value(tally(march(), { ...opts, upheldAppeal: 'count-satisfied' })),
    ).toBe(0.75);
    // 基本满意 counted as satisfied: A, B, C of 3 rated.
    expect(
      indicators.satisfactionRate.value(
        tally(march(), { ...opts, satisfied: ['satisfied', 'basically-satisfied'] }),
      ),
    ).toBe(1);
  });

  it('callback, redo, return and extension rates; overdue and supervision counts', () => {
    expect(v('callbackRate')).toBe(1); // 4 completed, 4 called back
    expect(v('redoRate')).toBe(0.25); // D of 4 completed
    expect(v('returnRate')).toBe(0.2); // r1, r2 of 10
    expect(v('extensionRate')).toBe(0.1); // B of 10
    expect(v('overdueCount')).toBe(3); // D late, i2 open past due, q1 replied late
    expect(v('supervisionCount')).toBe(1); // i2
    expect(c.supervisions).toBe(2);
    expect(c.reminded).toBe(1);
    expect(c.returnRequested).toBe(1);
  });

  it('rates without a denominator are null', () => {
    const empty = tally([], opts);
    for (const id of indicatorIds) {
      const ind = indicators[id];
      expect(ind.value(empty)).toBe(ind.kind === 'rate' ? null : 0);
    }
    expect(v('receiveOnTimeRate')).toBeNull(); // no receive limit on these orders
  });

  it('orders dispatched after the report time do not count', () => {
    const later = fact({ dispatchedAt: due('2026-03-21T09:00:00+08:00') });
    expect(tally([later], opts).dispatched).toBe(0);
  });

  it('an open order turns from "within limit" to overdue when the deadline passes', () => {
    const open = fact({
      outcome: 'in-progress',
      completedAt: null,
      onTime: null,
      handleDueAt: due('2026-03-20T23:59:59+08:00'),
    });
    expect(tally([open], opts).inLimit).toBe(1);
    expect(tally([open], { ...opts, asOf: due('2026-03-21T00:00:00+08:00') }).overdueOpen).toBe(1);
    // An order without a handling limit is never overdue.
    expect(
      tally([{ ...open, handleDueAt: null }], { ...opts, asOf: due('2027-01-01T00:00:00+08:00') }).inLimit,
    ).toBe(1);
  });

  it('receive and first-contact timeliness', () => {
    const d = due('2026-03-02T13:00:00+08:00');
    const facts = [
      fact({
        receiveDueAt: d,
        acceptedAt: due('2026-03-02T12:00:00+08:00'),
        firstContactDueAt: d,
        contactedAt: due('2026-03-02T13:00:00+08:00'),
      }),
      fact({
        receiveDueAt: d,
        acceptedAt: due('2026-03-02T14:00:00+08:00'),
        firstContactDueAt: d,
        contactedAt: null,
      }),
      fact({ receiveDueAt: due('2026-03-30T00:00:00+08:00'), acceptedAt: null }), // not yet decided
    ];
    const k = tally(facts, opts);
    // receive: 1 on time of 2 decided; contact: 1 on time (at the due instant) of 2 decided (one never contacted).
    expect(indicators.receiveOnTimeRate.value(k)).toBe(0.5);
    expect(indicators.firstContactOnTimeRate.value(k)).toBe(0.5);
  });

  it('upheld complaints about service numbers count when the approved reply found them true (Annex 2 §2(4))', () => {
    const facts = [
      fact({ categoryCode: '110202', factual: 'true' }),
      fact({ categoryCode: '110202', factual: 'partly' }),
      fact({ categoryCode: '110202', factual: 'false' }),
      fact({ categoryCode: '110201', factual: 'true' }),
      fact({
        categoryCode: '110202',
        factual: 'true',
        outcome: 'reply-pending',
        completedAt: null,
        onTime: null,
      }),
    ];
    expect(indicators.upheldNumberComplaints.value(tally(facts, opts))).toBe(2);
  });

  it('each indicator’s drill-down membership agrees with its value', () => {
    const facts = march();
    const c2 = tally(facts, opts);
    for (const id of indicatorIds) {
      const ind = indicators[id];
      if (id === 'kbTimelinessRate') continue;
      const m = facts.map((f) => ind.membership(f, opts));
      const num = m.filter((x) => x === 'numerator').length;
      const den = num + m.filter((x) => x === 'denominator').length;
      if (ind.kind === 'count') expect(num, id).toBe(id === 'overdueCount' ? c2.overdue : ind.value(c2));
      else expect(den > 0 ? num / den : null, id).toBe(ind.value(c2));
    }
  });
});

describe('a return asked after the return limit (zibo-12345 §11(6): 超期回退的视为超期办理件)', () => {
  // The hand-computed month above plus r3: returned, but the unit asked after its return limit.
  const facts = [
    ...march(),
    fact({ ticketId: 11, outcome: 'returned-late', completedAt: null, onTime: null }),
  ];
  const zibo = { ...opts, lateReturnsOverdue: true };

  it('is a plain return where the scheme does not say otherwise', () => {
    const c = tally(facts, opts);
    // dispatched 11 − returns 3 − awaiting review 1 − within limit 1 − replies awaiting review 1 = 5 → 3/5.
    expect(indicators.onTimeRate.value(c)).toBeCloseTo(0.6, 12);
    expect(indicators.overdueCount.value(c)).toBe(3);
    expect(indicators.returnRate.value(c)).toBeCloseTo(3 / 11, 12);
  });

  it('counts as overdue handling under a scheme with lateReturnsOverdue, and still as a return', () => {
    const c = tally(facts, zibo);
    // r3 stays in the on-time denominator: 11 − 2 − 1 − 1 − 1 = 6 → 3/6.
    expect(indicators.onTimeRate.value(c)).toBeCloseTo(0.5, 12);
    expect(indicators.overdueCount.value(c)).toBe(4); // D, i2, q1 and r3
    expect(indicators.returnRate.value(c)).toBeCloseTo(3 / 11, 12);
    // Completed-order rates do not see it: 4 completed, 4 called back, 1 redone.
    expect(indicators.callbackRate.value(c)).toBe(1);
    expect(indicators.redoRate.value(c)).toBe(0.25);
  });

  it('drill-down membership agrees with the value under both rules', () => {
    for (const o of [opts, zibo]) {
      const c = tally(facts, o);
      for (const id of ['onTimeRate', 'overdueCount', 'returnRate'] as const) {
        const m = facts.map((f) => indicators[id].membership(f, o));
        const num = m.filter((x) => x === 'numerator').length;
        const den = num + m.filter((x) => x === 'denominator').length;
        expect(indicators[id].kind === 'count' ? num : num / den, id).toBe(indicators[id].value(c));
      }
    }
  });
});
