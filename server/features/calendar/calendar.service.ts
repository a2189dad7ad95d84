import { z } from 'zod';
import { buildCalendar, type HolidayEntry } from '../../domain/calendar';
import { computeDeadlines } from '../../domain/sla';
import { terminalStatuses } from '../../domain/ticket/statuses';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { loadOrderEvents, parseActionPayload, performActionIn } from '../tickets/perform-action';
import { slaFactsOf } from '../tickets/ticket-deadlines';
import { listAssignments, listDeadlines, lockTicket } from '../tickets/tickets.repository';
import { loadCurrentCalendar } from '../rules/rules.service';
import { calendarVersionDays, insertCalendarVersion, openOrderIds } from '../rules/rules.repository';

/**
 * A State Council schedule in the holiday-cn format: `{ year, papers?, days: [{ name, date, isOffDay }] }`.
 * `year` is the notice's year; late-December dates of the year before may be listed too.
 */
export const scheduleSchema = z.object({
  year: z.number().int().min(1901).max(2099),
  papers: z.array(z.string()).optional(),
  days: z
    .array(
      z.object({
        name: z.string().min(1).max(50),
        date: z.iso.date(),
        isOffDay: z.boolean(),
      }),
    )
    .min(1, '安排中没有任何日期'),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export function parseSchedule(doc: unknown): Schedule {
  const r = scheduleSchema.safeParse(doc);
  if (!r.success) {
    throw new AppError(
      'VALIDATION_FAILED',
      `节假日安排格式不正确：${r.error.issues[0]?.path.join('.') ?? ''} ${r.error.issues[0]?.message ?? ''}`,
      r.error.issues.map((i) => ({ path: `/${i.path.join('/')}`, message: i.message })),
    );
  }
  const s = r.data;
  for (const d of s.days) {
    const y = Number(d.date.slice(0, 4));
    if (y !== s.year && !(y === s.year - 1 && d.date.slice(5, 7) === '12')) {
      throw new AppError('VALIDATION_FAILED', `日期 ${d.date} 不属于 ${s.year} 年的安排`);
    }
  }
  return s;
}

/**
 * Stores a new calendar version: the current days with the schedule's year replaced by the
 * schedule (dates it lists from late December of the year before override theirs).
 */
export async function importSchedule(ctx: AppContext, schedule: Schedule, source: string): Promise<number> {
  const current = await loadCurrentCalendar(ctx.db);
  const stored = (await calendarVersionDays(ctx.db, current.version)) as HolidayEntry[];
  const listed = new Set(schedule.days.map((d) => d.date));
  const kept = stored.filter((d) => !d.date.startsWith(`${schedule.year}-`) && !listed.has(d.date));
  const days = [...kept, ...schedule.days].sort((a, b) => a.date.localeCompare(b.date));
  buildCalendar(days, { version: 0 }); // refuses inconsistent data before anything is stored
  const inserted = await insertCalendarVersion(ctx.db, {
    source,
    note: `${schedule.year} 年节假日安排${schedule.papers?.length ? `（${schedule.papers.join(' ')}）` : ''}`,
    days: JSON.stringify(days),
  });
  return inserted.id;
}

/** Switches the rules in force to the newest calendar version when another one was stored. */
export function reloadCalendarIfNewer(ctx: AppContext): Promise<boolean> {
  return ctx.rulesProvider.reloadCalendarIfNewer();
}

const sameInstant = (a: Date | null | undefined, b: Date | null | undefined) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);

type Fresh = ReturnType<typeof computeDeadlines>;
type StoredRow = Awaited<ReturnType<typeof listDeadlines>>[number];
type Change = { stage: string; old: string; new: string };

/** The stage deadlines that differ between the stored rows and a fresh computation. */
function changesOf(stored: StoredRow[], fresh: Fresh): { changes: Change[]; provisionalChanged: boolean } {
  const changes = stored
    .map((r) => {
      const n = fresh[r.stage as keyof Fresh];
      return n &&
        !(
          sameInstant(n.dueAt, r.due_at) &&
          sameInstant(n.warnAt, r.warn_at) &&
          sameInstant(n.redAt, r.red_at)
        )
        ? { stage: r.stage, old: r.due_at.toISOString(), new: n.dueAt.toISOString() }
        : null;
    })
    .filter((c) => c !== null);
  // A stage the rules no longer set (or newly set), e.g. a category rule now reaching the order.
  for (const r of stored) {
    if (!(r.stage in fresh)) changes.push({ stage: r.stage, old: r.due_at.toISOString(), new: 'none' });
  }
  for (const [stage, n] of Object.entries(fresh)) {
    if (!stored.some((r) => r.stage === stage)) {
      changes.push({ stage, old: 'none', new: n.dueAt.toISOString() });
    }
  }
  changes.sort((a, b) => a.stage.localeCompare(b.stage));
  const provisionalChanged = stored.some((r) => {
    const n = fresh[r.stage as keyof Fresh];
    return n !== undefined && n.provisional !== r.provisional;
  });
  return { changes, provisionalChanged };
}

/**
 * Recomputes the deadlines of open orders under the rules in force. Each order whose
 * deadlines change gets a `recompute-deadlines` event with the old and new values; closed
 * orders are never rewritten. With `profileChange`, only orders computed under another profile
 * (id or version) are taken, and each gets the event, saying which profile now applies, even
 * when its deadlines stay the same. Returns how many were checked and changed.
 */
export async function recomputeOpenOrders(
  ctx: AppContext,
  reason: string,
  onProgress?: (done: number, total: number) => void,
  opts: { profileChange?: boolean } = {},
): Promise<{ checked: number; changed: number }> {
  const { profile } = ctx.rules;
  const open = await openOrderIds(ctx.db, opts.profileChange ? profile : undefined);
  let changed = 0;
  let done = 0;
  for (const id of open) {
    const didChange = await ctx.db.transaction().execute(async (trx) => {
      const ticket = await lockTicket(trx, id);
      if (!ticket || terminalStatuses.includes(ticket.status as never)) return false;
      const otherProfile = ticket.profile_id !== profile.id || ticket.profile_version !== profile.version;
      if (opts.profileChange && !otherProfile) return false;
      const assignments = await listAssignments(trx, id);
      const events = await loadOrderEvents(trx, id);
      const fresh = computeDeadlines(profile, ctx.rules.calendar, slaFactsOf(ticket, assignments, events));
      const { changes, provisionalChanged } = changesOf(await listDeadlines(trx, id), fresh);
      if (!opts.profileChange && changes.length === 0 && !provisionalChanged) return false;
      const why = opts.profileChange
        ? `${reason}（原为 ${ticket.profile_id} ${ticket.profile_version}）`.slice(0, 200)
        : reason;
      await performActionIn(
        ctx,
        trx,
        null,
        id,
        'recompute-deadlines',
        parseActionPayload('recompute-deadlines', { reason: why, changes }),
      );
      return true;
    });
    if (didChange) changed++;
    done++;
    if (onProgress && (done % 500 === 0 || done === open.length)) onProgress(done, open.length);
  }
  return { checked: open.length, changed };
}

/**
 * A profile change recomputes open orders (DESIGN rule 4, SPEC §4.1): at start the profile in
 * force may differ from the one open orders were computed under (another CIVICLINE_PROFILE, a
 * new version of a site profile). Each such order is recomputed under the profile now in force,
 * with an event naming it.
 */
export function recomputeForProfileChange(ctx: AppContext): Promise<{ checked: number; changed: number }> {
  const p = ctx.rules.profile;
  return recomputeOpenOrders(ctx, `政策配置改为 ${p.name}（${p.id} ${p.version}）`, undefined, {
    profileChange: true,
  });
}
