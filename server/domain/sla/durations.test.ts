import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant, shippedCalendar } from '../calendar';
import { addDuration, parseDurationSpec } from './durations';
import { fiveWorkingDaysOverNationalDay } from './test-helpers';

const cal = shippedCalendar();
const add = (from: string, spec: string, endOfDay?: string): string =>
  formatInstant(
    addDuration(cal, parseInstant(from), parseDurationSpec(spec), endOfDay ? { endOfDay } : undefined).at,
  );

describe('SPEC §4.1 limits', () => {
  it('N working days: 2026-09-30 10:00 + 5 WD → 2026-10-13 23:59:59 (Oct 1-7 holidays, Oct 10 make-up day)', () => {
    expect(add('2026-09-30T10:00:00+08:00', '5wd')).toBe('2026-10-13T23:59:59+08:00');
  });
  it('N natural days: 2026-09-24 10:00 + 7 nd → 2026-10-01 23:59:59, not moved off the holiday', () => {
    expect(add('2026-09-24T10:00:00+08:00', '7nd')).toBe('2026-10-01T23:59:59+08:00');
  });
  it('N hours: exactly t + N h (特急件 0.5 h)', () => {
    expect(add('2026-10-01T23:45:00+08:00', '0.5h')).toBe('2026-10-02T00:15:00+08:00');
  });
  it('explains the holiday and the make-up day', () => {
    const r = addDuration(cal, parseInstant('2026-09-30T10:05:00+08:00'), { amount: 5, unit: 'wd' });
    expect(r.explanation).toEqual([fiveWorkingDaysOverNationalDay]);
    expect(r.provisional).toBe(false);
  });
  it('a profile may set another end of day', () => {
    expect(add('2026-09-30T10:00:00+08:00', '5wd', '17:30:00')).toBe('2026-10-13T17:30:00+08:00');
  });
  it('the start instant is read in Asia/Shanghai whatever its offset', () => {
    // 2026-09-30T20:00Z is 2026-10-01 04:00 in Shanghai: counting starts on Oct 2 → Oct 8, 9, 10 (make-up), 12, 13.
    expect(add('2026-09-30T20:00:00Z', '5wd')).toBe('2026-10-13T23:59:59+08:00');
    // 2026-09-29T16:30Z is 2026-09-30 00:30 in Shanghai.
    expect(add('2026-09-29T16:30:00Z', '1wd')).toBe('2026-10-08T23:59:59+08:00');
  });
});

describe('parseDurationSpec', () => {
  it.each([
    ['5wd', { amount: 5, unit: 'wd' }],
    ['7nd', { amount: 7, unit: 'nd' }],
    ['0.5h', { amount: 0.5, unit: 'h' }],
    ['24H', { amount: 24, unit: 'h' }],
  ])('%s', (spec, expected) => {
    expect(parseDurationSpec(spec)).toEqual(expected);
  });
  it.each(['5', 'wd', '1.5wd', '5 days', ''])('refuses %j', (spec) => {
    expect(() => parseDurationSpec(spec)).toThrow(/bad duration/);
  });
});
