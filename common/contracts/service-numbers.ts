import { z } from 'zod';
import { isPhoneNumber } from './phone';

/**
 * The HTTP contract of the registry of public service and emergency-repair numbers (便民服务电话 /
 * 应急抢险电话, beijing-miyun §9-§12, §26-§30), shared by the server and the web client.
 */

export const numberActions = ['open', 'change', 'close'] as const;
export type NumberAction = (typeof numberActions)[number];
export const numberActionLabels: Record<NumberAction, string> = {
  open: '开通',
  change: '变更',
  close: '撤销',
};

export const numberKinds = ['service', 'emergency-repair'] as const;
export type NumberKind = (typeof numberKinds)[number];
export const numberKindLabels: Record<NumberKind, string> = {
  service: '便民服务电话',
  'emergency-repair': '应急抢险电话',
};

export const applicationStatuses = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已退回',
};

/** What a citizen may complain about a number (beijing-miyun §26 (1)-(9), plus other). */
export const numberComplaintKinds = [
  'unanswered',
  'busy',
  'forwarded-to-mobile',
  'rude',
  'no-name-or-id',
  'cannot-answer',
  'shirking',
  'late',
  'wrong-published',
  'other',
] as const;
export type NumberComplaintKind = (typeof numberComplaintKinds)[number];
export const numberComplaintKindLabels: Record<NumberComplaintKind, string> = {
  unanswered: '工作时间无人接听',
  busy: '长时间忙线无法接通',
  'forwarded-to-mobile': '转接到手机或非办公电话',
  rude: '服务态度不热情、不使用文明用语',
  'no-name-or-id': '不报单位名称、姓氏或工号',
  'cannot-answer': '业务不熟练不能解答',
  shirking: '不遵守首接责任制、推诿扯皮',
  late: '不能按时办理、反馈',
  'wrong-published': '公布的号码错误或与实际不符',
  other: '其他违反管理办法的情形',
};

const civilDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const applyServiceNumberBody = z.object({
  unitId: z.number().int().positive(),
  action: z.enum(numberActions),
  /** The number changed or closed; absent when opening one. */
  serviceNumberId: z.number().int().positive().optional(),
  number: z
    .string()
    .trim()
    .min(3, '请填写电话号码')
    .max(40)
    .refine((s) => isPhoneNumber(s), '电话号码格式不正确'),
  name: z.string().trim().min(2, '请填写号码名称').max(100),
  kind: z.enum(numberKinds),
  dutyHours: z.string().trim().min(2, '请填写值守时间').max(100),
  duties: z.string().trim().min(2, '请填写工作职责').max(1000),
  effectiveDate: civilDate,
  /** Why it is opened, changed or closed (§11 (1)-(3)). */
  reason: z.string().trim().max(1000).optional(),
});
export type ApplyServiceNumberBody = z.input<typeof applyServiceNumberBody>;

export const decideApplicationBody = z.object({
  note: z.string().trim().max(1000).optional(),
});
export const rejectApplicationBody = z.object({
  note: z.string().trim().min(2, '请填写退回理由').max(1000),
});

export const listApplicationsQuery = z.object({
  status: z.enum([...applicationStatuses, 'all']).default('all'),
  unitId: z.coerce.number().int().positive().optional(),
});

export const openReviewBody = z.object({
  /** `YYYY-H1` or `YYYY-H2`. */
  period: z.string().regex(/^\d{4}-H[12]$/i, '审核周期格式应为 YYYY-H1 或 YYYY-H2'),
  /** The date by which every unit reports (end of that day, service time zone). */
  dueDate: civilDate,
});

export const answerReviewBody = z.object({
  report: z.string().trim().min(2, '请填写本期号码变化及核对情况').max(5000),
});

export const listReviewsQuery = z.object({
  period: z.string().optional(),
});

/** What one version of a number says (as applied for, approved and published). */
export interface NumberDetails {
  number: string;
  name: string;
  kind: NumberKind;
  dutyHours: string;
  duties: string;
}

export interface ApplicationDto extends NumberDetails {
  id: number;
  unitId: number;
  unitName: string;
  action: NumberAction;
  serviceNumberId: number | null;
  effectiveDate: string;
  reason: string | null;
  status: ApplicationStatus;
  appliedBy: string;
  appliedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface NumberVersionDto extends NumberDetails {
  seq: number;
  action: NumberAction;
  effectiveDate: string;
  applicationId: number | null;
  approvedAt: string;
}

/** Complaints about a number (orders that name it). */
export interface NumberComplaintCountsDto {
  total: number;
  open: number;
  /** Found true or partly true in the approved reply (counted in the assessment). */
  upheld: number;
}

/** A number as the registry keeps it: its version in force today, its state and its history. */
export interface ServiceNumberDto {
  id: number;
  unitId: number;
  unitName: string;
  /** published: in force today; scheduled: approved, effective later; closed: closed. */
  state: 'published' | 'scheduled' | 'closed';
  current: NumberVersionDto;
  history: NumberVersionDto[];
  complaints: NumberComplaintCountsDto;
}

export interface PublicServiceNumberDto extends NumberDetails {
  id: number;
  unitName: string;
}

export interface ReviewDto {
  id: number;
  period: string;
  unitId: number;
  unitName: string;
  dueAt: string;
  overdue: boolean;
  report: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** Versions of the unit's numbers that took effect within the period. */
  changes: (NumberVersionDto & { serviceNumberId: number })[];
}
