import type {
  ApplicationDto,
  ApplicationStatus,
  NumberAction,
  NumberKind,
  NumberVersionDto,
  PublicServiceNumberDto,
  ReviewDto,
  ServiceNumberDto,
} from '../../../common/contracts/service-numbers';
import { formatInstant } from '../../domain/calendar/time';
import { versionInForce } from '../../domain/service-number/service-number-rules';
import type { ApplicationRow, ReviewRow, VersionRow } from './service-numbers.repository';

const iso = (d: Date) => formatInstant(d);

export function presentApplication(r: ApplicationRow): ApplicationDto {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    action: r.action as NumberAction,
    serviceNumberId: r.service_number_id,
    number: r.number,
    name: r.name,
    kind: r.kind as NumberKind,
    dutyHours: r.duty_hours,
    duties: r.duties,
    effectiveDate: r.effective_date,
    reason: r.reason,
    status: r.status as ApplicationStatus,
    appliedBy: r.applied_by_name,
    appliedAt: iso(r.applied_at),
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    decisionNote: r.decision_note,
  };
}

export function presentVersion(v: VersionRow): NumberVersionDto {
  return {
    seq: v.seq,
    action: v.action as NumberAction,
    number: v.number,
    name: v.name,
    kind: v.kind as NumberKind,
    dutyHours: v.duty_hours,
    duties: v.duties,
    effectiveDate: v.effective_date,
    applicationId: v.application_id,
    approvedAt: iso(v.approved_at),
  };
}

const toRule = (v: VersionRow) => ({
  ...v,
  action: v.action as NumberAction,
  effectiveDate: v.effective_date,
});

/**
 * A number with its version in force on `today` (or, when none is yet, the first one scheduled;
 * when it closed, the closing version), its history and its complaints.
 */
export function presentNumber(
  n: { id: number; unit_id: number; unit_name: string },
  versions: VersionRow[],
  complaints: { total: number; open: number; upheld: number } | undefined,
  today: string,
): ServiceNumberDto | null {
  const rules = versions.map(toRule);
  const inForce = versionInForce(rules, today);
  const last = rules[rules.length - 1];
  if (!last) return null;
  let state: ServiceNumberDto['state'];
  let current: VersionRow;
  if (inForce) {
    state = 'published';
    current = inForce;
  } else if (rules.some((v) => v.action === 'close' && v.effectiveDate <= today)) {
    state = 'closed';
    current = last;
  } else {
    state = 'scheduled';
    current = rules[0] ?? last;
  }
  return {
    id: n.id,
    unitId: n.unit_id,
    unitName: n.unit_name,
    state,
    current: presentVersion(current),
    history: versions.map(presentVersion),
    complaints: complaints ?? { total: 0, open: 0, upheld: 0 },
  };
}

export function presentPublic(r: {
  id: number;
  number: string;
  name: string;
  unit_name: string;
  kind: string;
  duty_hours: string;
  duties: string;
}): PublicServiceNumberDto {
  return {
    id: r.id,
    number: r.number,
    name: r.name,
    unitName: r.unit_name,
    kind: r.kind as NumberKind,
    dutyHours: r.duty_hours,
    duties: r.duties,
  };
}

export function presentReview(r: ReviewRow, changes: ReviewDto['changes'], now: Date): ReviewDto {
  return {
    id: r.id,
    period: r.period,
    unitId: r.unit_id,
    unitName: r.unit_name,
    dueAt: iso(r.due_at),
    overdue: r.answered_at === null && r.due_at.getTime() < now.getTime(),
    report: r.report,
    answeredBy: r.answered_by_name,
    answeredAt: r.answered_at ? iso(r.answered_at) : null,
    changes,
  };
}
