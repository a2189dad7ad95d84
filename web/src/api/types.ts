import type { Role } from '../../../common/enums';

/** Response shapes of the API as the web uses them (see /api/openapi.json). */

/** A user account as the signed-in user and the administrator see it. */
export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitId: number;
  unitName: string;
}

export interface Me extends UserSummary {
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

/** Work orders: the response contract in common/ (parsed by the query hooks). */
export type * from '../../../common/contracts/ticket-responses';
export type { AssignmentView as Assignment } from '../../../common/contracts/ticket-responses';
export type { PendingRequest } from '../../../common/ticket-vocabulary';

/** A page of a list (audit log and other paged lists). */
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

export interface AdminUser extends UserSummary {
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
  /** Numbers of the orders the entry refers to, by id. */
  ticketNos?: Record<string, string>;
}
