import { z } from 'zod';
import { channels, satisfactions, sourceLevels, ticketTypes, urgencies } from '../enums';
import { factualFindings } from '../ticket-vocabulary';
import { boundedInstant } from './instant';
import { numberComplaintKinds } from './service-numbers';
import { supervisionModes, supervisionTriggers } from './supervision';
import { isPhoneNumber } from './phone';

/**
 * The HTTP contract of work orders, shared by the server and the web client.
 * Unknown keys are dropped (not stored), known keys are validated strictly.
 */

const text = (max: number) => z.string().trim().max(max);

export const callerInput = z.object({
  name: text(50).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{3,24}$/, '电话号码只能包含数字、空格、+、- 和括号')
    .refine((v) => isPhoneNumber(v), '电话号码格式不正确：手机 11 位，固话含区号 7-12 位，可带分机号')
    .optional(),
  address: text(200).optional(),
  confidential: z.boolean().default(false),
});

export const locationInput = z.object({
  address: text(200).optional(),
  region: text(50).optional(),
});

export const createTicketBody = z
  .object({
    channel: z.enum(channels).default('phone'),
    type: z.enum(ticketTypes),
    category: text(20).optional(),
    urgency: z.enum(urgencies).default('normal'),
    level: z.enum(sourceLevels).default('city'),
    caller: callerInput.default({ confidential: false }),
    location: locationInput.default({}),
    content: z.string().trim().min(1, '请填写诉求内容').max(5000),
    demand: text(1000).optional(),
    channelRef: text(100).optional(),
    tags: z.array(text(20)).max(20).default([]),
    complex: z.boolean().default(false),
    receivedAt: boundedInstant.optional(),
    /** order (default): a work order to dispatch; direct-answer: answered on the spot; not-accepted: out of scope. */
    disposition: z.enum(['order', 'direct-answer', 'not-accepted']).default('order'),
    answer: text(5000).optional(),
    notAcceptedReason: text(500).optional(),
    suggestedChannel: text(200).optional(),
    knowledgeArticleId: z.number().int().positive().optional(),
    /** 被投诉单位: that unit and its sub-units never see the caller (zibo-12345 §17). */
    complainedUnitId: z.number().int().positive().optional(),
    /** 被投诉人: a staff member's name or badge number. */
    complainedPerson: text(100).optional(),
    /** A complaint about a published service number (beijing-miyun §26): the number … */
    serviceNumberId: z.number().int().positive().optional(),
    /** … and what is complained of (§26 (1)-(9)). */
    numberComplaintKind: z.enum(numberComplaintKinds).optional(),
    /** The telephone system's id of the call the order is taken on (screen pop). */
    callId: text(100).optional(),
  })

  .superRefine((b, ctx) => {
    if (b.disposition === 'direct-answer' && !b.answer) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: '直接答复须填写答复内容' });
    }
    if ((b.serviceNumberId === undefined) !== (b.numberComplaintKind === undefined)) {
      const path = b.serviceNumberId === undefined ? 'serviceNumberId' : 'numberComplaintKind';
      ctx.addIssue({ code: 'custom', path: [path], message: '号码投诉须同时填写被投诉号码和投诉情形' });
    }
    if (b.disposition === 'not-accepted' && !b.notAcceptedReason) {
      ctx.addIssue({ code: 'custom', path: ['notAcceptedReason'], message: '不予受理须说明理由' });
    }
  });
export type CreateTicketBody = z.infer<typeof createTicketBody>;

const empty = z.object({ note: text(2000).optional() });
const sat = z.enum(satisfactions);

/** Callback channels (回访方式); a profile may demand the phone (zibo-12345 §11(8)). */
export const callbackChannels = ['phone', 'sms', 'visit', 'online'] as const;
export const callbackChannelLabels: Record<(typeof callbackChannels)[number], string> = {
  phone: '电话',
  sms: '短信',
  visit: '上门',
  online: '网络',
};
/** 质检评定 findings [tianjin-wuqing §25]: the unit is at fault, or not. */
export const inspectionFindings = ['unit-at-fault', 'not-at-fault'] as const;
export const inspectionFindingLabels: Record<(typeof inspectionFindings)[number], string> = {
  'unit-at-fault': '承办单位有责',
  'not-at-fault': '承办单位无责',
};

