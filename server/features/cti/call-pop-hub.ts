import type pg from 'pg';
import type { CallPop } from '../../../common/contracts/cti';
import type { AppContext } from '../../platform/context';
import { notify } from './cti.repository';

/** PostgreSQL channel of screen pops between server processes. */
export const CALL_POP_CHANNEL = 'civicline_call_pop';

type Listener = (pop: CallPop) => void;

/**
 * Screen pops to the browsers of the agents who answered: listeners per user in this process,
 * and, with several processes on one PostgreSQL database, NOTIFY / LISTEN between them (the
 * agent's stream may be held by another process than the one the telephone system called).
 * Without a listening session (the embedded database: one process), delivery stays in-process.
 */
export interface CallPopHub {
  subscribe(userId: number, listener: Listener): () => void;
  publish(userId: number, pop: CallPop): Promise<void>;
  /** Local listeners (tests, health). */
  listeners(): number;
  /** Resolves once the cross-process listener (if any) listens. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function createCallPopHub(ctx: AppContext, openSession?: () => pg.Client): CallPopHub {
  const byUser = new Map<number, Set<Listener>>();
  let session: pg.Client | null = null;
  let starting: Promise<void> | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | null = null;

  const deliver = (userId: number, pop: CallPop) => {
    for (const l of byUser.get(userId) ?? []) {
      try {
        l(pop);
      } catch (err) {
        ctx.logger.warn({ err }, 'a screen pop listener failed');
      }
    }
  };

  const count = () => [...byUser.values()].reduce((n, s) => n + s.size, 0);

  const listenLater = () => {
    if (closed || count() === 0 || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void listen();
    }, 1_000);
  };

  const listen = (): Promise<void> => {
    if (!openSession || closed || session) return Promise.resolve();
    if (starting) return starting;
    const client = openSession();
    const dropped = (err?: unknown) => {
      if (session !== client) return;
      session = null;
      ctx.logger.warn({ err }, 'the screen pop listener lost its connection; listening again');
      client.end().catch(() => undefined);
      listenLater();
    };
    client.on('notification', (msg) => {
      if (msg.channel !== CALL_POP_CHANNEL || !msg.payload) return;
      try {
        const { userId, pop } = JSON.parse(msg.payload) as { userId: number; pop: CallPop };
        deliver(userId, pop);
      } catch (err) {
        ctx.logger.warn({ err }, 'an unreadable screen pop notification');
      }
    });
    client.on('error', dropped);
    client.on('end', () => dropped());
    starting = client
      .connect()
      .then(() => client.query(`listen ${CALL_POP_CHANNEL}`))
      .then(() => {
        session = client;
      })
      .catch((err: unknown) => {
        ctx.logger.warn({ err }, 'could not listen for screen pops; trying again');
        client.end().catch(() => undefined);
        listenLater();
      })
      .finally(() => {
        starting = null;
      });
    return starting;
  };

  return {
    subscribe(userId, listener) {
      let set = byUser.get(userId);
      if (!set) byUser.set(userId, (set = new Set()));
      set.add(listener);
      void listen();
      return () => {
        set.delete(listener);
        if (set.size === 0) byUser.delete(userId);
      };
    },
    async publish(userId, pop) {
      if (!openSession) return deliver(userId, pop);
      // Every process listening (this one included) hands it to its own streams.
      await notify(ctx.db, CALL_POP_CHANNEL, JSON.stringify({ userId, pop }));
    },
    listeners: count,
    ready: () => listen(),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await starting;
      const s = session;
      session = null;
      byUser.clear();
      await s?.end().catch(() => undefined);
    },
  };
}
