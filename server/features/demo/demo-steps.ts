import { sql } from 'kysely';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';
import { trainDemoClassifiers } from '../classify/demo-classifier';
import { loadDemoEnterprises } from '../enterprises/demo-enterprises';
import { loadDemoKnowledge } from './demo-knowledge';
import { loadDemoOrders } from './load-demo-orders';

export type DemoStep =
  'demo-city' | 'demo-knowledge' | 'demo-orders' | 'demo-enterprises' | 'demo-classifier';

/** Records a step as done for good (begun now if it was not recorded as begun). */
export async function markStepDone(db: Trx, step: DemoStep, now: Date): Promise<void> {
  await db
    .insertInto('installation_step')
    .values({ step, begun_at: now, completed_at: now })
    .onConflict((oc) => oc.column('step').doUpdateSet({ completed_at: now }))
    .execute();
}

async function markStepBegun(db: Db, step: DemoStep, now: Date): Promise<void> {
  await db
    .insertInto('installation_step')
    .values({ step, begun_at: now, completed_at: null })
    .onConflict((oc) => oc.column('step').doUpdateSet({ begun_at: now }))
    .execute();
}

async function stepStates(db: Db): Promise<Map<string, 'begun' | 'done'>> {
  const rows = await db.selectFrom('installation_step').select(['step', 'completed_at']).execute();
  return new Map(rows.map((r) => [r.step, r.completed_at ? 'done' : 'begun']));
}

/** Every work order and what hangs off it: tables with a `ticket_id` first, then the orders. */
async function wipeOrders(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const owned = await sql<{ table_name: string }>`
      select distinct table_name from information_schema.columns
      where table_schema = current_schema() and column_name = 'ticket_id' and table_name <> 'ticket'
      order by table_name`.execute(trx);
    for (const t of owned.rows) await sql`delete from ${sql.table(t.table_name)}`.execute(trx);
    await trx.deleteFrom('ticket').execute();
    await trx.deleteFrom('ticket_counter').execute();
  });
}

/** The knowledge base's own tables, children first. */
async function wipeKnowledge(db: Db): Promise<void> {
  const tables = [
    'kb_article_usage',
    'kb_contribution',
    'kb_policy_notice',
    'kb_article_version',
    'kb_term_stat',
    'kb_article',
  ];
  await db.transaction().execute(async (trx) => {
    for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(trx);
  });
}

export interface DemoLoadResult {
  knowledge: number;
  orders: number;
  /** Steps an earlier start began and did not finish, wiped and done again. */
  redone: DemoStep[];
}

/**
 * Finishes the demo city's first start: its knowledge base, its orders and the intake
 * classifiers trained on them, each recorded as
 * begun, then as done once complete. A step an earlier start began and did not finish (the
 * process was stopped mid-way) is wiped and done again, so an interrupted first start never
 * leaves a half-loaded demo for good. Runs before the server listens, on an installation whose
 * demo city was loaded by `npm start`: nobody else has written orders yet.
 */
export async function completeDemoLoad(
  ctx: AppContext,
  opts: { knowledge: boolean; orders: number; onOrders?: (count: number) => void },
): Promise<DemoLoadResult> {
  const states = await stepStates(ctx.db);
  const result: DemoLoadResult = { knowledge: 0, orders: 0, redone: [] };
  if (states.get('demo-city') !== 'done') return result;
  if (states.get('demo-knowledge') !== 'done') {
    if (opts.knowledge) {
      if (states.get('demo-knowledge') === 'begun') {
        await wipeOrders(ctx.db); // usage rows may point at orders; orders come after anyway
        await wipeKnowledge(ctx.db);
        result.redone.push('demo-knowledge');
      }
      await markStepBegun(ctx.db, 'demo-knowledge', ctx.clock.now());
      result.knowledge = await loadDemoKnowledge(ctx.db, ctx.clock.now());
    }
    await markStepDone(ctx.db, 'demo-knowledge', ctx.clock.now());
  }
  if (states.get('demo-orders') !== 'done') {
    if (opts.orders > 0) {
      if (states.get('demo-orders') === 'begun') {
        await wipeOrders(ctx.db);
        result.redone.push('demo-orders');
      }
      await markStepBegun(ctx.db, 'demo-orders', ctx.clock.now());
      opts.onOrders?.(opts.orders);
      result.orders = await loadDemoOrders(ctx, opts.orders);
    }
    await markStepDone(ctx.db, 'demo-orders', ctx.clock.now());
  }
  if (states.get('demo-enterprises') !== 'done') {
    // Franchise enterprises, their stars from closed demo orders: one transaction with its mark.
    await ctx.db.transaction().execute(async (trx) => {
      await loadDemoEnterprises(ctx, trx, ctx.clock.now());
      await markStepDone(trx, 'demo-enterprises', ctx.clock.now());
    });
  }
  if (states.get('demo-classifier') !== 'done') {
    // The intake classifiers, trained on the demo's closed orders (a new version if redone).
    await markStepBegun(ctx.db, 'demo-classifier', ctx.clock.now());
    await trainDemoClassifiers(ctx);
    await markStepDone(ctx.db, 'demo-classifier', ctx.clock.now());
  }
  return result;
}
