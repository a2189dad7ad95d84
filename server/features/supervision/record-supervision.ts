import type { SupervisionMode, SupervisionTrigger } from '../../../common/contracts/supervision';
import { addDuration } from '../../domain/sla';
import { officeFor, respondWithinFor } from '../../domain/supervision/supervision-rules';
import type { Rules } from '../../platform/context';
import type { Trx } from '../tickets/tickets.repository';
import { insertSupervision, leadUnitOf } from './supervision.repository';
import { notifyUnits, ticketNoOf } from '../notifications/notifications.repository';

export interface RecordSupervisionInput {
  ticketId: number;
  trigger: SupervisionTrigger;
  mode: SupervisionMode;
  note: string | null;
  /** The supervised unit: the order's lead unit when not given. */
  unitId?: number | null;
  createdBy: number | null;
  now: Date;
  /** An explicit answer time (leader instruction) … */
  dueAt?: Date;
  /** … or an answer limit in working days; otherwise the profile's, else the default. */
  respondWithinWorkingDays?: number;
  /** Tell the supervised unit (default); the sweep's slip has told it already. */
  notify?: boolean;
}

/**
 * Records one supervision (督办) on an order, in the caller's transaction (the caller holds the
 * order's lock, decision 0006): the supervised unit, the supervising office by trigger
 * (shanghai-962200 §12) and the time the unit must answer by, from the active profile.
 */
export async function recordSupervision(trx: Trx, rules: Rules, s: RecordSupervisionInput): Promise<number> {
  const unitId = s.unitId === undefined ? await leadUnitOf(trx, s.ticketId) : s.unitId;
  let respondBy = s.dueAt ?? null;
  if (!respondBy) {
    const within = respondWithinFor(rules.profile, s.respondWithinWorkingDays);
    respondBy = addDuration(rules.calendar, s.now, within, { endOfDay: rules.profile.endOfDay }).at;
  }
  const id = await insertSupervision(trx, {
    ticketId: s.ticketId,
    trigger: s.trigger,
    mode: s.mode,
    note: s.note,
    unitId,
    office: officeFor(rules.profile, s.trigger),
    createdBy: s.createdBy,
    createdAt: s.now,
    respondBy,
  });
  if (s.notify !== false) {
    await notifyUnits(trx, unitId ? [unitId] : [], {
      kind: 'supervision',
      ticketId: s.ticketId,
      title: `督办：工单 ${await ticketNoOf(trx, s.ticketId)} 请按时答复督办意见`,
      at: s.now,
    });
  }
  return id;
}
