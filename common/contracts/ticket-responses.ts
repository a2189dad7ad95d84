import { z } from 'zod';
import { numberComplaintKinds } from './service-numbers';
import { deadlineExplanation } from './deadline-explanation';
import { channels, lights, satisfactions, sourceLevels, stageKeys, ticketTypes, urgencies } from '../enums';
import {
  assignmentRoles,
  assignmentStatuses,
  pendingRequests,
  ticketActions,
  ticketStatuses,
} from '../ticket-vocabulary';

/**
 * The response contract of the work-order routes: declared on the routes (the OpenAPI document
 * shows it, the server's presenter must produce it) and parsed by the web client, whose types are
 * inferred from here. Instants are ISO 8601 strings.
 */

const instant = z.string().describe('ISO 8601 instant');
const nullableInstant = instant.nullable();

const ticketAction = z.enum(ticketActions);

/** The caller as the viewer may see them: masked, hidden (confidential) or protected (complained unit). */
export const callerView = z.object({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  confidential: z.boolean(),
  masked: z.boolean(),
  /** The viewer's unit is the party complained about (or below it): no identity at all. */
  protected: z.boolean().optional(),
});
export type CallerView = z.infer<typeof callerView>;

export const pendingRequest = z.enum(pendingRequests).nullable();

/**
 * Working days after today (service time) up to and including the deadline's day, from the
 * calendar the deadline was computed with; 0 on the deadline's day, null once it has passed.
 */
const workingDaysLeft = z.number().int().min(0).nullable();

/** One row of an order list. */
export const ticketListItem = z.object({
  id: z.number().int(),
  ticketNo: z.string(),
  status: z.enum(ticketStatuses),
  statusLabel: z.string(),
  pendingRequest,
  type: z.enum(ticketTypes),
  channel: z.enum(channels),
  urgency: z.enum(urgencies),
  level: z.enum(sourceLevels),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  summary: z.string(),
  caller: callerView,
  region: z.string().nullable(),
  leadUnitId: z.number().int().nullable(),
  leadUnitName: z.string().nullable(),
  receivedAt: instant,
  dispatchedAt: nullableInstant,
  closedAt: nullableInstant,
  /** Handling deadline, `YYYY-MM-DDTHH:mm:ss+08:00`. */
  handleBy: z.string().nullable(),
  /** Working days left to handleBy. */
  workingDaysLeft,
  light: z.enum(lights),
  provisional: z.boolean(),
});
export type TicketListItem = z.infer<typeof ticketListItem>;

/** A page of orders: the one list shape (paging fields are added here, in one place). */
export const ticketPage = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(ticketListItem),
  /** Keyset paging: pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable().optional(),
  /** The total stopped counting at a cap: show it as "N+". */
  totalIsCapped: z.boolean().optional(),
});
export type TicketPage = z.infer<typeof ticketPage>;

export const assignmentView = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  role: z.enum(assignmentRoles),
  status: z.enum(assignmentStatuses),
  active: z.boolean(),
  dispatchedByUnitId: z.number().int().nullable(),
  dispatchedAt: nullableInstant,
  acceptedAt: nullableInstant,
  contactedAt: nullableInstant,
  repliedAt: nullableInstant,
  reply: z.string().nullable(),
  endedAt: nullableInstant,
});
export type AssignmentView = z.infer<typeof assignmentView>;

/** One stage deadline of an order, with how it was computed. */
export const deadlineDetail = z.object({
  stage: z.enum(stageKeys),
  startAt: z.string(),
  dueAt: z.string(),
  warnAt: z.string().nullable(),
  redAt: z.string().nullable(),
  metAt: z.string().nullable(),
  /** Still running: not met and owed in the order's status (a window: not yet ended). */
  open: z.boolean(),
  /** The stage's light while it runs; green once met or no longer owed. */
  light: z.enum(lights),
  workingDaysLeft,
  provisional: z.boolean(),
  /** How the deadline was computed, in Chinese (rendered from `explanation`). */
  explain: z.string(),
  /** How the deadline was computed, step by step (rules, holidays, extensions, pauses). */
  explanation: deadlineExplanation,
  profileId: z.string(),
  profileVersion: z.string(),
  calendarVersion: z.number().int().nullable(),
});
export type DeadlineDetail = z.infer<typeof deadlineDetail>;

