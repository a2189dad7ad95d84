import crypto from 'node:crypto';
import type { AttachmentDto, AttachmentKind } from '../../../common/contracts/attachments';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { loadVisibleOrder } from '../tickets/get-ticket';
import { loadActor } from '../tickets/standing';
import {
  deleteAttachmentRow,
  findAttachment,
  insertAttachment,
  listTicketAttachments,
  type AttachmentRow,
} from './attachments.repository';
import { attachmentTypes, cleanFileName, sniffAttachmentType, type AttachmentType } from './file-types';
import { fileStoreFor } from './storage';

export interface NewAttachment {
  ticketId: number;
  kind: AttachmentKind;
  fileName: string | undefined;
  bytes: Buffer;
  source: 'staff' | 'portal';
  /** Photos only (the portal). */
  imagesOnly?: boolean;
  user: SessionUser | null;
}

export function maxAttachmentBytes(ctx: AppContext): number {
  return Math.round(ctx.env.CIVICLINE_ATTACHMENT_MAX_MB * 1024 * 1024);
}

/** The file's type by its content, within the size limit; refused otherwise. */
export function checkAttachment(ctx: AppContext, bytes: Buffer, imagesOnly = false): AttachmentType {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '上传的文件是空的');
  if (bytes.length > maxAttachmentBytes(ctx)) {
    throw new AppError('PAYLOAD_TOO_LARGE', `附件不能超过 ${ctx.env.CIVICLINE_ATTACHMENT_MAX_MB} MB`);
  }
  const type = sniffAttachmentType(bytes);
  if (!type || (imagesOnly && !attachmentTypes[type].image)) {
    throw new AppError(
      'UNSUPPORTED_FILE_TYPE',
      imagesOnly
        ? '只能上传 JPEG、PNG 或 WebP 照片'
        : '只接受 JPEG、PNG、WebP 图片以及 PDF、Word（docx）、Excel（xlsx）文件',
    );
  }
  return type;
}

/** Stores the bytes, then the row; a failed row removes the file again. */
export async function storeAttachment(ctx: AppContext, a: NewAttachment): Promise<number> {
  const type = checkAttachment(ctx, a.bytes, a.imagesOnly);
  const store = fileStoreFor(ctx.env);
  const key = `${a.ticketId}/${crypto.randomBytes(12).toString('hex')}.${attachmentTypes[type].ext}`;
  await store.put(key, a.bytes, type);
  try {
    return await insertAttachment(ctx.db, {
      ticket_id: a.ticketId,
      kind: a.kind,
      file_name: cleanFileName(a.fileName, type),
      content_type: type,
      size_bytes: a.bytes.length,
      sha256: crypto.createHash('sha256').update(a.bytes).digest('hex'),
      storage_key: key,
      source: a.source,
      uploaded_by: a.user?.id ?? null,
      uploaded_by_unit_id: a.user?.unitId ?? null,
      created_at: ctx.clock.now(),
    });
  } catch (e) {
    await store.remove(key).catch(() => undefined);
    throw e;
  }
}

export function presentAttachment(r: AttachmentRow): AttachmentDto {
  return {
    id: r.id,
    ticketId: r.ticket_id,
    kind: r.kind,
    fileName: r.file_name,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    source: r.source,
    unitName: r.unit_name,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** Staff upload on an order they may see (whoever sees the order may add to it). */
export async function uploadForUser(
  ctx: AppContext,
  user: SessionUser,
  o: { ticketId: number; kind: AttachmentKind; fileName: string | undefined; bytes: Buffer },
): Promise<AttachmentDto> {
  await loadVisibleOrder(ctx.db, await loadActor(ctx.db, user), o.ticketId);
  const id = await storeAttachment(ctx, { ...o, source: 'staff', user });
  const row = await findAttachment(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '附件不存在');
  return presentAttachment(row);
}

export async function listForUser(ctx: AppContext, user: SessionUser, ticketId: number) {
  await loadVisibleOrder(ctx.db, await loadActor(ctx.db, user), ticketId);
  return (await listTicketAttachments(ctx.db, ticketId)).map(presentAttachment);
}

/** The file for a user who may see its order; any other answer is NOT_FOUND (no oracle). */
export async function readForUser(ctx: AppContext, user: SessionUser, id: number) {
  const row = await findAttachment(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '附件不存在');
  try {
    await loadVisibleOrder(ctx.db, await loadActor(ctx.db, user), row.ticket_id);
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', '附件不存在');
    throw e;
  }
  const bytes = await fileStoreFor(ctx.env).get(row.storage_key);
  return { row, bytes };
}

/** Removes a stored attachment (used when the request it came with fails). */
export async function discardAttachment(ctx: AppContext, id: number): Promise<void> {
  const row = await findAttachment(ctx.db, id);
  if (!row) return;
  await deleteAttachmentRow(ctx.db, id);
  await fileStoreFor(ctx.env).remove(row.storage_key);
}
