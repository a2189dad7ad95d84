import { describe, expect, it } from 'vitest';
import { callerViewFor, payloadFor, presentCaller, textFor, type CallerFacts } from './caller-privacy';
import type { Actor } from './standing';

const caller: CallerFacts = {
  name: '王小明',
  phone: '138 1234 5678',
  address: '东湖路18号3单元',
  confidential: false,
};
const unit = (path: string, role: Actor['role'] = 'handler'): Actor => ({
  userId: 1,
  role,
  unit: { id: 9, path, kind: 'department', is_platform: false },
});

describe('complainant protection in caller privacy (zibo-12345 §17; beijing-miyun §25(7))', () => {
  it('zibo-12345 §17: the complained unit and units below it get the protected view, whatever their role', () => {
    const facts = { confidential: false, status: 'dispatched', complainedUnitPath: '/1/2/' };
    expect(callerViewFor(unit('/1/2/'), facts, true)).toBe('protected');
    expect(callerViewFor(unit('/1/2/7/'), facts, true)).toBe('protected');
    expect(callerViewFor(unit('/1/2/7/', 'unit-leader'), facts, false)).toBe('protected');
    // A sibling whose id starts with the same digit is not below it.
    expect(callerViewFor(unit('/1/23/'), facts, true)).toBe('contact');
    // The parent of the complained unit is not the party complained about.
    expect(callerViewFor(unit('/1/'), facts, true)).toBe('contact');
  });

  it('beijing-miyun §25(7): the protected view has no identity, not even masked digits', () => {
    expect(presentCaller('protected', caller)).toEqual({
      name: null,
      phone: null,
      address: null,
      confidential: false,
      masked: true,
      protected: true,
    });
  });

  it('zibo-12345 §17: free text loses the caller’s name, phone, address and phone- or ID-shaped numbers', () => {
    const text =
      '来电人王小明（13812345678，座机0871-65123456）住东湖路18号3单元，身份证530102199001011234，工单2026112300001';
    expect(textFor('protected', caller, text)).toBe(
      '来电人[已隐去]（[已隐去]，座机[已隐去]）住[已隐去]，身份证[已隐去]，工单2026112300001',
    );
    expect(textFor('protected', caller, '请拨 138-1234-5678 联系')).toBe('请拨 [已隐去] 联系');
    // Other viewers read the text as written.
    expect(textFor('full', caller, text)).toBe(text);
    expect(textFor('masked', caller, text)).toBe(text);
    expect(payloadFor('protected', caller, { note: '回电13812345678', unitId: 5, list: ['王小明'] })).toEqual(
      {
        note: '回电[已隐去]',
        unitId: 5,
        list: ['[已隐去]'],
      },
    );
  });
});
