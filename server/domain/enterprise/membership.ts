/**
 * The membership of a franchise enterprise (加盟, wuqing §32-§33, §37-§38): what may happen to it
 * in each state. An application is pending until the center approves or rejects it (after an
 * on-site visit where needed); an approved enterprise may be suspended (it leaves the public
 * directory) and reinstated; a rejected application is final (the enterprise applies again).
 */
export const membershipStates = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type MembershipState = (typeof membershipStates)[number];

export type MembershipAction =
  'record-visit' | 'approve' | 'reject' | 'suspend' | 'reinstate' | 'recommend' | 'record-credit';

const table: Readonly<Record<MembershipState, readonly MembershipAction[]>> = {
  pending: ['record-visit', 'approve', 'reject', 'recommend'],
  approved: ['record-visit', 'suspend', 'recommend', 'record-credit'],
  suspended: ['reinstate', 'record-credit'],
  rejected: [],
};

export function isMembershipState(s: string): s is MembershipState {
  return (membershipStates as readonly string[]).includes(s);
}

export function membershipActions(state: MembershipState): readonly MembershipAction[] {
  return table[state];
}

export function mayApply(state: MembershipState, action: MembershipAction): boolean {
  return table[state].includes(action);
}

/** Whether the enterprise can take referred orders: approved and not suspended. */
export function takesReferrals(state: MembershipState): boolean {
  return state === 'approved';
}
