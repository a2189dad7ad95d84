import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createTestDatabase } from '../../test/test-db';
import { prepareInstallation } from '../import/installation';
import { completeDemoLoad } from './demo-steps';
import { loadDemoOrders } from './load-demo-orders';

async function counts(t: TestApp) {
  const n = async (table: 'ticket' | 'kb_article' | 'ticket_event') =>
    Number(
      (
        await t.ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { orders: await n('ticket'), articles: await n('kb_article'), events: await n('ticket_event') };
}

/** The demo knowledge base has 25 articles (server/features/demo/demo-knowledge.ts, README). */
const DEMO_ARTICLES = 25;

describe('first start interrupted mid-way', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(); // the demo city is loaded (units and users, one transaction)
  });
  afterAll(async () => t.close());

  it('is completed at the next start: the half-made orders are replaced by the full set', async () => {
    // The first start began generating orders and was killed after 3 of 12.
    await t.ctx.db
      .insertInto('installation_step')
      .values({ step: 'demo-knowledge', begun_at: new Date(), completed_at: new Date() })
      .execute();
    await t.ctx.db
      .insertInto('installation_step')
      .values({ step: 'demo-orders', begun_at: new Date(), completed_at: null })
      .execute();
    await loadDemoOrders(t.ctx, 3);
    expect((await counts(t)).orders).toBe(3);

    const r = await completeDemoLoad(t.ctx, { knowledge: true, orders: 12 });
    expect(r.redone).toEqual(['demo-orders']);
    const after = await counts(t);
    expect(after.orders).toBe(12);
    // Every event belongs to one of the 12 orders: nothing of the first attempt is left.
    const orphans = await t.ctx.db
      .selectFrom('ticket_event as e')
      .leftJoin('ticket as o', 'o.id', 'e.ticket_id')
      .select('e.ticket_id')
      .where('o.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);

    // The start after that changes nothing.
    const again = await completeDemoLoad(t.ctx, { knowledge: true, orders: 12 });
    expect(again).toEqual({ knowledge: 0, orders: 0, redone: [] });
    expect(await counts(t)).toEqual(after);
  });
});

describe('first start that never reached the knowledge base', () => {
  it('loads the knowledge base and the orders', async () => {
    const t = await createTestApp();
    try {
      const r = await completeDemoLoad(t.ctx, { knowledge: true, orders: 5 });
      expect(r).toEqual({ knowledge: DEMO_ARTICLES, orders: 5, redone: [] });
      expect(await counts(t)).toMatchObject({ orders: 5, articles: DEMO_ARTICLES });
    } finally {
      await t.close();
    }
  });

  it('a knowledge step killed half-way is redone', async () => {
    const t = await createTestApp();
    try {
      await t.ctx.db
        .insertInto('installation_step')
        .values({ step: 'demo-knowledge', begun_at: new Date(), completed_at: null })
        .execute();
      await completeDemoLoad(t.ctx, { knowledge: true, orders: 0 }); // loads, but as a redo
      await t.ctx.db
        .updateTable('installation_step')
        .set({ completed_at: null })
        .where('step', '=', 'demo-knowledge')
        .execute();
      const r = await completeDemoLoad(t.ctx, { knowledge: true, orders: 0 });
      expect(r.redone).toEqual(['demo-knowledge']);
      expect((await counts(t)).articles).toBe(DEMO_ARTICLES);
    } finally {
      await t.close();
    }
  });
});

describe('an installation prepared by the command line', () => {
  it('gets no demo orders or articles at the next start', async () => {
    const handle = await createTestDatabase();
    try {
      const p = await prepareInstallation(handle.db, { CIVICLINE_DEMO: true });
      expect(p.demoLoaded).toBe(true);
      const steps = await handle.db
        .selectFrom('installation_step')
        .select(['step', 'completed_at'])
        .orderBy('step')
        .execute();
      expect(steps.map((s) => [s.step, s.completed_at !== null])).toEqual([
        ['demo-city', true],
        ['demo-knowledge', true],
        ['demo-orders', true],
      ]);
    } finally {
      await handle.close();
    }
  });
});
