import { expect } from 'vitest';
import { createTestApp } from '../../test/test-app';
import { completeDemoLoad } from './demo-steps';

/**
 * Every built-in profile starts with demo data: the demo orders go through the lifecycle under
 * the active profile's rules (under shanghai-962200 the generator once asked for an extension
 * the profile does not provide, and the first start failed). One test file per profile, so that
 * the five slow loads spread over the test workers.
 */
export async function checkDemoUnderProfile(profileId: string): Promise<void> {
  const t = await createTestApp({
    env: { CIVICLINE_PROFILE: profileId },
    now: '2026-11-20T10:00:00+08:00',
  });
  try {
    expect(t.ctx.rules.profile.id).toBe(profileId);
    const r = await completeDemoLoad(t.ctx, { knowledge: false, orders: 30 });
    expect(r.orders).toBe(30);
    const orders = await t.ctx.db.selectFrom('ticket').select(['id', 'status', 'profile_id']).execute();
    expect(orders).toHaveLength(30);
    expect(new Set(orders.map((o) => o.profile_id))).toEqual(new Set([profileId]));
    // The mix spans the lifecycle, not only fresh intake.
    const statuses = new Set(orders.map((o) => o.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
  } finally {
    await t.close();
  }
}
