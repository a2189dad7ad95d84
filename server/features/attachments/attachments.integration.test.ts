import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { multipart, PNG_1PX } from '../portal/test-fixture';

/** A minimal .docx: a zip whose entries are [Content_Types].xml and word/document.xml (names stored in clear). */
function fakeDocx(): Buffer {
  const entry = (name: string) =>
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(name)]);
  return Buffer.concat([entry('[Content_Types].xml'), entry('word/document.xml')]);
}

/**
 * Attachments of orders, replies and appeals: types by content, the size limit, a sha256 of each
 * file, files on local disk under DATA_DIR/attachments, and access exactly as to the order.
 */
describe('attachments', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let orderId: number;
  const dataDir = path.join(os.tmpdir(), `civicline-attach-${process.pid}`);

  let lastBody: Buffer = Buffer.alloc(0);
  function multipartHeaders(kind: string, file: { name: string; type: string; bytes: Buffer }) {
    const m = multipart({ kind }, file);
    lastBody = m.payload;
    return m.headers;
  }
  const send = async (
    user: string,
    id: number,
    kind: string,
    file: { name: string; type: string; bytes: Buffer },
  ) => {
    const headers = { ...multipartHeaders(kind, file), ...(await t.as(user)) };
    return t.app.inject({
      method: 'POST',
      url: `/api/tickets/${id}/attachments`,
      payload: lastBody,
      headers,
    });
  };

  beforeAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    t = await createTestApp({
      now: '2026-12-07T10:00:00+08:00',
      env: { DATA_DIR: dataDir, CIVICLINE_ATTACHMENT_MAX_MB: '0.01' },
    });
    api = ticketApi(t);
    const o = await api.create(sampleOrder);
    orderId = o.id;
    await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId('YC-RSJ') });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a clerk uploads a photo: stored under DATA_DIR/attachments with its sha256, listed, downloaded as sent', async () => {
    const res = await send('agent', orderId, 'order', {
      name: '现场照片.png',
      type: 'image/png',
      bytes: PNG_1PX,
    });
    expect(res.statusCode, res.body).toBe(201);
    const sha = crypto.createHash('sha256').update(PNG_1PX).digest('hex');
    expect(res.json()).toMatchObject({
      ticketId: orderId,
      kind: 'order',
      fileName: '现场照片.png',
      contentType: 'image/png',
      sizeBytes: PNG_1PX.length,
      sha256: sha,
      source: 'staff',
      unitName: '云川市12345政务服务便民热线中心',
    });
    const row = await t.handle.db
      .selectFrom('attachment')
      .select('storage_key')
      .where('id', '=', res.json<{ id: number }>().id)
      .executeTakeFirstOrThrow();
    const onDisk = fs.readFileSync(path.join(dataDir, 'attachments', ...row.storage_key.split('/')));
    expect(onDisk.equals(PNG_1PX)).toBe(true);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${orderId}/attachments`,
      headers: await t.as('handler'),
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
    const dl = await t.app.inject({
      method: 'GET',
      url: `/api/attachments/${res.json<{ id: number }>().id}`,
      headers: await t.as('handler'),
    });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain(
      "filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.png",
    );
    expect(dl.rawPayload.equals(PNG_1PX)).toBe(true);
  });

  it('the handling unit attaches a document to its reply; type by content, not by name', async () => {
    const docx = await send('handler', orderId, 'reply', {
      name: '答复函.docx',
      type: 'application/octet-stream',
      bytes: fakeDocx(),
    });
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json()).toMatchObject({
      kind: 'reply',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      unitName: '市人力资源和社会保障局',
    });
    const exe = await send('handler', orderId, 'reply', {
      name: '照片.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('MZ\x90\x00 not a photo'),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FILE_TYPE' } });
    const badKind = await send('handler', orderId, 'invoice', {
      name: 'a.png',
      type: 'image/png',
      bytes: PNG_1PX,
    });
    expect(badKind.statusCode).toBe(400);
  });

  it('a file over the size limit (0.01 MB here) is refused with 413', async () => {
    const big = Buffer.concat([PNG_1PX, Buffer.alloc(11_000)]);
    const res = await send('agent', orderId, 'order', { name: 'big.png', type: 'image/png', bytes: big });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('a unit outside the order gets 404 for the list, the upload and the file', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${orderId}/attachments`,
      headers: await t.as('handler2'),
    });
    expect(list.statusCode).toBe(404);
    const up = await send('handler2', orderId, 'order', { name: 'a.png', type: 'image/png', bytes: PNG_1PX });
    expect(up.statusCode).toBe(404);
    const first = await t.handle.db
      .selectFrom('attachment')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const dl = await t.app.inject({
      method: 'GET',
      url: `/api/attachments/${first.id}`,
      headers: await t.as('handler2'),
    });
    expect(dl.statusCode).toBe(404);
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/attachments/999999',
      headers: await t.as('handler2'),
    });
    expect(dl.json()).toEqual(missing.json());
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/attachments/${first.id}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
