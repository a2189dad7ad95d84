// The answers of the HTTP API as the browser tests read them. Where the shared contract names a
// shape (common/contracts) it is used as is; the others list only the fields the tests read.
export type { AttachmentDto } from '../common/contracts/attachments';
export type { CalendarYear } from '../common/contracts/calendar';
export type { NotificationList } from '../common/contracts/notifications';
export type { ApplicationDto } from '../common/contracts/service-numbers';
export type { TicketDetail, TicketEvent, TicketPage } from '../common/contracts/ticket-responses';

export interface Unit {
  id: number;
  name: string;
}

export interface KbHit {
  id: number;
  title: string;
  externalId?: string | null;
}

export interface KbHits {
  items: KbHit[];
}

export interface KbArticle {
  id: number;
  bodyText: string;
  usageCount: number;
}

export interface Clock {
  now: string;
}

export interface AssessedUnit {
  unitName: string;
  rank: number;
  score: number | null;
  onTimeRate: number | null;
  satisfactionRate: number | null;
}

export interface Assessment {
  units: AssessedUnit[];
}

export interface AssessmentScheme {
  id: string;
  profile: string;
}

export interface ReportPreview {
  scheme: { id: string };
}

export interface CitizenRatingView {
  rating: { rating: string } | null;
}
