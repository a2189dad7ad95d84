import type { ListSupervisionsQuery, SupervisionListDto } from '../../../common/contracts/supervision';
import type { AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { supervisionScope } from './supervision-access';
import { presentSupervision } from './supervision.presenter';
import { listSupervisions as listRows } from './supervision.repository';

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
  return {
    items: items.map((r) => presentSupervision(r, now)),
    page: q.page,
    pageSize: q.pageSize,
    total,
  };
}
