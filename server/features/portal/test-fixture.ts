import { solvedAltcha } from '../../../common/altcha-payload';
import { challengeDto } from '../../../common/contracts/portal';
import type { TestApp } from '../../test/test-app';

/** A solved portal challenge, as the browser sends it (base64 JSON). */
export async function solvedChallenge(t: TestApp): Promise<string> {
  const res = await t.app.inject({ method: 'GET', url: '/api/public/challenge' });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.body}`);
  const payload = await solvedAltcha(challengeDto.parse(res.json()));
  if (!payload) throw new Error('challenge not solved');
  return payload;
}

export const portalRequest = {
  type: 'complaint',
  content: '小区门口道路井盖破损多日，夜间行人容易踩空摔倒，请尽快修复。',
  name: '李四',
  phone: '13900001111',
  location: '东城区东湖路 18 号小区南门',
};

/** A 1×1 PNG (a real file: signature, IHDR, IDAT, IEND). */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A multipart/form-data body with text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Buffer },
) {
  const boundary = `----civicline${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
