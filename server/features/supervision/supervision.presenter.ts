import type {
  SupervisionDto,
  SupervisionMode,
  SupervisionTrigger,
} from '../../../common/contracts/supervision';
import { formatInstant } from '../../domain/calendar';
import { isLate, supervisionLight, supervisionStatus } from '../../domain/supervision/supervision-rules';

export interface SupervisionRecord {
  id: number;
  ticket_id: number;
  ticket_no: string;
  trigger: string;
  mode: string;
  note: string | null;
  office: string | null;
  unit_id: number | null;
  unit_name: string | null;
  respond_by: Date | null;
  response: string | null;
  responded_at: Date | null;
  responded_by: number | null;
  responded_by_name: string | null;
  created_at: Date;
  created_by: number | null;
  created_by_name: string | null;
}

const person = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** One supervision as the API shows it; instants as ISO 8601 with +08:00. */
export function presentSupervision(r: SupervisionRecord, now: Date): SupervisionDto {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    ticketNo: r.ticket_no,
    trigger: r.trigger as SupervisionTrigger,
    mode: r.mode as SupervisionMode,
    reason: r.note,
    office: r.office,
    unitId: r.unit_id,
    unitName: r.unit_name,
    dueAt: r.respond_by ? formatInstant(r.respond_by) : null,
    response: r.response,
    respondedAt: r.responded_at ? formatInstant(r.responded_at) : null,
    respondedBy: person(r.responded_by, r.responded_by_name),
    late: isLate(r.respond_by, r.responded_at),
    createdAt: formatInstant(r.created_at),
    createdBy: person(r.created_by, r.created_by_name),
    status: supervisionStatus(now, r.respond_by, r.responded_at),
    light: supervisionLight(now, r.respond_by, r.responded_at),
  };
}
