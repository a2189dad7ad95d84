import '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';

export interface Upload {
  fields: Record<string, string>;
  file: { fileName: string; bytes: Buffer } | null;
}

/** One file and a few text fields of a multipart/form-data request, the file at most `maxBytes`. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件（字段 file）');
  }
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  for await (const part of req.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000 },
  })) {
    if (part.type === 'file') {
      // toBuffer() refuses a file over the limit (413, PAYLOAD_TOO_LARGE).
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file' && !file) file = { fileName: part.filename, bytes };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  return { fields, file };
}
