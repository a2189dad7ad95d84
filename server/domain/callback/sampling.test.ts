import { describe, expect, it } from 'vitest';
import { builtInProfiles } from '../policy';
import { callbackSample, deskRate, samplePoint } from './sampling';
import { callbackTermsOf, closeRefusal } from './terms';

const profile = (id: string) => {
  const p = builtInProfiles.find((x) => x.id === id);
  if (!p) throw new Error(id);
  return p;
};

describe('samplePoint: FNV-1a 32 bits over the order number, in [0, 1)', () => {
  // Reference values of FNV-1a 32 (draft-eastlake-fnv, test vectors): "" → 0x811c9dc5,
  // "a" → 0xe40c292c, "foobar" → 0xbf9cf968; divided by 2^32.
  it.each([
    ['', 0x811c9dc5 / 2 ** 32],
    ['a', 0xe40c292c / 2 ** 32],
    ['foobar', 0xbf9cf968 / 2 ** 32],
  ])('%j', (input, expected) => {
    expect(samplePoint(input)).toBeCloseTo(expected, 12);
  });
});

describe('deskRate: the rate the platform samples at, per profile', () => {
  it.each([
    // zibo-12345 §11(8): the platform calls back every reviewed reply.
    ['zibo-12345', 1, 'zibo-12345 §11(8)'],
    // tianjin-wuqing §25: 应对每件事项办理结果进行回访.
    ['tianjin-wuqing', 1, 'tianjin-wuqing §25'],
    // beijing-miyun §22: county 50 %, city 30 %; units' own 70 % is not the desk's sample.
    ['beijing-miyun', 0.5, 'beijing-miyun §22'],
    // shanghai-962200 §13: a monthly share, set to 30 % by this platform.
    ['shanghai-962200', 0.3, 'shanghai-962200 §13'],
    // tianjin-urban has no callback rules: every order is called back (SPEC §3.4).
    ['tianjin-urban', 1, null],
  ])('%s → %s', (id, rate, article) => {
    expect(deskRate(profile(id).callback)).toMatchObject({ rate, article });
  });
});

describe('callbackSample', () => {
  const half = profile('beijing-miyun').callback;
  const shanghai = profile('shanghai-962200').callback;
  // "foobar" hashes to 0xbf9cf968 / 2^32 ≈ 0.7485, "a" to ≈ 0.8908, "" to ≈ 0.5043.
  it.each([
    ['beijing-miyun 50 %: 0.7485 is not below 0.5', half, 'foobar', false, false],
    ['beijing-miyun 50 %: 0.5043 is not below 0.5', half, '', false, false],
    ['shanghai 30 %: 0.8908 is out', shanghai, 'a', false, false],
    ['shanghai §13: a supervised order is always called back', shanghai, 'a', true, true],
    ['beijing-miyun has no supervised rule: the rate decides', half, 'a', true, false],
    ['zibo: every order', profile('zibo-12345').callback, 'a', false, true],
  ])('%s', (_label, rules, ticketNo, supervised, inSample) => {
    expect(callbackSample(rules, { ticketNo, supervised }).inSample).toBe(inSample);
  });

  it('shanghai §13: the share is of each month', () => {
    expect(callbackSample(shanghai, { ticketNo: 'a', supervised: false }).reason).toBe(
      '未抽中（抽样比例 每月30%）',
    );
  });

  it('an order below the rate is in the sample: 0.5043 < 0.6', () => {
    if (!half) throw new Error('beijing-miyun has callback rules');
    const rules = {
      ...half,
      sampling: [{ by: 'county' as const, minRate: 0.6, period: 'order' as const, article: 'x' }],
    };
    expect(callbackSample(rules, { ticketNo: '', supervised: false })).toMatchObject({
      inSample: true,
      rate: 0.6,
    });
  });
});

describe('closeRefusal', () => {
  const events = (...xs: { action: string; payload?: Record<string, unknown> }[]) =>
    xs.map((x) => ({ action: x.action, payload: x.payload ?? {} }));
  const failed = { action: 'record-callback', payload: { reached: false } };

  it('tianjin-urban §7(2): an unsatisfied order cannot be closed', () => {
    const terms = callbackTermsOf(profile('tianjin-urban'), 'a', []);
    expect(closeRefusal('unsatisfied', terms)).toContain('tianjin-urban §7(2)');
  });
  it('zibo-12345 §11(9)-(10): an unsatisfied order may be closed (redo is a decision)', () => {
    expect(closeRefusal('unsatisfied', callbackTermsOf(profile('zibo-12345'), 'a', []))).toBeNull();
  });
  it.each([
    ['zibo: in the sample, no attempt → refused', 'zibo-12345', 'a', events(), true],
    ['zibo: in the sample, a failed attempt → allowed', 'zibo-12345', 'a', events(failed), false],
    [
      'zibo: a failed attempt before a redo does not count',
      'zibo-12345',
      'a',
      events(failed, { action: 'approve-reply' }),
      true,
    ],
    ['shanghai: out of the sample → allowed', 'shanghai-962200', 'a', events(), false],
    ['shanghai §13: supervised → refused', 'shanghai-962200', 'a', events({ action: 'supervise' }), true],
  ])('pending_callback, %s', (_label, id, ticketNo, evs, refused) => {
    const reason = closeRefusal('pending_callback', callbackTermsOf(profile(id), ticketNo, evs));
    expect(reason !== null).toBe(refused);
  });
});
