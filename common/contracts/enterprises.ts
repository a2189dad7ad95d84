import { z } from 'zod';
import { isPhoneNumber } from './phone';

/**
 * The HTTP contract of franchise enterprises (加盟企业, wuqing §31-§38), shared by the server and
 * the web client: the public application and directory, the center's review and registry.
 */

/** Largest business licence accepted (decoded bytes), and the types recognised by content. */
export const LICENCE_MAX_BYTES = 2 * 1024 * 1024;
export const licenceTypes = ['image/png', 'image/jpeg', 'application/pdf'] as const;
export type LicenceType = (typeof licenceTypes)[number];

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const enterpriseApplicationBody = z.object({
  name: z.string().trim().min(2, '请填写企业名称').max(200),
  /** 统一社会信用代码: checked against GB 32100-2015 by the server (422 INVALID_CREDIT_CODE). */
  creditCode: z.string().trim().min(1, '请填写统一社会信用代码').max(40),
  services: z
    .array(z.string().trim().min(2).max(20))
    .min(1, '请至少选择一项服务类别')
    .max(20)
    .transform((codes) => [...new Set(codes)]),
  address: z.string().trim().min(4, '请填写经营地址').max(300),
  lng: lng.optional(),
  lat: lat.optional(),
  contactName: z.string().trim().min(1, '请填写联系人').max(50),
  contactPhone: z.string().trim().max(40).refine(isPhoneNumber, { message: '联系电话格式不正确' }),
  description: z.string().trim().max(2000).optional(),
  /** The business licence (营业执照): a PNG, JPEG or PDF, its type checked from its content. */
  licence: z.object({
    fileName: z.string().trim().max(200).optional(),
    dataBase64: z
      .string()
      .min(1, '请上传营业执照')
      .max(Math.ceil((LICENCE_MAX_BYTES * 4) / 3) + 8, '营业执照文件不能超过 2 MB'),
  }),
  /** An association or chamber of commerce that recommends the applicant (wuqing §34). */
  recommendedBy: z.string().trim().max(200).optional(),
});
export type EnterpriseApplicationBody = z.input<typeof enterpriseApplicationBody>;

export const enterpriseStatuses = ['pending', 'approved', 'rejected', 'suspended'] as const;
export type EnterpriseStatus = (typeof enterpriseStatuses)[number];
export const enterpriseStatusLabels: Record<EnterpriseStatus, string> = {
  pending: '待审核',
  approved: '已加盟',
  rejected: '未通过',
  suspended: '已暂停',
};

export const creditRecordKinds = ['complaint-upheld', 'no-show', 'violation'] as const;
export type CreditRecordKind = (typeof creditRecordKinds)[number];
export const creditRecordKindLabels: Record<CreditRecordKind, string> = {
  'complaint-upheld': '投诉属实',
  'no-show': '爽约未上门',
  violation: '违法违规',
};

export const visitResults = ['confirmed', 'failed'] as const;
export type VisitResult = (typeof visitResults)[number];
export const visitResultLabels: Record<VisitResult, string> = { confirmed: '核实无误', failed: '核实不符' };

export const directoryQuery = z.object({
  service: z.string().trim().max(20).optional(),
  /** `lng,lat` of the citizen: nearest first. */
  near: z.string().trim().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const listEnterprisesQuery = z.object({
  status: z.enum([...enterpriseStatuses, 'all']).default('all'),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export const recordVisitBody = z.object({
  visitedOn: z.iso.date(),
  result: z.enum(visitResults),
  note: z.string().trim().max(2000).optional(),
});
export const approveEnterpriseBody = z.object({ note: z.string().trim().max(2000).optional() });
export const reasonBody = z.object({ reason: z.string().trim().min(2, '请填写理由').max(2000) });
export const recommendationBody = z.object({
  association: z.string().trim().min(2, '请填写推荐的协会或商会').max(200),
  note: z.string().trim().max(2000).optional(),
});
export const creditRecordBody = z.object({
  kind: z.enum(creditRecordKinds),
  ticketId: z.number().int().positive().optional(),
  note: z.string().trim().min(2, '请填写不良记录说明').max(2000),
});

export interface EnterpriseRatingDto {
  /** 1-5 in half stars; null while fewer than 3 referred orders are rated (评价不足). */
  stars: number | null;
  ratedOrders: number;
  satisfactionRate: number | null;
  recentBadRecords: number;
}

export interface ServiceDto {
  code: string;
  name: string;
}

/** What the public sees: open information, no contact person. */
export interface DirectoryEntryDto {
  id: number;
  name: string;
  creditCode: string;
  services: ServiceDto[];
  address: string;
  description: string | null;
  lng: number | null;
  lat: number | null;
  /** From `near`, in km; null without `near` or without coordinates. */
  distanceKm: number | null;
  rating: EnterpriseRatingDto;
  joinedAt: string | null;
}

export interface EnterpriseSummaryDto {
  id: number;
  name: string;
  creditCode: string;
  services: ServiceDto[];
  address: string;
  lng: number | null;
  lat: number | null;
  /** Masked: shown in full only through the audited reveal. */
  contactName: string;
  contactPhone: string;
  status: EnterpriseStatus;
  appliedAt: string;
  rating: EnterpriseRatingDto;
  visits: number;
  recommendations: number;
  suspensionDue: boolean;
}

export interface EnterpriseDto extends EnterpriseSummaryDto {
  description: string | null;
  licence: { type: string; size: number };
  decidedAt: string | null;
  decidedBy: string | null;
  decisionNote: string | null;
  suspendedAt: string | null;
  suspendReason: string | null;
  visitRecords: {
    id: number;
    visitedOn: string;
    result: VisitResult;
    note: string | null;
    recordedBy: string;
  }[];
  recommendationRecords: { id: number; association: string; note: string | null; recordedAt: string }[];
  creditRecords: {
    id: number;
    kind: CreditRecordKind;
    ticketId: number | null;
    note: string | null;
    recordedAt: string;
    recordedBy: string | null;
  }[];
  allowedActions: EnterpriseAction[];
}

export const enterpriseActions = [
  'record-visit',
  'approve',
  'reject',
  'suspend',
  'reinstate',
  'recommend',
  'record-credit',
  'reveal-contact',
] as const;
export type EnterpriseAction = (typeof enterpriseActions)[number];
