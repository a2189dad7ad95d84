import type { DeadlineExplanation } from '../../../common/contracts/deadline-explanation';
import type { Light, SourceLevel, StageKey, TicketType, Urgency } from '../../../common/enums';

export type { Light, StageKey };

export interface SlaFacts {
  /** Arrival at the platform. */
  receivedAt: Date;
  /** Dispatch to the (current) unit; an electronic dispatch counts as received by the unit (shanghai-962200 §11). */
  dispatchedAt?: Date | null;
  /** The unit's sign-for. */
  acceptedAt?: Date | null;
  /** The unit's reply (stops the handling clock). */
  repliedAt?: Date | null;
  closedAt?: Date | null;
  type: TicketType;
  urgency: Urgency;
  level: SourceLevel;
  category?: string | null;
  complex?: boolean;
  /** zibo-12345 §13: the dispatcher sets 1-3 working days for an emergency order's result, default 3. */
  emergencyResultDays?: number | null;
  /** Approved extensions, in order. */
  extensions: { workingDays: number; approvedAt: Date }[];
  /** Suspensions (time does not run). */
  pauses: { from: Date; to: Date | null }[];
}

export interface StageDeadline {
  stage: StageKey;
  startAt: Date;
  dueAt: Date;
  /** Yellow light (zibo-12345 §12), when the profile defines it. */
  warnAt: Date | null;
  /** Red light and automatic reminder slip (zibo-12345 §12), when defined. */
  redAt: Date | null;
  /** Falls in a year without an official holiday schedule. */
  provisional: boolean;
  /** How the deadline was computed, step by step (rendered in Chinese by common/deadline-text). */
  explanation: DeadlineExplanation;
  article: string;
}

export type StageDeadlines = Partial<Record<StageKey, StageDeadline>>;
