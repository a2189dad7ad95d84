import { describe, expect, it } from 'vitest';
import { trigramContainment, trigrams } from './trigram';

describe('trigrams', () => {
  it('pads words like pg_trgm', () => {
    expect([...trigrams('ab')].sort()).toEqual(['  a', ' ab', 'ab '].sort());
    expect([...trigrams('社保卡')].sort()).toEqual(['  社', ' 社保', '社保卡', '保卡 '].sort());
    expect(trigrams('，。')).toEqual(new Set());
  });

  it('measures how much of the query a text contains', () => {
    const q = trigrams('社保卡');
    expect(trigramContainment(q, '社保卡')).toBe(1);
    // In a longer word only the leading trigrams match ('  社', ' 社保', '社保卡'): 3 of 4.
    expect(trigramContainment(q, '社保卡补办')).toBe(0.75);
    expect(trigramContainment(q, '公积金')).toBe(0);
    expect(trigramContainment(new Set(), '社保卡')).toBe(0);
  });
});
