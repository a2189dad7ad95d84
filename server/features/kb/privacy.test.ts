import { describe, expect, it } from 'vitest';
import { maskPersonalData } from './privacy';

describe('maskPersonalData', () => {
  it.each([
    ['电话13912345678请回电', '电话139****5678请回电'],
    ['座机0871-65551234', '座机0871-****1234'],
    ['身份证号530102199001011234', '身份证号530102********4'],
    ['身份证53010219900101123X', '身份证530102********X'],
    ['工单号20261122000123不是电话', '工单号20261122000123不是电话'],
    ['12345热线', '12345热线'],
  ])('%s', (input, masked) => {
    expect(maskPersonalData(input)).toBe(masked);
  });
});
