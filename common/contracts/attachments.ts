import { z } from 'zod';

/** What an attachment belongs to: the order itself, a unit's reply, or an appeal. */
export const attachmentKinds = ['order', 'reply', 'appeal'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];
export const attachmentKindLabels: Record<AttachmentKind, string> = {
  order: '工单材料',
  reply: '答复材料',
  appeal: '申诉材料',
};

export const attachmentDto = z.object({
  id: z.number(),
  ticketId: z.number(),
  kind: z.enum(attachmentKinds),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  /** staff: uploaded by a clerk or a unit; portal: sent by the citizen with the request. */
  source: z.enum(['staff', 'portal']),
  /** The uploader's unit (never a person's name). */
  unitName: z.string().nullable(),
  createdAt: z.string(),
});
export type AttachmentDto = z.infer<typeof attachmentDto>;

export const attachmentList = z.object({ items: z.array(attachmentDto) });

/** Accepted upload types, for the file pickers (the server checks the content). */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx';
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';
