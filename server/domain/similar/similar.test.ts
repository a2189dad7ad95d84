import { describe, expect, it } from 'vitest';
import { tokenize } from '../kb/segment';
import {
  DUPLICATE_THRESHOLD,
  judgePair,
  repeatedClosedMatter,
  samePhone,
  samePlace,
  shingleContainment,
  textScore,
  textSide,
  wordCosine,
} from './score';
import { charShingles, compactText, LSH_BANDS, lshKeys } from './shingles';

const side = (s: string) => textSide(s, tokenize(s));
const original =
  '东湖路18号小区门口的路灯已经坏了一个多月，晚上一片漆黑。老人孩子出行很不安全。多次向物业反映，一直没有人管。希望有关部门尽快派人修复路灯。';
const retold =
  '你好，我要反映。希望有关部门尽快派人修复路灯。东湖路18号小区门口的路灯已经坏了一个多月，晚上一片漆黑。';
const otherMatter = '西山路菜市场旁边的路灯白天也一直亮着，浪费电。请城管部门检查一下路灯的开关控制线路。';

describe('shingles and keys', () => {
  it('compares letters and digits only, full-width folded', () => {
    expect(compactText('Ａ市，东湖路１８号！')).toBe('a市东湖路18号');
    expect([...charShingles('东湖路18')]).toEqual(['东湖路', '湖路1', '路18']);
    expect([...charShingles('路灯')]).toEqual(['路灯']);
    expect(charShingles('，。').size).toBe(0);
  });

  it('gives the same keys to the same text, shares a key with a retelling, none with another matter', () => {
    const keys = lshKeys(original);
    expect(keys.length).toBeGreaterThan(LSH_BANDS / 2);
    expect(keys.every((k) => Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31)).toBe(true);
    expect(lshKeys(`${original}  `)).toEqual(keys);
    const set = new Set(keys);
    expect(lshKeys(retold).some((k) => set.has(k))).toBe(true);
    expect(lshKeys(otherMatter).some((k) => set.has(k))).toBe(false);
    expect(lshKeys('')).toEqual([]);
  });
});

describe('text score', () => {
  it('containment over the smaller set; Jaccard for very short texts', () => {
    const a = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l']);
    const b = new Set([...a, 'x', 'y', 'z']);
    expect(shingleContainment(a, b)).toBe(1);
    expect(shingleContainment(new Set(['a', 'b']), new Set(['a', 'c']))).toBeCloseTo(1 / 3);
    expect(shingleContainment(new Set(), b)).toBe(0);
  });

  it('cosine of word counts', () => {
    const a = new Map([
      ['路灯', 2],
      ['修复', 1],
    ]);
    const b = new Map([['路灯', 1]]);
    expect(wordCosine(a, b)).toBeCloseTo(2 / Math.sqrt(5));
    expect(wordCosine(a, new Map())).toBe(0);
  });

  it('a retelling scores above the duplicate threshold, another matter on the same topic well below', () => {
    expect(textScore(side(retold), side(original))).toBeGreaterThan(DUPLICATE_THRESHOLD);
    expect(textScore(side(otherMatter), side(original))).toBeLessThan(DUPLICATE_THRESHOLD / 2);
  });
});

describe('place, caller and verdict', () => {
  it('same place by name, by containment or by mention in the text; unknown without names', () => {
    expect(samePlace({ location: '东湖路18号', text: '' }, { location: '东城区东湖路18号', text: '' })).toBe(
      true,
    );
    expect(samePlace({ location: '东湖路18号', text: '' }, { location: '西山路5号菜市场', text: '' })).toBe(
      false,
    );
    expect(samePlace({ location: '东湖路18号', text: '' }, { location: null, text: original })).toBe(true);
    expect(samePlace({ location: null, text: retold }, { location: null, text: original })).toBeNull();
    expect(samePhone('138 1234 5678', '13812345678')).toBe(true);
    expect(samePhone('123', '123')).toBe(false);
    expect(samePhone(null, null)).toBe(false);
  });

  it('flags a duplicate only at the same or an unknown place, and says why in Chinese', () => {
    const same = judgePair({ text: 0.7, samePlace: true, sameCaller: true, closed: true });
    expect(same).toEqual({
      score: 0.85,
      likelyDuplicate: true,
      reason: '已办结的相同诉求（zibo-12345 §11(1)）；内容相近（70%）；同一地点；同一来电号码',
    });
    const elsewhere = judgePair({ text: 0.7, samePlace: false, sameCaller: false, closed: false });
    expect(elsewhere).toMatchObject({ score: 0.55, likelyDuplicate: false });
    expect(elsewhere.reason).toContain('地点不同');
    expect(judgePair({ text: 0.95, samePlace: null, sameCaller: false, closed: false })).toEqual({
      score: 0.95,
      likelyDuplicate: true,
      reason: '内容高度一致',
    });
    expect(judgePair({ text: 0.35, samePlace: null, sameCaller: false, closed: true }).reason).toBe(
      '内容部分相似（35%）',
    );
  });

  it('a repeated closed matter: three calls of one caller, one of them closed', () => {
    expect(repeatedClosedMatter([{ closed: true }, { closed: false }])).toBe(true);
    expect(repeatedClosedMatter([{ closed: true }])).toBe(false);
    expect(repeatedClosedMatter([{ closed: false }, { closed: false }, { closed: false }])).toBe(false);
  });
});
