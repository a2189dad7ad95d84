import type {
  CreditRecordKind,
  DirectoryEntryDto,
  EnterpriseAction,
  EnterpriseDto,
  EnterpriseRatingDto,
  EnterpriseStatus,
  EnterpriseSummaryDto,
  ServiceDto,
  VisitResult,
} from '../../../common/contracts/enterprises';
import { formatInstant } from '../../domain/calendar/time';
import { recentBadRecords, starRating, suspensionDue } from '../../domain/enterprise/star-rating';
import { maskName, maskPhone } from '../tickets/caller-privacy';
import type { EnterpriseRow, RatingCountRow, enterpriseHistory } from './enterprises.repository';

export interface RatingFacts {
  counts: RatingCountRow | undefined;
  badRecords: readonly Date[];
  now: Date;
}

export function presentRating(f: RatingFacts): EnterpriseRatingDto {
  return starRating(
    {
      satisfied: f.counts?.satisfied ?? 0,
      basicallySatisfied: f.counts?.basically_satisfied ?? 0,
      unsatisfied: f.counts?.unsatisfied ?? 0,
    },
    recentBadRecords(f.badRecords, f.now),
  );
}

export function presentServices(codes: readonly string[], names: ReadonlyMap<string, string>): ServiceDto[] {
  return codes.map((code) => ({ code, name: names.get(code) ?? code }));
}

/** Who an enterprise is and what it offers: the fields every view of it starts with. */
function presentIdentity(row: EnterpriseRow, names: ReadonlyMap<string, string>) {
  return {
    id: Number(row.id),
    name: row.name,
    creditCode: row.credit_code,
    services: presentServices(row.services, names),
    address: row.address,
  };
}

/** Open information for the public directory: no contact person, no phone. */
export function presentDirectoryEntry(
  row: EnterpriseRow,
  names: ReadonlyMap<string, string>,
  rating: EnterpriseRatingDto,
  distanceKm: number | null,
): DirectoryEntryDto {
  return {
    ...presentIdentity(row, names),
    description: row.description,
    lng: row.lng,
    lat: row.lat,
    distanceKm: distanceKm === null ? null : Math.round(distanceKm * 100) / 100,
    rating,
    joinedAt: row.decided_at ? formatInstant(row.decided_at) : null,
  };
}

export function presentSummary(
  row: EnterpriseRow,
  names: ReadonlyMap<string, string>,
  rating: EnterpriseRatingDto,
  counts: { visits: number; recommendations: number },
): EnterpriseSummaryDto {
  return {
    ...presentIdentity(row, names),
    lng: row.lng,
    lat: row.lat,
    // Personal data of the contact person: masked for every viewer (revealed only on request).
    contactName: maskName(row.contact_name) ?? '',
    contactPhone: maskPhone(row.contact_phone) ?? '',
    status: row.status as EnterpriseStatus,
    appliedAt: formatInstant(row.applied_at),
    rating,
    visits: counts.visits,
    recommendations: counts.recommendations,
    suspensionDue: row.status === 'approved' && suspensionDue(rating.recentBadRecords),
  };
}

export function presentDetail(
  summary: EnterpriseSummaryDto,
  row: EnterpriseRow,
  history: Awaited<ReturnType<typeof enterpriseHistory>>,
  decidedBy: string | null,
  allowedActions: EnterpriseAction[],
): EnterpriseDto {
  return {
    ...summary,
    description: row.description,
    licence: { type: row.licence_type, size: row.licence_size },
    decidedAt: row.decided_at ? formatInstant(row.decided_at) : null,
    decidedBy,
    decisionNote: row.decision_note,
    suspendedAt: row.suspended_at ? formatInstant(row.suspended_at) : null,
    suspendReason: row.suspend_reason,
    visitRecords: history.visits.map((v) => ({
      id: Number(v.id),
      visitedOn: v.visited_on,
      result: v.result as VisitResult,
      note: v.note,
      recordedBy: v.recorded_by_name,
    })),
    recommendationRecords: history.recommendations.map((r) => ({
      id: Number(r.id),
      association: r.association,
      note: r.note,
      recordedAt: formatInstant(r.recorded_at),
    })),
    creditRecords: history.credit.map((c) => ({
      id: Number(c.id),
      kind: c.kind as CreditRecordKind,
      ticketId: c.ticket_id === null ? null : Number(c.ticket_id),
      note: c.note,
      recordedAt: formatInstant(c.recorded_at),
      recordedBy: c.recorded_by_name,
    })),
    allowedActions,
  };
}