/** The callback sample and rules of an order (server/domain/callback). */
export const callbackTermsView = z.object({
  inSample: z.boolean(),
  rate: z.number(),
  reason: z.string(),
  article: z.string().nullable(),
  failedAttempt: z.boolean(),
  compulsoryRedo: z.string().nullable(),
  inspection: z.string().nullable(),
});

/** An order with its deadlines, light, assignments and the actions allowed now. */
export const ticketDetail = z.object({
  id: z.number().int(),
  ticketNo: z.string(),
  version: z.number().int(),
  status: z.enum(ticketStatuses),
  statusLabel: z.string(),
  pendingRequest,
  channel: z.enum(channels),
  type: z.enum(ticketTypes),
  category: z.string().nullable(),
  categoryName: z.string().nullable(),
  urgency: z.enum(urgencies),
  level: z.enum(sourceLevels),
  complex: z.boolean(),
  caller: callerView,
  /** 被投诉单位 / 被投诉人 (zibo-12345 §17). */
  complainedUnitId: z.number().int().nullable(),
  complainedUnitName: z.string().nullable(),
  complainedPerson: z.string().nullable(),
  /** The published service number the order complains about (beijing-miyun §26), or null. */
  numberComplaint: z
    .object({
      serviceNumberId: z.number().int(),
      number: z.string(),
      name: z.string(),
      unitId: z.number().int(),
      unitName: z.string(),
      kind: z.enum(numberComplaintKinds),
      kindLabel: z.string(),
    })
    .nullable(),
  location: z.object({ address: z.string().nullable(), region: z.string().nullable() }),
  content: z.string(),
  demand: z.string().nullable(),
  channelRef: z.string().nullable(),
  tags: z.array(z.string()),
  answer: z.string().nullable(),
  notAcceptedReason: z.string().nullable(),
  suggestedChannel: z.string().nullable(),
  mergedIntoId: z.number().int().nullable(),
  /**
   * Repeats merged into this order (重复件, 并单), with their callers as the viewer may see them:
   * the unit handling this order answers them too, and the callback reaches every caller.
   */
  mergedRepeats: z
    .array(
      z.object({
        ticketId: z.number().int(),
        ticketNo: z.string(),
        receivedAt: z.string(),
        caller: callerView,
        content: z.string(),
      }),
    )
    .optional(),
  platformUnitId: z.number().int().nullable(),
  leadUnitId: z.number().int().nullable(),
  leadUnitName: z.string().nullable(),
  receivedAt: instant,
  dispatchedAt: nullableInstant,
  repliedAt: nullableInstant,
  closedAt: nullableInstant,
  processSatisfaction: z.enum(satisfactions).nullable(),
  resultSatisfaction: z.enum(satisfactions).nullable(),
  contactedByUnit: z.boolean().nullable(),
  redoCount: z.number().int(),
  callback: callbackTermsView,
  emergencyResultDays: z.number().int().nullable(),
  assignments: z.array(assignmentView),
  /** Due time of each stage, `YYYY-MM-DDTHH:mm:ss+08:00`. */
  deadlines: z.partialRecord(z.enum(stageKeys), z.string()),
  deadlineDetails: z.array(deadlineDetail),
  light: z.enum(lights),
  provisional: z.boolean(),
  profileId: z.string(),
  allowedActions: z.array(ticketAction),
  allowedActionLabels: z.partialRecord(ticketAction, z.string()),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

/** One entry of an order's immutable timeline. */
export const ticketEvent = z.object({
  seq: z.number().int(),
  at: instant,
  action: z.string(),
  actionLabel: z.string(),
  party: z.string().nullable(),
  actorUserId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  actorUnitId: z.number().int().nullable(),
  actorUnitName: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type TicketEvent = z.infer<typeof ticketEvent>;
export const ticketEvents = z.array(ticketEvent);
