import { describe, expect, it } from 'vitest';
import {
  civilFromDays,
  daysFromCivil,
  formatInstantMs,
  isoWeekday,
  localDayOfMs,
  parseDay,
  parseInstantMs,
} from './time';

describe('civil dates and instants in UTC+08:00', () => {
  it('day numbers round-trip and match Date.UTC', () => {
    for (let d = -600_000; d <= 800_000; d += 997) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
      expect(Date.UTC(c.year, c.month - 1, c.day) / 86_400_000).toBe(d);
    }
  });
  it('weekday: 2026-10-10 is a Saturday, 2026-09-30 a Wednesday', () => {
    expect(isoWeekday(parseDay('2026-10-10'))).toBe(6);
    expect(isoWeekday(parseDay('2026-09-30'))).toBe(3);
  });
  it.each([
    ['2026-09-30T10:00:00+08:00', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30T02:00:00Z', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30T02:00:00.999z', '2026-09-30T10:00:00+08:00'],
    ['2026-09-29T22:00:00-04:00', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30T07:30+0530', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30T10:00', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30 10:00:00', '2026-09-30T10:00:00+08:00'],
    ['2026-09-30', '2026-09-30T00:00:00+08:00'],
  ])('parses %s', (input, expected) => {
    expect(formatInstantMs(parseInstantMs(input))).toBe(expected);
  });
  it.each([
    '2026-02-30T10:00:00Z',
    '2026-13-01',
    '2026-09-30T24:00:00Z',
    'yesterday',
    '2026-09-30T10:00:00+25:00',
  ])('refuses %s', (input) => {
    expect(() => parseInstantMs(input)).toThrow(RangeError);
  });
  it('the local day turns at 16:00 UTC', () => {
    expect(localDayOfMs(Date.UTC(2026, 8, 30, 15, 59, 59))).toBe(parseDay('2026-09-30'));
    expect(localDayOfMs(Date.UTC(2026, 8, 30, 16, 0, 0))).toBe(parseDay('2026-10-01'));
  });
});
