import type { ActionName } from '../../../common/contracts/tickets';
import type {
  Channel,
  Light,
  Role,
  Satisfaction,
  SourceLevel,
  StageKey,
  TicketType,
  Urgency,
} from '../../../common/enums';

/** Response shapes of the API as the web uses them (see /api/openapi.json). */

export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  unitKind: string;
  unitIsPlatform: boolean;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: Omit<Me, 'unitName' | 'unitKind' | 'unitIsPlatform'> & { mustChangePassword?: boolean };
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: string;
  parentId: number | null;
  path: string;
  region: string | null;
  isPlatform: boolean;
  duties: string[];
  phone: string | null;
  active: boolean;
}

export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  sort: number;
}

export interface CallerView {
  name: string | null;
  phone: string | null;
  address: string | null;
  confidential: boolean;
  masked: boolean;
  /** The viewer's unit is the party complained about (or below it): no identity at all. */
  protected?: boolean;
}

export type PendingRequest = 'return' | 'extension' | null;

export interface TicketListItem {
  id: number;
  ticketNo: string;
  status: string;
  statusLabel: string;
  pendingRequest: PendingRequest;
  type: TicketType;
  channel: Channel;
  urgency: Urgency;
  level: SourceLevel;
  category: string | null;
  categoryName: string | null;
  summary: string;
  caller: CallerView;
  region: string | null;
  leadUnitId: number | null;
  leadUnitName: string | null;
  receivedAt: string;
  dispatchedAt: string | null;
  closedAt: string | null;
  /** Handling deadline, `YYYY-MM-DDTHH:mm:ss+08:00`. */
  handleBy: string | null;
  light: Light;
  provisional: boolean;
}

export interface Page<T> {
  /** Counted up to 10,000; beyond, 10,000 with `totalIsCapped` ("10,000+"). */
  total: number;
  totalIsCapped?: boolean;
  /** Keyset paging: pass as `cursor` for the next page (null on the last page). */
  nextCursor?: string | null;
  page: number;
  pageSize: number;
  items: T[];
}

export interface Assignment {
  id: number;
  unitId: number;
  unitName: string;
  role: 'lead' | 'co';
  status: string;
  active: boolean;
  dispatchedByUnitId: number | null;
  dispatchedAt: string | null;
  acceptedAt: string | null;
  contactedAt: string | null;
  repliedAt: string | null;
  reply: string | null;
  endedAt: string | null;
}

export interface DeadlineDetail {
  stage: StageKey | string;
  startAt: string;
  dueAt: string;
  warnAt: string | null;
  redAt: string | null;
  metAt: string | null;
  provisional: boolean;
  explain: string;
  profileId: string;
  profileVersion: string;
  calendarVersion: number;
}

export interface TicketDetail {
  id: number;
  ticketNo: string;
  version: number;
  status: string;
  statusLabel: string;
  pendingRequest: PendingRequest;
  channel: Channel;
  type: TicketType;
  category: string | null;
  categoryName: string | null;
  urgency: Urgency;
  level: SourceLevel;
  complex: boolean;
  caller: CallerView;
  /** 被投诉单位 / 被投诉人 (zibo-12345 §17). */
  complainedUnitId: number | null;
  complainedUnitName: string | null;
  complainedPerson: string | null;
  location: { address: string | null; region: string | null };
  content: string;
  demand: string | null;
  channelRef: string | null;
  tags: string[];
  answer: string | null;
  notAcceptedReason: string | null;
  suggestedChannel: string | null;
  mergedIntoId: number | null;
  platformUnitId: number | null;
  leadUnitId: number | null;
  leadUnitName: string | null;
  receivedAt: string;
  dispatchedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  processSatisfaction: Satisfaction | null;
  resultSatisfaction: Satisfaction | null;
  contactedByUnit: boolean | null;
  redoCount: number;
  /** The callback sample and rules of this order (server/domain/callback). */
  callback?: {
    inSample: boolean;
    rate: number;
    reason: string;
    article: string | null;
    failedAttempt: boolean;
    compulsoryRedo: string | null;
    inspection: string | null;
  };
  emergencyResultDays: number | null;
  assignments: Assignment[];
  deadlines: Partial<Record<StageKey, string>>;
  deadlineDetails: DeadlineDetail[];
  light: Light;
  provisional: boolean;
  profileId: string;
  allowedActions: ActionName[];
  allowedActionLabels: Partial<Record<ActionName, string>>;
}

export interface TicketEvent {
  seq: number;
  at: string;
  action: string;
  actionLabel: string;
  party: string;
  actorUserId: number | null;
  actorName: string | null;
  actorUnitId: number | null;
  actorUnitName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
}

export interface ClockInfo {
  now: string;
  testClock: boolean;
}

/** One knowledge-base suggestion (GET /api/kb/suggest), read defensively: the API is new. */
export interface KbSuggestion {
  id: number;
  title: string;
  snippet?: string;
  unitName?: string | null;
  categoryName?: string | null;
}

export interface TicketListQuery {
  scope?: 'all' | 'mine' | 'todo';
  status?: string;
  light?: string;
  type?: string;
  channel?: string;
  category?: string;
  unitId?: number;
  phone?: string;
  q?: string;
  /** YYYY-MM-DD, inclusive, service time zone. */
  receivedFrom?: string;
  receivedTo?: string;
  /** Districts, comma-separated. */
  region?: string;
  leadUnitId?: number;
  sort?: 'received' | '-received' | 'due' | '-due';
  page?: number;
  /** The `nextCursor` of the page before `page`, when known. */
  cursor?: string;
  pageSize?: number;
}

/** GET /api/rules: the active policy profile (only the parts the web reads). */
export interface RulesInfo {
  profile: {
    id: string;
    name: string;
    version: string;
    regulation?: { title: string; issuer?: string; docNo?: string; date?: string };
    timezone?: string;
    extension?: { maxWorkingDays: number | null; maxCount?: number | null; article?: string } | null;
    emergency?: { result: { min: number; max: number; default: number } } | null;
    satisfaction?: { scale: { value: string; label: string }[]; satisfied: string[] };
    [key: string]: unknown;
  };
  calendarVersion: number;
  coveredYears: number[];
}

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
  active: boolean;
  lockedUntil: string | null;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
}
