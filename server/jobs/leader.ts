import type pg from 'pg';
import { reloadCalendarIfNewer } from '../features/calendar/calendar.service';
import { reloadCategoriesIfNewer } from '../features/categories/categories.service';
import type { AppContext } from '../platform/context';
import type { Logger } from '../platform/logger';
import { deliverWebhooks } from '../features/webhooks/deliver-webhooks';
import { tick } from './sla-sweep';

/**
 * Who runs the background jobs. Several server processes may share one PostgreSQL database;
 * the jobs (deadline sweep with its reminder slips, incident report alerts, recomputation after
 * a profile or calendar change, pruning of idempotency keys) run in one of them at a time.
 */
export interface Leadership {
  /** True when this process may run the jobs now (acquires the lock if it is free). */
  check(): Promise<boolean>;
  /** Gives the lock up (ends its session). */
  release(): Promise<void>;
}

/** The embedded database has one process (its lock file refuses a second): it always leads. */
export const soleLeadership: Leadership = {
  check: () => Promise.resolve(true),
  release: () => Promise.resolve(),
};

/**
 * The lock key: one per schema, so deployments (and test files) sharing a server in separate
 * schemas elect separately. `hashtext` gives an int4, which pg_try_advisory_lock(bigint) takes.
 */
const TRY_LOCK = `select pg_try_advisory_lock(hashtext('civicline.jobs:' || current_schema())) as held`;

/**
 * Election by a session-level PostgreSQL advisory lock held on a dedicated session (outside the
 * pool). The holder leads for as long as its session lives: a crashed or stopped process loses
 * the lock with its connection and another process takes it at its next check. A check of the
 * leader also proves its session alive (`select 1`); a broken session drops leadership at once.
 *
 * A leader cut off from the server without noticing (network partition) may overlap with the
 * next leader for one tick; every job is idempotent (unique alert keys, FOR UPDATE SKIP LOCKED),
 * so an overlap costs work, never a duplicate reminder.
 */
export function advisoryLeadership(openSession: () => pg.Client, logger: Logger): Leadership {
  let client: pg.Client | null = null;
  let held = false;
  const drop = () => {
    const c = client;
    client = null;
    held = false;
    c?.end().catch(() => undefined);
  };
  return {
    async check() {
      try {
        if (!client) {
          const c = openSession();
          c.on('error', (err: Error) => {
            logger.warn({ err }, 'job election: session lost');
            if (client === c) drop();
          });
          client = c;
          await c.connect();
        }
        if (held) {
          await client.query('select 1');
          return true;
        }
        const r = await client.query<{ held: boolean }>(TRY_LOCK);
        held = r.rows[0]?.held === true;
        return held;
      } catch (err) {
        logger.warn({ err }, 'job election: check failed');
        drop();
        return false;
      }
    },
    async release() {
      const c = client;
      client = null;
      held = false;
      if (c) await c.end().catch(() => undefined);
    },
  };
}

/**
 * What every process does whether it leads or not: pick up rules another process stored (a
 * calendar imported, a category tree changed), so that the orders it takes get current
 * deadlines. The importer recomputes open orders itself; the leader's tick re-checks.
 */
export async function refreshRules(ctx: AppContext): Promise<void> {
  await reloadCalendarIfNewer(ctx);
  await reloadCategoriesIfNewer(ctx);
}

export interface JobRunner {
  /** Stops the timer, waits for a running pass, and gives up the lock. */
  stop(): Promise<void>;
  /** Runs one pass now (leader: the jobs; follower: refresh); for tests. */
  runOnce(): Promise<boolean>;
}

/**
 * Runs the jobs every `intervalMs` in the process that holds the lock; the others only refresh
 * their rules. A pass never overlaps the previous one in the same process.
 */
export function startJobs(ctx: AppContext, leadership: Leadership, intervalMs: number): JobRunner {
  let leading = false;
  let running: Promise<boolean> | null = null;
  const pass = async (): Promise<boolean> => {
    const now = await leadership.check();
    if (now !== leading) {
      leading = now;
      ctx.logger.info(
        { pid: process.pid },
        now ? 'background jobs: this process leads' : 'background jobs: leadership lost',
      );
    }
    if (now) await tick(ctx);
    else await refreshRules(ctx);
    return now;
  };
  const runOnce = (): Promise<boolean> => {
    running ??= pass()
      .catch((err: unknown) => {
        ctx.logger.error({ err }, 'background jobs failed');
        return leading;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => {
    if (!running) void runOnce();
  }, intervalMs);
  timer.unref();
  // Webhooks and forwards go out on a shorter beat than the sweep, from the leader only.
  let delivering: Promise<unknown> | null = null;
  const hooks = setInterval(() => {
    if (delivering) return;
    // Before the first pass of the jobs the lock may be free: take it here (the pass sees it held).
    delivering = (leading ? Promise.resolve(true) : leadership.check())
      .then((lead) => (lead ? deliverWebhooks(ctx) : null))
      .catch((err: unknown) => ctx.logger.error({ err }, 'webhook delivery failed'))
      .finally(() => {
        delivering = null;
      });
  }, ctx.env.CIVICLINE_WEBHOOK_INTERVAL_MS);
  hooks.unref();
  return {
    async stop() {
      clearInterval(timer);
      clearInterval(hooks);
      if (delivering) await delivering;
      if (running) await running;
      await leadership.release();
    },
    runOnce,
  };
}
