import type { AppContext } from '../../platform/context';
import { unreadStates } from './notifications.repository';

/** One open event stream: sends an event, or ends the stream. */
export interface StreamSink {
  send(event: string, data: unknown): void;
  comment(text: string): void;
  end(): void;
}

/**
 * Live push of notifications to the browsers connected to this process (server-sent events).
 * Whatever process wrote a notification, the streams learn it from the database: every
 * `pollMs` one watcher per process reads the unread count and newest id of each connected
 * user (one grouped query on the user index) and pushes to those whose state changed; reading
 * a notification here checks at once. Committed rows only, in any commit order, on both
 * databases and across processes. No LISTEN/NOTIFY: a NOTIFY in the order's transaction takes
 * a database-wide lock at commit, which would serialise every order change for a wake-up.
 * A heartbeat keeps proxies from closing idle streams. Nothing runs while no stream is open.
 */
export class NotificationHub {
  private readonly streams = new Map<number, Set<StreamSink>>();
  private readonly state = new Map<number, string>();
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly opts: { pollMs: number; heartbeatMs: number } = { pollMs: 2_000, heartbeatMs: 20_000 },
  ) {}

  get size(): number {
    let n = 0;
    for (const s of this.streams.values()) n += s.size;
    return n;
  }

  add(userId: number, sink: StreamSink): () => void {
    const set = this.streams.get(userId) ?? new Set<StreamSink>();
    set.add(sink);
    this.streams.set(userId, set);
    this.state.delete(userId); // a new stream gets the current state at once
    this.start();
    void this.check();
    return () => {
      set.delete(sink);
      if (set.size === 0) {
        this.streams.delete(userId);
        this.state.delete(userId);
      }
      if (this.streams.size === 0) this.stop();
    };
  }

  /** Reads the connected users' states and pushes changes (never two passes at once). */
  check(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.pass()
      .catch((err: unknown) => this.ctx.logger.warn({ err }, 'notification stream check failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.check();
        }
      });
    return this.running;
  }

  private async pass(): Promise<void> {
    const users = [...this.streams.keys()];
    if (users.length === 0) return;
    const rows = await unreadStates(this.ctx.db, users);
    const byUser = new Map(rows.map((r) => [Number(r.user_id), r]));
    for (const userId of users) {
      const r = byUser.get(userId);
      const unread = Number(r?.unread ?? 0);
      const last = Number(r?.last ?? 0);
      const key = `${last}:${unread}`;
      if (this.state.get(userId) === key) continue;
      this.state.set(userId, key);
      for (const sink of this.streams.get(userId) ?? []) sink.send('notifications', { unread, last });
    }
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check(), this.opts.pollMs);
    this.timer.unref();
    this.heartbeat = setInterval(() => {
      for (const set of this.streams.values()) for (const sink of set) sink.comment('heartbeat');
    }, this.opts.heartbeatMs);
    this.heartbeat.unref();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    this.heartbeat = null;
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const set of this.streams.values()) for (const sink of set) sink.end();
    this.streams.clear();
    this.state.clear();
    this.stop();
  }
}
