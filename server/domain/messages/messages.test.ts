import { describe, expect, it } from 'vitest';
import {
  maskRecipient,
  normalisePhone,
  releaseAfterQuietHours,
  renderTemplate,
  retryDelayMs,
} from './messages';

describe('text message rules', () => {
  const quiet = { from: '22:00', to: '08:00' };
  it('holds messages in the quiet hours until they end (service time, over midnight)', () => {
    // 23:30 Beijing → 08:00 the next morning Beijing.
    expect(releaseAfterQuietHours(new Date('2026-12-07T23:30:00+08:00'), quiet).toISOString()).toBe(
      new Date('2026-12-08T08:00:00+08:00').toISOString(),
    );
    // 06:15 Beijing → 08:00 the same morning.
    expect(releaseAfterQuietHours(new Date('2026-12-08T06:15:00+08:00'), quiet).toISOString()).toBe(
      new Date('2026-12-08T08:00:00+08:00').toISOString(),
    );
    // 08:00 and 21:59 are outside.
    const day = new Date('2026-12-08T08:00:00+08:00');
    expect(releaseAfterQuietHours(day, quiet)).toBe(day);
    const evening = new Date('2026-12-08T21:59:00+08:00');
    expect(releaseAfterQuietHours(evening, quiet)).toBe(evening);
    expect(releaseAfterQuietHours(evening, null)).toBe(evening);
    // Quiet hours within one day: 12:00–14:00.
    expect(
      releaseAfterQuietHours(new Date('2026-12-08T13:00:00+08:00'), {
        from: '12:00',
        to: '14:00',
      }).toISOString(),
    ).toBe(new Date('2026-12-08T14:00:00+08:00').toISOString());
  });

  it('fills templates, masks recipients, backs off', () => {
    expect(renderTemplate('unit-reminder', { ticketNo: '20261207000001' })).toBe(
      '催办单：工单20261207000001已超期，请尽快办理并答复。',
    );
    expect(() => renderTemplate('unit-reminder', {})).toThrow(/ticketNo/);
    expect(maskRecipient('13812345678')).toBe('*******5678');
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
  });
});
