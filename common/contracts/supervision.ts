import { z } from 'zod';
import { boundedInstant } from './instant';

/**
 * The HTTP contract of supervision (督办) as records the supervised unit answers
 * [zibo-12345 §15; tianjin-wuqing §23-§24; shanghai-962200 §12], shared by server and web.
 */

/** What started a supervision (督办事由). */
export const supervisionTriggers = [
  'overdue',
  'repeat-complaint',
  'low-rank',
  'kb-outdated',
  'leader-instruction',
  'hot-issue',
  'unsatisfied-fault',
  'repeat-unsatisfied',
  'flawed-procedure',
  'upper-platform',
  'other',
] as const;
export type SupervisionTrigger = (typeof supervisionTriggers)[number];

export const supervisionTriggerLabels: Record<SupervisionTrigger, string> = {
  overdue: '逾期未办结',
  'repeat-complaint': '办结后重复投诉',
  'low-rank': '办结率、满意率排名靠后',
  'kb-outdated': '知识库更新不及时',
  'leader-instruction': '领导批示',
  'hot-issue': '重点热点难点事项',
  'unsatisfied-fault': '不满意且办理存在问题',
  'repeat-unsatisfied': '不满意且重复来电3次以上',
  'flawed-procedure': '办理程序瑕疵或结果不实',
  'upper-platform': '12345回访复核与督办',
  other: '其他',
};

/** How the supervision is carried out (督办方式). */
export const supervisionModes = ['system', 'written', 'phone', 'on-site', 'joint-meeting'] as const;
export type SupervisionMode = (typeof supervisionModes)[number];

export const supervisionModeLabels: Record<SupervisionMode, string> = {
  system: '系统提醒',
  written: '书面督办',
  phone: '电话督办',
  'on-site': '现场督办',
  'joint-meeting': '联席会议',
};

/**
 * open: awaiting the unit's answer within the time set; overdue: no answer by dueAt (ignored,
 * wuqing §24); answered: the unit answered (on time or late).
 */
export const supervisionStatuses = ['open', 'overdue', 'answered'] as const;
export type SupervisionStatus = (typeof supervisionStatuses)[number];

export const supervisionStatusLabels: Record<SupervisionStatus, string> = {
  open: '待答复',
  overdue: '逾期未答复',
  answered: '已答复',
};

export const listSupervisionsQuery = z.object({
  ticketId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  status: z.enum(supervisionStatuses).optional(),
  trigger: z.enum(supervisionTriggers).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListSupervisionsQuery = z.infer<typeof listSupervisionsQuery>;

export const respondSupervisionBody = z.object({
  text: z.string().trim().min(2, '请填写书面答复').max(5000),
});

/** A supervision recorded directly, e.g. a leader's instruction (批示) on an order. */
export const createSupervisionBody = z.object({
  ticketId: z.number().int().positive(),
  trigger: z.enum(supervisionTriggers),
  note: z.string().trim().min(1, '请填写督办内容').max(2000),
  mode: z.enum(supervisionModes).optional(),
  /** The time the unit must answer by; the profile's limit when absent. */
  dueAt: boundedInstant.optional(),
});

export const ignoredSupervisionsQuery = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '期间格式为 YYYY-MM'),
});

export interface SupervisionDto {
  id: number;
  ticketId: number;
  ticketNo: string;
  trigger: SupervisionTrigger;
  mode: SupervisionMode;
  /** The note the supervision was issued with (督办事由说明). */
  reason: string | null;
  /** The supervising office by trigger (shanghai-962200 §12), when the profile names one. */
  office?: string | null;
  unitId: number | null;
  unitName: string | null;
  /** Respond-by time, ISO 8601 with +08:00, or null. */
  dueAt: string | null;
  response: string | null;
  respondedAt: string | null;
  respondedBy: { id: number; name: string } | null;
  /** The answer came after dueAt (recorded late and counted). */
  late: boolean;
  createdAt: string;
  createdBy: { id: number; name: string } | null;
  status: SupervisionStatus;
  light: 'green' | 'yellow' | 'red';
}

export interface SupervisionListDto {
  items: SupervisionDto[];
  page: number;
  pageSize: number;
  total: number;
}

export interface IgnoredSupervisionRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** Supervisions due in the period. */
  due: number;
  /** Not answered by their due time (ignored). */
  ignored: number;
  /** Answered, but after the due time. */
  late: number;
}
