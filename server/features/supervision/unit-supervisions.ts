import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { assertMayAnswer, inScope, supervisionScope } from './supervision-access';
import {
  answerUnitSupervision,
  findUnitSupervision,
  listUnitSupervisions,
} from './unit-supervision.repository';

/** Supervisions of units the user may see: the center all, a unit those of its own tree. */
export async function unitSupervisions(ctx: AppContext, user: SessionUser) {
  const actor = await loadActor(ctx.db, user);
  const rows = await listUnitSupervisions(ctx.db, supervisionScope(actor).unitPath);
  const now = ctx.clock.now();
  return {
    items: rows.map((r) => ({
      ...r,
      id: Number(r.id),
      unitId: Number(r.unitId),
      status: r.respondedAt ? 'answered' : r.respondBy && r.respondBy < now ? 'overdue' : 'open',
    })),
  };
}

/** The supervised unit answers in writing, once (a late answer is accepted and shows late). */
export async function respondUnitSupervision(ctx: AppContext, user: SessionUser, id: number, text: string) {
  const actor = await loadActor(ctx.db, user);
  const s = await findUnitSupervision(ctx.db, id);
  if (!s || !inScope(actor, s.path, null)) throw new AppError('NOT_FOUND', '督办不存在');
  assertMayAnswer(actor, Number(s.unit_id), s.path);
  const ok = await answerUnitSupervision(ctx.db, id, { text, by: user.id, at: ctx.clock.now() });
  if (!ok) throw new AppError('CONFLICT', '该督办已答复，不能重复答复');
  return { ok: true };
}
