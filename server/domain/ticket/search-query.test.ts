import { describe, expect, it } from 'vitest';
import { finestTokens, readSearch } from './search-query';

describe('one search box', () => {
  it.each([
    ['13812345678', { phone: '13812345678', lastFour: null }],
    ['138 1234 5678', { phone: '13812345678', lastFour: null }],
    ['+86 138-1234-5678', { phone: '13812345678', lastFour: null }],
    ['0871-6512 3456', { phone: '087165123456', lastFour: null }],
    ['5678', { phone: null, lastFour: '5678' }],
    ['12', { phone: null, lastFour: null }],
    ['20261207000123', { phone: null, lastFour: null }],
  ])('%s is read as a phone or its last four digits', (input, expected) => {
    expect(readSearch(input)).toMatchObject(expected);
  });

  it.each([
    ['王小明', '王小明'],
    ['欧阳娜娜', '欧阳娜娜'],
    ['井盖缺失了很久', null],
    ['13812345678', null],
  ])('%s as a caller name: %s', (input, name) => {
    expect(readSearch(input).name).toBe(name);
  });

  it('the order number is the entry as typed', () => {
    expect(readSearch(' 20261207000123 ').ticketNo).toBe('20261207000123');
  });

  it('content words are the finest tokens', () => {
    expect(finestTokens(['拖欠', '工资', '拖欠工资'])).toEqual(['拖欠', '工资']);
    expect(finestTokens(['东湖', '东湖路', '井盖'])).toEqual(['东湖', '井盖']);
    expect(readSearch('拖欠工资').words).toEqual(['拖欠', '工资']);
  });
});
