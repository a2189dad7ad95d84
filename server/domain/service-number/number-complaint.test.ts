import { describe, expect, it } from 'vitest';
import { complaintCategory } from './number-complaint';

describe('category of a service-number complaint (beijing-miyun §26)', () => {
  const codes = ['110202', '110203'];

  it('an unreachable number is 服务号码不通, any other kind 服务号码投诉', () => {
    expect(complaintCategory(codes, 'unanswered', undefined)).toEqual({ ok: true, category: '110202' });
    expect(complaintCategory(codes, 'busy', undefined)).toEqual({ ok: true, category: '110202' });
    expect(complaintCategory(codes, 'rude', undefined)).toEqual({ ok: true, category: '110203' });
    expect(complaintCategory(codes, 'wrong-published', undefined)).toEqual({ ok: true, category: '110203' });
  });

  it('a chosen category must be one the profile counts as a number complaint', () => {
    expect(complaintCategory(codes, 'rude', '110202')).toEqual({ ok: true, category: '110202' });
    expect(complaintCategory(codes, 'rude', '0101')).toEqual({ ok: false, allowed: codes });
  });

  it('without a mapping nothing is enforced', () => {
    expect(complaintCategory([], 'busy', undefined)).toEqual({ ok: true, category: null });
    expect(complaintCategory([], 'busy', '0101')).toEqual({ ok: true, category: '0101' });
  });
});
