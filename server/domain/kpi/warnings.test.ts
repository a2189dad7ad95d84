import { describe, expect, it } from 'vitest';
import { parseInstant, shippedCalendar } from '../calendar';
import { DEFAULT_END_OF_DAY_MS } from '../sla/durations';
import { beijingMiyun } from '../policy/profiles/beijing-miyun';
import { indicatorIds, type IndicatorId } from './indicator';
import { builtInSchemes, parseScheme, SchemeError, type Scheme } from './schemes';
import { beijingMiyunScheme } from './schemes/beijing-miyun';
import { gradeUnit, isOverdueComplaint, overdueComplaintAt, reasonCode } from './warnings';

const scheme = (id: string): Scheme => {
  const s = builtInSchemes.find((x) => x.id === id);
  if (!s) throw new Error(id);
  return s;
};
const beijing = scheme('beijing-miyun');
const t = (local: string) => parseInstant(`${local}+08:00`);

/** Indicator values of a period; the four §21 targets met unless given. */
function values(over: Partial<Record<IndicatorId, number | null>>): Record<IndicatorId, number | null> {
  const base = Object.fromEntries(indicatorIds.map((id) => [id, null])) as Record<IndicatorId, number | null>;
  return { ...base, onTimeRate: 1, feedbackRate: 1, satisfactionRate: 1, upheldNumberComplaints: 0, ...over };
}

describe('beijing-miyun §21: targets 按期办结率100%、反馈率100%、满意率不低于75%、被投诉率为零', () => {
  it('takes its targets and its §30 rule from the beijing-miyun profile', () => {
    expect(beijing.targets).toEqual({
      onTimeRate: 1,
      feedbackRate: 1,
      satisfactionRate: 0.75,
      upheldNumberComplaints: 0,
    });
    expect(beijing.targets).toEqual(beijingMiyun.unitWarnings?.targets);
    expect(beijing.warnings?.overdueComplaint).toEqual({
      workingDaysAfter: 1,
      level: 'yellow',
      article: 'beijing-miyun §30',
    });
    const category = beijingMiyun.unitWarnings?.overdueComplaint?.category;
    expect(category && beijing.numberComplaintCategories.includes(category)).toBe(true);
    // Every level the scheme gives is one the profile's regulation names (红、黄、蓝).
    const named = beijingMiyun.unitWarnings?.levels ?? [];
    for (const step of beijing.warnings?.escalation ?? []) expect(named).toContain(step.level);
  });

  // [case, values, expected level, expected reason codes]
  const cases: [string, Partial<Record<IndicatorId, number | null>>, string | null, string[]][] = [
    ['every target met', {}, null, []],
    ['satisfaction exactly 75 % ("不低于75%") is met', { satisfactionRate: 0.75 }, null, []],
    [
      'no callbacks: feedback and satisfaction are not judged',
      { feedbackRate: null, satisfactionRate: null },
      null,
      [],
    ],
    ['on time 3 of 4 → one miss → blue', { onTimeRate: 0.75 }, 'blue', ['on-time-rate']],
    ['satisfaction 74.99 % → one miss → blue', { satisfactionRate: 0.7499 }, 'blue', ['satisfaction-rate']],
    [
      'one upheld complaint about a service number → one miss → blue',
      { upheldNumberComplaints: 1 },
      'blue',
      ['upheld-number-complaints'],
    ],
    [
      'feedback 2 of 3 and satisfaction 1 of 3 → two misses → yellow',
      { feedbackRate: 2 / 3, satisfactionRate: 1 / 3 },
      'yellow',
      ['feedback-rate', 'satisfaction-rate'],
    ],
    [
      'on time, feedback and satisfaction missed → three → red',
      { onTimeRate: 0.5, feedbackRate: 0.5, satisfactionRate: 0.5 },
      'red',
      ['on-time-rate', 'feedback-rate', 'satisfaction-rate'],
    ],
    [
      'all four missed → red',
      { onTimeRate: 0, feedbackRate: 0, satisfactionRate: 0, upheldNumberComplaints: 2 },
      'red',
      ['on-time-rate', 'feedback-rate', 'satisfaction-rate', 'upheld-number-complaints'],
    ],
  ];
  it.each(cases)('%s', (_name, over, level, codes) => {
    const w = gradeUnit(beijing, values(over), []);
    expect(w?.level ?? null).toBe(level);
    expect(w?.reasons.map((r) => r.code) ?? []).toEqual(codes);
  });

  it('each reason gives the target, the actual value and a Chinese message', () => {
    const w = gradeUnit(
      beijing,
      values({ onTimeRate: 0.75, satisfactionRate: 1 / 3, upheldNumberComplaints: 1 }),
      [],
    );
    expect(w?.reasons).toEqual([
      {
        code: 'on-time-rate',
        indicator: 'onTimeRate',
        target: 1,
        actual: 0.75,
        level: null,
        message: '按期办结率75%，未达到目标（100%）',
        article: 'beijing-miyun §21',
      },
      {
        code: 'satisfaction-rate',
        indicator: 'satisfactionRate',
        target: 0.75,
        actual: 1 / 3,
        level: null,
        message: '满意率33.3%，未达到目标（不低于75%）',
        article: 'beijing-miyun §21',
      },
      {
        code: 'upheld-number-complaints',
        indicator: 'upheldNumberComplaints',
        target: 0,
        actual: 1,
        level: null,
        message: '监督投诉成立次数1次，超过目标（0次）',
        article: 'beijing-miyun §21',
      },
    ]);
    expect(w?.level).toBe('red');
  });

  it('reason codes are the indicators in kebab case', () => {
    expect(reasonCode('onTimeRate')).toBe('on-time-rate');
    expect(reasonCode('upheldNumberComplaints')).toBe('upheld-number-complaints');
  });
});

