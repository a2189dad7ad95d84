/** Shared helpers of the SLA tests. */
import type { SourceLevel, TicketType, Urgency } from '../../../common/enums';
import { formatInstant, parseInstant } from '../calendar';
import type { SlaFacts, StageDeadlines } from './types';

/** Local Shanghai time `YYYY-MM-DD HH:mm` → Date. */
export const at = (local: string): Date => parseInstant(`${local.replace(' ', 'T')}+08:00`);

/** Deadline → `YYYY-MM-DD HH:mm:ss` local, or undefined. */
export const local = (d: Date | null | undefined): string | undefined =>
  d ? formatInstant(d).slice(0, 19).replace('T', ' ') : undefined;

export function facts(p: {
  received?: string;
  dispatched?: string | null;
  accepted?: string;
  replied?: string;
  closed?: string;
  type?: TicketType;
  urgency?: Urgency;
  level?: SourceLevel;
  category?: string;
  complex?: boolean;
  emergencyResultDays?: number;
  extensions?: { workingDays: number; approvedAt: string }[];
  pauses?: { from: string; to: string | null }[];
}): SlaFacts {
  const received = p.received ?? p.dispatched ?? '2026-01-05 09:00';
  return {
    receivedAt: at(received),
    dispatchedAt: p.dispatched === null ? null : at(p.dispatched ?? received),
    acceptedAt: p.accepted ? at(p.accepted) : null,
    repliedAt: p.replied ? at(p.replied) : null,
    closedAt: p.closed ? at(p.closed) : null,
    type: p.type ?? 'help',
    urgency: p.urgency ?? 'normal',
    level: p.level ?? 'city',
    category: p.category ?? null,
    complex: p.complex ?? false,
    emergencyResultDays: p.emergencyResultDays ?? null,
    extensions: (p.extensions ?? []).map((e) => ({
      workingDays: e.workingDays,
      approvedAt: at(e.approvedAt),
    })),
    pauses: (p.pauses ?? []).map((x) => ({ from: at(x.from), to: x.to === null ? null : at(x.to) })),
  };
}

/** Stage → due, local. */
export function dues(d: StageDeadlines): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(d).map(([k, v]) => [k, local(v.dueAt)]));
}

/**
 * The explanation of 5 working days counted from Wed 2026-09-30 10:05 (02:05 UTC), worked out by
 * hand from the 2026 State Council schedule: 国庆 Oct 1-7 off, make-up Sat Oct 10.
 */
export const fiveWorkingDaysOverNationalDay = {
  kind: 'count',
  amount: 5,
  unit: 'wd',
  from: '2026-09-30T02:05:00.000Z',
  special: [
    { kind: 'holiday', from: '2026-10-01', to: '2026-10-07' },
    { kind: 'makeup', day: '2026-10-10' },
  ],
  suspendedDays: 0,
  suspendedMinutes: 0,
  endOfDay: null,
};
