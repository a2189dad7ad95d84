import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar } from './credit-code';

/**
 * Expected values by hand from GB 32100-2015: value = index in 0123456789ABCDEFGHJKLMNPQRTUWXY,
 * weights 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28, C18 = 31 - (sum mod 31).
 */
describe('GB 32100-2015 check character', () => {
  it.each([
    // 91440300708461136T (a published company code): 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16
    // + 0·17 + 7·20 + 0·29 + 8·25 + 4·13 + 6·8 + 1·24 + 1·10 + 3·30 + 6·28 = 966; 966 mod 31 = 5;
    // 31 - 5 = 26 → T.
    ['91440300708461136', 'T'],
    // 91110000100000000: 9·1 + 1·3 + 1·9 + 1·27 + 1·20 = 68; 68 mod 31 = 6; 31 - 6 = 25 → R.
    ['91110000100000000', 'R'],
    // 91001000000000000: 9·1 + 1·3 + 1·19 = 31; 31 mod 31 = 0; 31 - 0 = 31 → 0.
    ['91001000000000000', '0'],
  ])('%s → %s', (first17, check) => {
    expect(creditCodeCheckChar(first17)).toBe(check);
    expect(checkCreditCode(first17 + check)).toEqual({ ok: true, code: first17 + check });
  });

  it.each([
    // X has the value 29, the sum calls for R (25).
    ['91110000100000000X', 'check'],
    ['91440300708461136A', 'check'],
    ['9144030070846113', 'length'],
    ['91440300708461136TT', 'length'],
    // I, O, Z, S and V are not in the character set.
    ['9144030070846113IT', 'charset'],
    ['914403007084611O6T', 'charset'],
    // Position 1 is a registration authority (1-9, A, N, Y); B is none.
    ['B1440300708461136T', 'authority'],
    // Positions 3-8 are a division code: digits only.
    ['9144A300708461136T', 'division'],
  ] as const)('%s is refused (%s)', (code, problem) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, problem });
  });

  it('accepts lower case, spaces and hyphens as typed and returns the normal form', () => {
    expect(checkCreditCode(' 9144 0300-7084 6113 6t ')).toEqual({ ok: true, code: '91440300708461136T' });
  });
});
