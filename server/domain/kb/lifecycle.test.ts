import { describe, expect, it } from 'vitest';
import {
  allowedArticleActions,
  articleActor,
  canDraftForUnit,
  decideArticleAction,
  isLive,
} from './lifecycle';

describe('article lifecycle', () => {
  it.each([
    ['draft', 'submit', 'owner', 'in-review'],
    ['in-review', 'approve', 'manager', 'published'],
    ['in-review', 'reject', 'manager', 'draft'],
    ['published', 'withdraw', 'owner', 'withdrawn'],
    ['published', 'expire', 'system', 'expired'],
    ['expired', 'reopen', 'manager', 'draft'],
    ['published', 'confirm-review', 'owner', 'published'],
    ['published', 'edit', 'manager', 'published'],
  ] as const)('%s --%s by %s--> %s', (from, action, actor, to) => {
    expect(decideArticleAction(from, action, actor)).toEqual({ ok: true, to });
  });

  it.each([
    ['in-review', 'approve', 'owner', 'forbidden'],
    ['draft', 'approve', 'manager', 'wrong-status'],
    ['published', 'edit', 'owner', 'wrong-status'],
    ['draft', 'submit', 'viewer', 'forbidden'],
    ['withdrawn', 'withdraw', 'manager', 'wrong-status'],
  ] as const)('refuses %s --%s by %s (%s)', (from, action, actor, reason) => {
    expect(decideArticleAction(from, action, actor)).toEqual({ ok: false, reason });
  });

  it('lists the actions a user may take, for the UI', () => {
    expect(allowedArticleActions('draft', 'owner')).toEqual(['edit', 'submit']);
    expect(allowedArticleActions('in-review', 'manager')).toEqual(['edit', 'approve', 'reject', 'withdraw']);
    expect(allowedArticleActions('published', 'viewer')).toEqual([]);
  });

  it('relates users to articles by role and unit', () => {
    expect(articleActor({ role: 'kb-editor', unitId: 1 }, 7)).toBe('manager');
    expect(articleActor({ role: 'handler', unitId: 7 }, 7)).toBe('owner');
    expect(articleActor({ role: 'handler', unitId: 8 }, 7)).toBe('viewer');
    expect(articleActor({ role: 'agent', unitId: 7 }, 7)).toBe('viewer');
    expect(canDraftForUnit('unit-leader', 7, 7)).toBe(true);
    expect(canDraftForUnit('unit-leader', 7, null)).toBe(false);
    expect(canDraftForUnit('admin', 1, null)).toBe(true);
  });

  it('is live from validFrom through validUntil, both inclusive', () => {
    const a = { status: 'published' as const, validFrom: '2026-01-01', validUntil: '2026-12-31' };
    expect(isLive(a, '2025-12-31')).toBe(false);
    expect(isLive(a, '2026-01-01')).toBe(true);
    expect(isLive(a, '2026-12-31')).toBe(true);
    expect(isLive(a, '2027-01-01')).toBe(false);
    expect(isLive({ ...a, status: 'draft' }, '2026-06-01')).toBe(false);
    expect(isLive({ status: 'published', validFrom: null, validUntil: null }, '2099-01-01')).toBe(true);
  });
});
