import { describe, expect, it } from 'vitest';
import {
  changesInPeriod,
  checkNotice,
  parseReviewPeriod,
  ReviewPeriodError,
  reviewPeriodOf,
  serviceDate,
  versionInForce,
  type NumberVersion,
} from './service-number-rules';

describe('beijing-miyun §11: 45 natural days of notice', () => {
  // Counted by hand on a calendar: 1 March + 45 days = 15 April (30 days to 31 March, 15 more).
  it.each([
    ['2026-03-01T09:00:00+08:00', '2026-04-15', true, 45, '2026-04-15'],
    ['2026-03-01T09:00:00+08:00', '2026-04-14', false, 44, '2026-04-15'],
    ['2026-03-01T09:00:00+08:00', '2026-06-01', true, 92, '2026-04-15'],
    // Late in the evening in Beijing is still the same service day …
    ['2026-02-28T23:30:00+08:00', '2026-04-14', true, 45, '2026-04-14'],
    // … and 01:00 in Beijing is the next one, though it is still 28 February in UTC.
    ['2026-02-28T17:00:00Z', '2026-04-14', false, 44, '2026-04-15'],
    // Across a year end: 20 December 2026 + 45 = 3 February 2027 (11 days to 31 December, 31 in January, 3).
    ['2026-12-20T10:00:00+08:00', '2027-02-03', true, 45, '2027-02-03'],
    ['2026-12-20T10:00:00+08:00', '2027-02-02', false, 44, '2027-02-03'],
    // A date in the past is refused too.
    ['2026-12-20T10:00:00+08:00', '2026-12-01', false, -19, '2027-02-03'],
  ])('applied %s for %s → ok %s, %i days, earliest %s', (at, effective, ok, days, earliest) => {
    expect(checkNotice(new Date(at), effective)).toEqual({ ok, days, earliest });
  });

  it('the service date of an instant is the Beijing date', () => {
    expect(serviceDate(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(serviceDate(new Date('2026-12-31T15:59:00Z'))).toBe('2026-12-31');
  });
});

describe('beijing-miyun §10: a review every half year', () => {
  it('parses the two halves of a year', () => {
    expect(parseReviewPeriod('2026-H1')).toEqual({
      id: '2026-H1',
      firstDay: '2026-01-01',
      lastDay: '2026-06-30',
    });
    expect(parseReviewPeriod('2026-h2')).toEqual({
      id: '2026-H2',
      firstDay: '2026-07-01',
      lastDay: '2026-12-31',
    });
  });

  it.each(['2026', '2026-H3', '2026-Q1', 'H1-2026'])('refuses %s', (p) => {
    expect(() => parseReviewPeriod(p)).toThrow(ReviewPeriodError);
  });

  it('finds the period of a date', () => {
    expect(reviewPeriodOf('2026-06-30').id).toBe('2026-H1');
    expect(reviewPeriodOf('2026-07-01').id).toBe('2026-H2');
  });
});

describe('the version in force and the changes of a period', () => {
  const history: (NumberVersion & { number: string })[] = [
    { action: 'open', effectiveDate: '2026-02-01', seq: 1, number: '0871-1111' },
    { action: 'change', effectiveDate: '2026-08-01', seq: 2, number: '0871-2222' },
    { action: 'close', effectiveDate: '2027-01-15', seq: 3, number: '0871-2222' },
  ];

  it.each([
    ['2026-01-31', null],
    ['2026-02-01', '0871-1111'],
    ['2026-07-31', '0871-1111'],
    ['2026-08-01', '0871-2222'],
    ['2027-01-14', '0871-2222'],
    ['2027-01-15', null],
  ])('on %s the published number is %s', (date, number) => {
    expect(versionInForce(history, date)?.number ?? null).toBe(number);
  });

  it('of two versions effective the same day the later approval wins', () => {
    const same = [
      { action: 'open' as const, effectiveDate: '2026-02-01', seq: 1, number: 'a' },
      { action: 'change' as const, effectiveDate: '2026-02-01', seq: 2, number: 'b' },
    ];
    expect(versionInForce(same, '2026-02-01')?.number).toBe('b');
  });

  it('lists the changes effective within a half year', () => {
    expect(changesInPeriod(history, parseReviewPeriod('2026-H2')).map((v) => v.seq)).toEqual([2]);
    expect(changesInPeriod(history, parseReviewPeriod('2026-H1')).map((v) => v.seq)).toEqual([1]);
  });
});
