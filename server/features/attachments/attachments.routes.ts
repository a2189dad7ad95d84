import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentDto, attachmentKinds, attachmentList } from '../../../common/contracts/attachments';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { errorBody, idParam, requireUser } from '../../platform/http';
import { listForUser, maxAttachmentBytes, readForUser, uploadForUser } from './attachments';
import { readUpload } from './read-upload';

const tags = ['attachments'];
const errors = { 400: errorBody, 401: errorBody, 404: errorBody, 413: errorBody, 415: errorBody };

/** Photos and documents of an order, its reply or an appeal: whoever may see the order. */
export function attachmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/tickets/:id/attachments',
      {
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags,
          summary: '上传附件 Upload an attachment (multipart: file, kind = order | reply | appeal)',
          description:
            'JPEG, PNG, WebP, PDF, DOCX or XLSX by the file content (415 UNSUPPORTED_FILE_TYPE otherwise), at most CIVICLINE_ATTACHMENT_MAX_MB (413).',
          params: idParam,
          response: { 201: attachmentDto, ...errors },
        },
      },
      async (req, reply) => {
        const user = requireUser(req);
        const upload = await readUpload(req, maxAttachmentBytes(ctx));
        if (!upload.file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件（字段 file）');
        const kind = z.enum(attachmentKinds).safeParse(upload.fields.kind ?? 'order');
        if (!kind.success) throw new AppError('VALIDATION_FAILED', '附件类别应为 order、reply 或 appeal');
        const dto = await uploadForUser(ctx, user, {
          ticketId: req.params.id,
          kind: kind.data,
          fileName: upload.file.fileName,
          bytes: upload.file.bytes,
        });
        return reply.status(201).send(dto);
      },
    );

    app.get(
      '/api/tickets/:id/attachments',
      {
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags,
          summary: '工单附件列表',
          params: idParam,
          response: { 200: attachmentList, ...errors },
        },
      },
      async (req) => ({ items: await listForUser(ctx, requireUser(req), req.params.id) }),
    );

    app.get(
      '/api/attachments/:id',
      {
        config: { apiKeyScopes: ['unit'] },
        schema: {
          tags,
          summary: '下载附件 (inline=1 shows an image in the page)',
          params: idParam,
          querystring: z.object({ inline: z.enum(['0', '1']).optional() }),
        },
      },
      async (req, reply) => {
        const { row, bytes } = await readForUser(ctx, requireUser(req), req.params.id);
        const inline = req.query.inline === '1' && row.content_type.startsWith('image/');
        return reply
          .type(row.content_type)
          .header('X-Content-Type-Options', 'nosniff')
          .header('Cache-Control', 'private, no-store')
          .header(
            'Content-Disposition',
            `${inline ? 'inline' : 'attachment'}; filename="attachment-${row.id}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`,
          )
          .send(bytes);
      },
    );
  };
}
