import { describe, expect, it } from 'vitest';
import { extractEntities, validIdNumber } from './extract';

describe('ID numbers (GB 11643-1999)', () => {
  it('checks the check character', () => {
    // The standard's own example: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum 167, 167 mod 11 = 2 → X.
    expect(validIdNumber('11010519491231002X')).toBe(true);
    expect(validIdNumber('110105194912310021')).toBe(false);
    // 44030019900101001: 28+36+0+15+0+0+2+9+54+0+0+9+0+5+0+0+2 = 160, 160 mod 11 = 6 → '6'
    // (the check characters for remainders 0..10 are 1 0 X 9 8 7 6 5 4 3 2)
    expect(validIdNumber('440300199001010016')).toBe(true);
    expect(validIdNumber('440300199001010015')).toBe(false);
    expect(validIdNumber('44030019900230001X')).toBe(false); // 30 February is no birth date
  });
});

describe('extraction', () => {
  it('finds phones, ID numbers, times and addresses', () => {
    const e = extractEntities(
      '来电人反映昨天晚上和3月5日下午三点，幸福路12号阳光小区3栋2单元楼下噪音扰民。联系电话13912345678，' +
        '座机0871-65123456，身份证号11010519491231002x，另一个号码110105194912310021不是身份证。',
    );
    expect(e.phones).toEqual(['13912345678', '0871-65123456']);
    expect(e.idNumbers).toEqual(['11010519491231002X']);
    expect(e.times).toEqual(expect.arrayContaining(['昨天晚上', '3月5日下午三点']));
    expect(e.addresses).toEqual(['幸福路12号阳光小区3栋2单元']);
  });

  it('reads +86 mobiles and finds nothing in plain text', () => {
    expect(extractEntities('请回电 +86 139-1234-5678').phones).toEqual(['13912345678']);
    expect(extractEntities('咨询社保缴费政策')).toEqual({
      phones: [],
      addresses: [],
      times: [],
      idNumbers: [],
    });
  });
});
