import { enterpriseActions, type EnterpriseAction } from '../../../common/contracts/enterprises';
import type { Role } from '../../../common/enums';
import { mayApply, type MembershipState } from '../../domain/enterprise/membership';
import { AppError } from '../../platform/errors';
import type { Actor } from '../tickets/standing';

/**
 * Who works with franchise enterprises. The hotline center keeps the registry (wuqing §33, §37):
 * its dispatchers and administrators verify, approve, reject, suspend and reinstate, and record
 * associations' recommendations; supervisors and callback agents also record bad records (they
 * learn of upheld complaints and no-shows); every center user reads the registry (agents refer
 * citizens to enterprises). Contact persons' phones are masked for all; agents, callback agents,
 * dispatchers, supervisors and administrators may reveal one, with a reason, audited.
 */
const readers: readonly Role[] = ['admin', 'dispatcher', 'supervisor', 'leader', 'agent', 'callback'];
const keepers: readonly Role[] = ['admin', 'dispatcher'];
const creditRecorders: readonly Role[] = ['admin', 'dispatcher', 'supervisor', 'callback'];
const revealers: readonly Role[] = ['admin', 'dispatcher', 'supervisor', 'agent', 'callback'];

const isCenter = (actor: Actor) => actor.unit.kind === 'center';

export function mayRead(actor: Actor): boolean {
  return isCenter(actor) && readers.includes(actor.role);
}

export function requireRead(actor: Actor): void {
  if (!mayRead(actor)) throw new AppError('FORBIDDEN', '只有热线中心人员可以查看加盟企业登记');
}

function roleMay(actor: Actor, action: EnterpriseAction): boolean {
  if (!mayRead(actor)) return false;
  switch (action) {
    case 'record-credit':
      return creditRecorders.includes(actor.role);
    case 'reveal-contact':
      return revealers.includes(actor.role);
    case 'record-visit':
    case 'approve':
    case 'reject':
    case 'suspend':
    case 'reinstate':
    case 'recommend':
      return keepers.includes(actor.role);
  }
}

/** Whether the enterprise's state allows the action (revealing a contact does not depend on it). */
function stateAllows(state: MembershipState, action: EnterpriseAction): boolean {
  return action === 'reveal-contact' || mayApply(state, action);
}

/** What this actor may do now with an enterprise in this state. */
export function allowedActions(actor: Actor, state: MembershipState): EnterpriseAction[] {
  return enterpriseActions.filter((a) => roleMay(actor, a) && stateAllows(state, a));
}

/** Refuses unless the role may do it (403) and the state allows it (409). */
export function requireAction(actor: Actor, state: MembershipState, action: EnterpriseAction): void {
  if (!roleMay(actor, action)) throw new AppError('FORBIDDEN', '当前角色无权执行此操作');
  if (!stateAllows(state, action)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', '企业当前状态不允许此操作');
  }
}
