import { describe, expect, it } from 'vitest';
import { formatServiceTime, instantOfServiceTime, serviceDate, serviceYear } from './service-time';

describe('service time (Asia/Shanghai, UTC+08:00)', () => {
  // 2026-09-30T18:30:05Z is 2026-10-01 02:30:05 in Beijing: the local date moves to October.
  const instant = '2026-09-30T18:30:05Z';
  it.each([
    ['date', '2026-10-01'],
    ['minute', '2026-10-01 02:30'],
    ['second', '2026-10-01 02:30:05'],
    ['short', '10-01 02:30'],
  ] as const)('formats %s', (style, expected) => {
    expect(formatServiceTime(instant, style)).toBe(expected);
  });

  it('takes Date, epoch ms and ISO strings with any offset alike', () => {
    const ms = Date.parse(instant);
    expect(formatServiceTime(new Date(ms), 'minute')).toBe('2026-10-01 02:30');
    expect(formatServiceTime(ms, 'minute')).toBe('2026-10-01 02:30');
    expect(formatServiceTime('2026-10-01T02:30:05+08:00', 'minute')).toBe('2026-10-01 02:30');
  });

  it('gives the local date and year at the turn of the year', () => {
    expect(serviceDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(serviceYear('2026-12-31T15:59:59Z')).toBe(2026);
    expect(serviceYear('2026-12-31T16:00:00Z')).toBe(2027);
  });

  it('reads a local time back as an instant', () => {
    expect(instantOfServiceTime('2026-01-01').toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(instantOfServiceTime('2026-11-23', '09:00').toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });

  it('answers an empty string for an invalid instant', () => {
    expect(formatServiceTime('not a time', 'date')).toBe('');
  });
});