describe('beijing-miyun §30: a complaint overdue by 1 working day → 黄色预警', () => {
  const cases: [string, Partial<Record<IndicatorId, number | null>>, string][] = [
    // The overdue complaint is itself late, so on time misses too: one miss (blue) and §30 (yellow) → yellow.
    ['with the on-time miss it causes → yellow', { onTimeRate: 0.5 }, 'yellow'],
    ['with no other miss → yellow', {}, 'yellow'],
    ['three misses (red) stay red', { onTimeRate: 0.5, feedbackRate: 0.5, satisfactionRate: 0.5 }, 'red'],
  ];
  it.each(cases)('%s', (_name, over, level) => {
    const w = gradeUnit(beijing, values(over), ['2026030200011']);
    expect(w?.level).toBe(level);
    expect(w?.reasons.at(-1)).toEqual({
      code: 'overdue-complaint',
      indicator: null,
      target: 0,
      actual: 1,
      level: 'yellow',
      message: '便民服务电话投诉超期1个工作日未办复1件（2026030200011）',
      article: 'beijing-miyun §30',
      ticketNos: ['2026030200011'],
    });
  });

  const cal = shippedCalendar();
  // [handling deadline, moment it is 1 working day overdue] — counted by hand on the 2026 schedule.
  const moments: [string, string, string][] = [
    ['Mon → end of Tue', '2026-03-09T23:59:59', '2026-03-10T23:59:59'],
    ['Fri → end of Mon', '2026-03-13T23:59:59', '2026-03-16T23:59:59'],
    ['Fri Apr 3 before 清明 (Apr 4-6 off) → end of Tue Apr 7', '2026-04-03T23:59:59', '2026-04-07T23:59:59'],
    [
      'Thu Apr 30 before 劳动节 (May 1-5 off) → end of Wed May 6',
      '2026-04-30T23:59:59',
      '2026-05-06T23:59:59',
    ],
  ];
  it.each(moments)('%s', (_name, due, at) => {
    expect(overdueComplaintAt(cal, t(due), 1, DEFAULT_END_OF_DAY_MS).toISOString()).toBe(t(at).toISOString());
  });

  it('the complaint counts when it was still not replied to at that moment', () => {
    const due = t('2026-03-09T23:59:59');
    const at = overdueComplaintAt(cal, due, 1, DEFAULT_END_OF_DAY_MS);
    const c = (replied: string | null) => ({
      ticketNo: 'X',
      handleDueAt: due,
      repliedAt: replied ? t(replied) : null,
    });
    const asOf = t('2026-04-10T09:00:00');
    expect(isOverdueComplaint(c('2026-03-09T18:00:00'), asOf, at)).toBe(false); // on time
    expect(isOverdueComplaint(c('2026-03-10T16:00:00'), asOf, at)).toBe(false); // late, within the working day after
    expect(isOverdueComplaint(c('2026-03-11T09:00:00'), asOf, at)).toBe(true); // replied after the end of Tue
    expect(isOverdueComplaint(c(null), asOf, at)).toBe(true); // never replied
    expect(isOverdueComplaint(c(null), t('2026-03-10T20:00:00'), at)).toBe(false); // report time before the moment
  });
});

describe('schemes without warning targets', () => {
  it('zibo-12345 and shanghai-962200 have no unit warnings', () => {
    expect(scheme('zibo-12345').warnings).toBeNull();
    expect(scheme('shanghai-962200').warnings).toBeNull();
    expect(gradeUnit(scheme('zibo-12345'), values({ onTimeRate: 0 }), [])).toBeNull();
  });

  it('refuses warnings without targets, an overdue rule without complaint categories, or a milder step after a severer one', () => {
    const base = { ...beijingMiyunScheme, id: 'x' };
    expect(() =>
      parseScheme(
        { ...base, targets: {}, warnings: { ...beijingMiyunScheme.warnings, overdueComplaint: null } },
        'x',
      ),
    ).toThrow(SchemeError);
    expect(() => parseScheme({ ...base, numberComplaintCategories: [] }, 'x')).toThrow(
      /numberComplaintCategories/,
    );
    const steps = [
      { misses: 1, level: 'red', article: 'a' },
      { misses: 2, level: 'blue', article: 'a' },
    ];
    expect(() => parseScheme({ ...base, warnings: { escalation: steps, article: 'a' } }, 'x')).toThrow(
      /milder/,
    );
  });
});
