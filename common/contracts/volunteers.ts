import { z } from 'zod';
import { isPhoneNumber } from './phone';

/** The HTTP contract of volunteers (志愿者, tianjin-wuqing §31-§40) and their assignment to orders. */

export const createVolunteerBody = z.object({
  name: z.string().trim().min(2, '请填写姓名').max(50),
  skills: z
    .array(z.string().trim().min(1).max(30))
    .min(1, '请至少填写一项专长')
    .max(20)
    .transform((s) => [...new Set(s)]),
  phone: z
    .string()
    .trim()
    .max(40)
    .refine((s) => isPhoneNumber(s), '联系电话格式不正确'),
  availability: z.string().trim().min(2, '请填写可服务时间').max(200),
});
export type CreateVolunteerBody = z.input<typeof createVolunteerBody>;

export const listVolunteersQuery = z.object({
  skill: z.string().trim().max(30).optional(),
});

export const revealBody = z.object({ reason: z.string().trim().min(2, '请说明查看理由').max(200) });

export const assignVolunteerBody = z.object({
  volunteerId: z.number().int().positive(),
  note: z.string().trim().max(500).optional(),
});

export const volunteerOutcomes = ['helped', 'not-reached', 'declined', 'referred'] as const;
export type VolunteerOutcome = (typeof volunteerOutcomes)[number];
export const volunteerOutcomeLabels: Record<VolunteerOutcome, string> = {
  helped: '已提供帮助',
  'not-reached': '未能联系上',
  declined: '志愿者无法服务',
  referred: '已转介其他渠道',
};

export const volunteerOutcomeBody = z.object({
  outcome: z.enum(volunteerOutcomes),
  note: z.string().trim().max(1000).optional(),
});

export const assignmentParams = z.object({
  id: z.coerce.number().int().positive(),
  assignmentId: z.coerce.number().int().positive(),
});

export interface VolunteerDto {
  id: number;
  name: string;
  skills: string[];
  /** Masked unless the viewer's role may see it. */
  phone: string;
  phoneMasked: boolean;
  availability: string;
}

export interface VolunteerAssignmentDto {
  id: number;
  ticketId: number;
  volunteerId: number;
  volunteerName: string;
  skills: string[];
  note: string | null;
  assignedBy: string;
  assignedAt: string;
  outcome: VolunteerOutcome | null;
  outcomeNote: string | null;
  outcomeAt: string | null;
}
