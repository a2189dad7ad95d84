import { describe, expect, it } from 'vitest';
import { lineDiff } from './line-diff';

describe('line diff', () => {
  it('keeps common lines and marks the removed and added ones', () => {
    expect(lineDiff('甲\n乙\n丙', '甲\n丁\n丙')).toEqual([
      { kind: 'same', text: '甲' },
      { kind: 'removed', text: '乙' },
      { kind: 'added', text: '丁' },
      { kind: 'same', text: '丙' },
    ]);
    expect(lineDiff('a', 'a\nb')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'b' },
    ]);
  });
});
