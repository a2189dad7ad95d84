import { describe, expect, it } from 'vitest';
import { periodLabel, periodOfDate, previousPeriod, recentPeriods } from './period';

describe('assessment periods', () => {
  it('finds the period of a date', () => {
    expect(periodOfDate('month', '2026-03-31')).toBe('2026-03');
    expect(periodOfDate('quarter', '2026-03-31')).toBe('2026-Q1');
    expect(periodOfDate('quarter', '2026-04-01')).toBe('2026-Q2');
    expect(periodOfDate('half', '2026-06-30')).toBe('2026-H1');
    expect(periodOfDate('half', '2026-07-01')).toBe('2026-H2');
    expect(periodOfDate('year', '2026-12-07')).toBe('2026');
  });

  it('steps back across a year', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026-H2')).toBe('2026-H1');
    expect(previousPeriod('2026-H1')).toBe('2025-H2');
    expect(previousPeriod('2026')).toBe('2025');
    expect(recentPeriods('month', '2026-02-10', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });

  it('names periods in Chinese', () => {
    expect(periodLabel('2026-03')).toBe('2026年3月');
    expect(periodLabel('2026-Q4')).toBe('2026年第四季度');
    expect(periodLabel('2026-H1')).toBe('2026年上半年');
    expect(periodLabel('2026')).toBe('2026年');
  });
});
