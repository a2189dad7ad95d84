import { describe, expect, it } from 'vitest';
import { mayApply, membershipActions, takesReferrals } from './membership';

describe('membership of a franchise enterprise (wuqing §33, §38)', () => {
  it('a pending application is verified on site, recommended, approved or rejected', () => {
    expect(membershipActions('pending')).toEqual(['record-visit', 'approve', 'reject', 'recommend']);
  });
  it('only an approved enterprise can be suspended; only a suspended one reinstated', () => {
    expect(mayApply('approved', 'suspend')).toBe(true);
    expect(mayApply('pending', 'suspend')).toBe(false);
    expect(mayApply('suspended', 'reinstate')).toBe(true);
    expect(mayApply('approved', 'reinstate')).toBe(false);
  });
  it('a decision is not taken twice and a rejection is final', () => {
    expect(mayApply('approved', 'approve')).toBe(false);
    expect(mayApply('rejected', 'approve')).toBe(false);
    expect(membershipActions('rejected')).toEqual([]);
  });
  it('bad records are kept for members, suspended or not, never for applicants', () => {
    expect(mayApply('approved', 'record-credit')).toBe(true);
    expect(mayApply('suspended', 'record-credit')).toBe(true);
    expect(mayApply('pending', 'record-credit')).toBe(false);
  });
  it('only approved enterprises take referred orders', () => {
    expect((['pending', 'approved', 'rejected', 'suspended'] as const).map(takesReferrals)).toEqual([
      false,
      true,
      false,
      false,
    ]);
  });
});