/** Payload schema of every action, by action name. */
export const actionPayloads = {
  dispatch: z.object({
    unitId: z.number().int().positive(),
    coUnitIds: z.array(z.number().int().positive()).max(10).default([]),
    note: text(2000).optional(),
    emergencyResultDays: z.number().int().min(1).max(10).optional(),
    /** 问题分类 and 所在区, set or corrected with the dispatch; required on the order by then. */
    category: text(20).optional(),
    region: text(50).optional(),
  }),
  accept: empty,
  /** tianjin-wuqing §35: the e-order goes to an approved franchise enterprise. */
  'refer-enterprise': z.object({
    enterpriseId: z.number().int().positive(),
    note: text(2000).optional(),
  }),
  /** tianjin-wuqing §36: the enterprise reports back what it did. */
  'report-referral': z.object({
    result: z.string().trim().min(1, '请填写服务情况').max(5000),
    contacted: z.boolean(),
    price: text(100).optional(),
    serviceTime: text(100).optional(),
  }),
  'record-contact': z.object({
    note: text(2000).optional(),
    at: boundedInstant.optional(),
  }),
  reply: z.object({
    result: z.string().trim().min(1, '请填写办理结果').max(5000),
    contacted: z.boolean(),
    factual: z.enum(factualFindings).optional(),
    solved: z.boolean().optional(),
    nextSteps: text(2000).optional(),
  }),
  'approve-reply': empty,
  'reject-reply': z.object({ reason: text(2000).optional() }),
  'record-callback': z
    .object({
      reached: z.boolean(),
      contactedByUnit: z.boolean().optional(),
      processSatisfaction: sat.optional(),
      resultSatisfaction: sat.optional(),
      note: text(2000).optional(),
      /** How the citizen was called back (zibo-12345 §11(8): by phone); phone when absent. */
      channel: z.enum(callbackChannels).optional(),
    })

    .superRefine((b, ctx) => {
      if (b.reached && (!b.resultSatisfaction || b.contactedByUnit === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resultSatisfaction'],
          message: '联系到诉求人时须记录是否联系及满意度',
        });
      }
    }),
  redo: z.object({ reason: text(2000).optional() }),
  close: empty,
  /** 质检评定 of an unsatisfied order [tianjin-wuqing §25]. */
  inspect: z.object({
    finding: z.enum(inspectionFindings),
    note: text(2000).optional(),
  }),
  'request-return': z.object({
    reason: z.string().trim().min(1, '请填写回退理由').max(2000),
    basis: z.string().trim().min(1, '请填写回退依据').max(2000),
    suggestedUnitId: z.number().int().positive().optional(),
  }),
  'approve-return': empty,
  'reject-return': z.object({ reason: text(2000).optional() }),
  'request-extension': z.object({
    workingDays: z.number().int().min(1).max(60),
    reason: z.string().trim().min(1, '请填写延期理由').max(2000),
  }),
  'approve-extension': z.object({
    workingDays: z.number().int().min(1).max(60).optional(),
    note: text(2000).optional(),
  }),
  'reject-extension': z.object({ reason: text(2000).optional() }),
  'forward-extension': empty,
  'report-progress': z.object({
    progress: text(5000).optional(),
    committedDate: z.iso.date().optional(),
  }),
  appeal: z.object({ reason: text(5000).optional(), evidence: text(2000).optional() }),
  'uphold-appeal': empty,
  'dismiss-appeal': empty,
  merge: z.object({ intoTicketId: z.number().int().positive(), note: text(2000).optional() }),
  'not-accept': z.object({
    reason: z.string().trim().min(1, '请说明不予受理理由').max(500),
    suggestedChannel: text(200).optional(),
  }),
  suspend: z.object({ reason: text(2000).optional() }),
  resume: empty,
  supervise: z.object({
    trigger: z.enum(supervisionTriggers).default('other'),
    mode: z.enum(supervisionModes).default('written'),
    note: text(2000).optional(),
    respondWithinWorkingDays: z.number().int().min(1).max(30).optional(),
    /** The time the unit must answer by (e.g. set by a leader's instruction); overrides the limit. */
    dueAt: boundedInstant.optional(),
  }),
  remind: empty,
  /** Administrative update by the center (修改工单信息): the party complained about; null clears. */
  update: z
    .object({
      complainedUnitId: z.number().int().positive().nullable().optional(),
      complainedPerson: text(100).nullable().optional(),
      note: text(2000).optional(),
    })
    .refine((b) => b.complainedUnitId !== undefined || b.complainedPerson !== undefined, {
      message: '没有要修改的内容',
      path: ['complainedUnitId'],
    }),
  /** System only: deadlines recomputed after a calendar or profile change (old and new values). */
  'recompute-deadlines': z.object({
    reason: text(200),
    changes: z.array(z.object({ stage: z.string(), old: z.string(), new: z.string() })),
  }),
} as const;

/** Actions only the platform itself performs (never accepted over HTTP). */
export const systemActions: readonly ActionName[] = ['remind', 'recompute-deadlines'];

export type ActionName = keyof typeof actionPayloads;

export const listTicketsQuery = z.object({
  status: z.string().max(200).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  light: z.string().max(50).optional(),
  q: z.string().trim().max(100).optional(),
  type: z.string().max(100).optional(),
  channel: z.string().max(100).optional(),
  category: z.string().max(20).optional(),
  phone: z.string().trim().max(20).optional(),
  /** Received on or after this day / up to and including this day (YYYY-MM-DD, service time zone). */
  receivedFrom: z.iso.date().optional(),
  receivedTo: z.iso.date().optional(),
  /** Districts of the problem's location, comma-separated. */
  region: z.string().max(200).optional(),
  leadUnitId: z.coerce.number().int().positive().optional(),
  scope: z.enum(['all', 'mine', 'todo']).default('all'),
  sort: z.enum(['received', '-received', 'due', '-due']).default('-received'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  /** Keyset paging: the `nextCursor` of the previous page (then `page` is not used to skip rows). */
  cursor: z.string().max(200).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;
