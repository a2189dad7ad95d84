import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { LICENCE_MAX_BYTES, type LicenceType } from '../../../common/contracts/enterprises';
import { AppError } from '../../platform/errors';

/**
 * Business licences (营业执照) sent with an application: base64 in the JSON body (the platform
 * has no multipart upload yet), at most LICENCE_MAX_BYTES, and a PNG, JPEG or PDF by its first
 * bytes — the client's claimed type is not trusted. Stored under DATA_DIR/enterprise-licences/
 * with a random name; only the center reads them back.
 */
const signatures: readonly { type: LicenceType; ext: string; bytes: readonly number[] }[] = [
  { type: 'image/png', ext: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', ext: 'jpg', bytes: [0xff, 0xd8, 0xff] },
  { type: 'application/pdf', ext: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
];

export interface DecodedLicence {
  bytes: Buffer;
  type: LicenceType;
  ext: string;
}

export function sniffLicenceType(bytes: Uint8Array): { type: LicenceType; ext: string } | null {
  const hit = signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return hit ? { type: hit.type, ext: hit.ext } : null;
}

/** Decodes base64 (a `data:` URL prefix allowed) and checks size and type. */
export function decodeLicence(dataBase64: string): DecodedLicence {
  const text = dataBase64.replace(/^data:[\w./+-]+;base64,/, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new AppError('VALIDATION_FAILED', '营业执照文件编码不正确（应为 base64）', [
      { path: '/licence/dataBase64', message: 'base64' },
    ]);
  }
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '请上传营业执照');
  if (bytes.length > LICENCE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '营业执照文件不能超过 2 MB');
  const kind = sniffLicenceType(bytes);
  if (!kind) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', '营业执照只接受 PNG、JPEG 图片或 PDF 文件');
  }
  return { bytes, ...kind };
}

export function licenceDir(dataDir: string): string {
  return path.resolve(dataDir, 'enterprise-licences');
}

/** Writes the file under a fresh random name and returns that name. */
export async function storeLicence(dataDir: string, licence: DecodedLicence): Promise<string> {
  const dir = licenceDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  const name = `${crypto.randomBytes(16).toString('hex')}.${licence.ext}`;
  await fs.writeFile(path.join(dir, name), licence.bytes, { flag: 'wx', mode: 0o600 });
  return name;
}

export async function removeLicence(dataDir: string, name: string): Promise<void> {
  await fs.rm(path.join(licenceDir(dataDir), path.basename(name)), { force: true });
}

export async function readLicence(dataDir: string, name: string): Promise<Buffer> {
  return fs.readFile(path.join(licenceDir(dataDir), path.basename(name)));
}
