import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from './phone';

describe('phone numbers a citizen can be called back on', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '+86 138-1234-5678',
    '0871-65123456',
    '(0871) 6512 3456',
    '0871-65123456-801',
    '010-12345678',
    '65123456',
    '12345',
    '962200',
    '0871-12333',
    '0871-96106',
  ])('%s is accepted', (v) => expect(isPhoneNumber(v)).toBe(true));

  it.each(['---', '12', '()', '1381234567', '138123456789', '00000', '+', '0871', '1-2-3-4-5-6-7'])(
    '%s is refused',
    (v) => expect(isPhoneNumber(v)).toBe(false),
  );
});
