import type { Role } from '../../../common/enums';

/**
 * Article lifecycle: one transition table. Units draft and submit their own entries; the
 * reviewer (kb-editor or admin: legal and format check) approves publication or sends the draft
 * back with a reason. Published entries leave search when withdrawn or when their expiry date
 * passes (status `expired`); either can be reopened as a draft for rework.
 */
export {
  articleActions,
  articleStatuses,
  articleStatusLabels,
  type ArticleAction,
  type ArticleStatus,
} from '../../../common/kb-vocabulary';
import {
  articleActions,
  articleStatuses,
  type ArticleAction,
  type ArticleStatus,
} from '../../../common/kb-vocabulary';

/** How the acting user relates to the article. `system` is the expiry sweep and the importer. */
export type ArticleActor = 'manager' | 'owner' | 'viewer' | 'system';

interface Rule {
  from: readonly ArticleStatus[];
  by: readonly ArticleActor[];
  /** Target status; null keeps the current one. */
  to: ArticleStatus | null;
}

const table: Record<ArticleAction, Rule> = {
  edit: {
    from: ['draft', 'in-review', 'published', 'expired', 'withdrawn'],
    by: ['manager', 'system'],
    to: null,
  },
  submit: { from: ['draft'], by: ['manager', 'owner'], to: 'in-review' },
  approve: { from: ['in-review'], by: ['manager'], to: 'published' },
  reject: { from: ['in-review'], by: ['manager'], to: 'draft' },
  withdraw: { from: ['published', 'in-review'], by: ['manager', 'owner'], to: 'withdrawn' },
  expire: { from: ['published'], by: ['manager', 'system'], to: 'expired' },
  reopen: { from: ['published', 'expired', 'withdrawn'], by: ['manager', 'owner'], to: 'draft' },
  'confirm-review': { from: ['published'], by: ['manager', 'owner'], to: null },
};

/** Owners may edit their drafts only; managers may edit in any status. */
function allowed(action: ArticleAction, status: ArticleStatus, actor: ArticleActor): boolean {
  if (action === 'edit' && actor === 'owner') return status === 'draft';
  const rule = table[action];
  return rule.from.includes(status) && rule.by.includes(actor);
}

export type TransitionDecision =
  { ok: true; to: ArticleStatus } | { ok: false; reason: 'forbidden' | 'wrong-status' };

export function decideArticleAction(
  status: ArticleStatus,
  action: ArticleAction,
  actor: ArticleActor,
): TransitionDecision {
  if (allowed(action, status, actor)) return { ok: true, to: table[action].to ?? status };
  const anyStatus = articleStatuses.some((s) => allowed(action, s, actor));
  return { ok: false, reason: anyStatus ? 'wrong-status' : 'forbidden' };
}

export function allowedArticleActions(status: ArticleStatus, actor: ArticleActor): ArticleAction[] {
  return articleActions.filter((a) => allowed(a, status, actor));
}

const managerRoles: readonly Role[] = ['admin', 'kb-editor'];
const unitRoles: readonly Role[] = ['handler', 'unit-leader'];

export function isKbManager(role: Role): boolean {
  return managerRoles.includes(role);
}

/** Handlers and unit leaders draft entries for their own unit. */
export function canDraftForUnit(role: Role, userUnitId: number, unitId: number | null): boolean {
  if (isKbManager(role)) return true;
  return unitRoles.includes(role) && unitId === userUnitId;
}

export function articleActor(user: { role: Role; unitId: number }, ownerUnitId: number | null): ArticleActor {
  if (isKbManager(user.role)) return 'manager';
  if (unitRoles.includes(user.role) && ownerUnitId === user.unitId) return 'owner';
  return 'viewer';
}

/** Published and searchable on `today` (civil date 'YYYY-MM-DD'): from `validFrom` through `validUntil`, both inclusive. */
export function isLive(
  a: { status: ArticleStatus; validFrom: string | null; validUntil: string | null },
  today: string,
): boolean {
  if (a.status !== 'published') return false;
  if (a.validFrom && a.validFrom > today) return false;
  return !(a.validUntil && a.validUntil < today);
}
