import type { ListSupervisionsQuery, SupervisionListDto } from '../../../common/contracts/supervision';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { supervisionScope } from './supervision-access';
import { presentSupervision } from './supervision.presenter';
import { callerFactsOf, listSupervisions as listRows } from './supervision.repository';
import { callerViewFor, textFor } from '../tickets/caller-privacy';
import { seesAll } from '../tickets/visibility';

/** Supervisions the user may see, filtered, open ones first, paged in SQL. */
export async function listSupervisions(
  ctx: AppContext,
  user: SessionUser,
  q: ListSupervisionsQuery,
): Promise<SupervisionListDto> {
  const actor = await loadActor(ctx.db, user);
  const now = ctx.clock.now();
  const { items, total } = await listRows(ctx.db, {
    ...supervisionScope(actor),
    ticketId: q.ticketId,
    unitId: q.unitId,
    status: q.status,
    trigger: q.trigger,
    now,
    page: q.page,
    pageSize: q.pageSize,
  });
  // Supervisors type free text: a unit that may not know the caller (confidential order, or the
  // unit complained about) reads it with the caller's identity withheld, like the order's texts.
  const facts = seesAll(actor)
    ? null
    : await callerFactsOf(ctx.db, [...new Set(items.map((r) => r.ticket_id))]);
  const forViewer = (r: (typeof items)[number]) => {
    const f = facts?.get(r.ticket_id);
    if (!f) return r;
    const view = callerViewFor(
      actor,
      { confidential: f.confidential, status: f.status, complainedUnitPath: f.complained_path },
      false,
    );
    const c = {
      name: f.caller_name,
      phone: f.caller_phone,
      address: f.caller_address,
      confidential: f.confidential,
    };
    return { ...r, note: textFor(view, c, r.note), response: textFor(view, c, r.response) };
  };
  return {
    items: items.map((r) => presentSupervision(forViewer(r), now)),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
