import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryEntryDto, EnterpriseSummaryDto } from '../../../common/contracts/enterprises';
import { createTestApp, type TestApp } from '../../test/test-app';
import { application, enterpriseApi, PNG_BASE64 } from './test-fixture';

/**
 * Franchise enterprises through the HTTP API (wuqing §32-§35): the public application, the
 * center's review, the public directory, and the contact person's privacy. Credit codes are
 * checked by hand against GB 32100-2015 in the comments.
 */
describe('franchise enterprises: application, review, directory', () => {
  let t: TestApp;
  let api: ReturnType<typeof enterpriseApi>;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T10:00:00+08:00' });
    api = enterpriseApi(t);
  });
  afterAll(async () => t.close());

  it('an enterprise applies without an account and gets a pending application', async () => {
    const res = await api.apply(application());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ id: expect.any(Number), status: 'pending' });
  });

  it.each([
    // 91110000100000000X: the sum 9·1 + 1·3 + 1·9 + 1·27 + 1·20 = 68 calls for 31 - 6 = 25 → R, not X.
    ['91110000100000000X', 'check'],
    // 92530102000000000G with its last character changed.
    ['92530102000000000H', 'check'],
    ['9253010200000000G', 'length'],
    ['9253010200000000OG', 'charset'],
  ])('credit code %s is refused with 422 INVALID_CREDIT_CODE (%s)', async (creditCode, problem) => {
    const res = await api.apply(application({ creditCode }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ error: { code: 'INVALID_CREDIT_CODE', details: { problem } } });
  });

  it('one live application per credit code (409); lower case and spaces are the same code', async () => {
    const res = await api.apply(application({ creditCode: '92530102 00000000 0g' }));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('the licence must be a PNG, JPEG or PDF by its content, of at most 2 MB', async () => {
    // 9·1 + 1·3 + 5·9 + 3·27 + 1·26 + 2·17 + 1·28 = 226; 226 mod 31 = 9; 31 - 9 = 22 → N.
    const code = '91530102000000001N';
    const gif = Buffer.from('GIF89a fake image').toString('base64');
    const wrong = await api.apply(application({ creditCode: code, licence: { dataBase64: gif } }));
    expect(wrong.statusCode, wrong.body).toBe(415);
    expect(wrong.json()).toMatchObject({ error: { code: 'UNSUPPORTED_FILE_TYPE' } });
    const big = Buffer.alloc(2 * 1024 * 1024 + 1);
    Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]).copy(big); // %PDF-
    const tooBig = await api.apply(
      application({ creditCode: code, licence: { dataBase64: big.toString('base64') } }),
    );
    expect(tooBig.statusCode, tooBig.body).toBe(413);
    const notBase64 = await api.apply(application({ creditCode: code, licence: { dataBase64: '@@@@' } }));
    expect(notBase64.statusCode, notBase64.body).toBe(400);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]).toString('base64');
    const ok = await api.apply(
      application({ creditCode: code, licence: { dataBase64: `data:image/jpeg;base64,${jpeg}` } }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const d = await api.detail(ok.json<{ id: number }>().id);
    expect(d.licence).toEqual({ type: 'image/jpeg', size: 6 });
  });

  it('services must be active categories; coordinates come in pairs', async () => {
    // 9·1 + 1·3 + 5·9 + 3·27 + 1·26 + 2·17 + 2·28 = 254; 254 mod 31 = 6; 31 - 6 = 25 → R.
    const code = '91530102000000002R';
    const unknown = await api.apply(application({ creditCode: code, services: ['999999'] }));
    expect(unknown.statusCode, unknown.body).toBe(400);
    const half = await api.apply(application({ creditCode: code, lat: undefined }));
    expect(half.statusCode, half.body).toBe(400);
  });

  it('public applications are rate-limited per address like sign-in (429 after 5 a minute)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push((await api.apply(application({ creditCode: 'bad' }), '10.77.0.1')).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(codes[5]).toBe(429);
  });

  it('the center reviews: pending is not listed publicly; approval lists it with its stars', async () => {
    // 9·1 + 1·3 + 5·9 + 3·27 + 1·26 + 2·17 + 3·28 = 282; 282 mod 31 = 3; 31 - 3 = 28 → W.
    const id = await api.applyOk(
      application({ name: '云川市快修家电维修部', creditCode: '91530102000000003W', services: ['130201'] }),
    );
    const before = (await api.directory('?service=1302')).json<{ items: DirectoryEntryDto[] }>();
    expect(before.items.map((e) => e.id)).not.toContain(id);
    const queue = await api.get('dispatcher', '/api/enterprises?status=pending');
    expect(queue.json<{ items: EnterpriseSummaryDto[] }>().items.map((e) => e.id)).toContain(id);
    expect((await api.detail(id)).allowedActions).toEqual([
      'record-visit',
      'approve',
      'reject',
      'recommend',
      'reveal-contact',
    ]);
    await api.approve(id);
    const after = (await api.directory('?service=1302')).json<{ items: DirectoryEntryDto[] }>();
    const entry = after.items.find((e) => e.id === id);
    expect(entry?.services).toEqual([{ code: '130201', name: '家电维修' }]);
    expect(entry?.rating).toEqual({
      stars: null,
      ratedOrders: 0,
      satisfactionRate: null,
      recentBadRecords: 0,
    });
    // Approving twice is refused by the state.
    expect((await api.post('dispatcher', `/api/enterprises/${id}/approve`)).statusCode).toBe(409);
  });

  it('only the center keeps the registry: a handling unit and an agent may not approve', async () => {
    // 9·1 + 1·3 + 5·9 + 3·27 + 1·26 + 2·17 + 4·28 = 310 = 10·31; 31 - 0 = 31 → 0.
    const id = await api.applyOk(application({ creditCode: '915301020000000040' }));
    expect((await api.post('handler', `/api/enterprises/${id}/approve`)).statusCode).toBe(403);
    expect((await api.get('handler', `/api/enterprises/${id}`)).statusCode).toBe(403);
    expect((await api.post('agent', `/api/enterprises/${id}/approve`)).statusCode).toBe(403);
    expect((await api.get('agent', `/api/enterprises/${id}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/enterprises/${id}` })).statusCode).toBe(401);
  });

  it('a failed on-site visit blocks approval until a later visit confirms; rejection needs a reason', async () => {
    // 9·1 + 1·3 + 5·9 + 3·27 + 1·26 + 2·17 + 5·28 = 338; 338 mod 31 = 28; 31 - 28 = 3 → 3.
    const id = await api.applyOk(application({ creditCode: '915301020000000053' }));
    const failed = await api.post('dispatcher', `/api/enterprises/${id}/visits`, {
      visitedOn: '2026-12-06',
      result: 'failed',
      note: '经营地址无人',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    const blocked = await api.post('dispatcher', `/api/enterprises/${id}/approve`);
    expect(blocked.statusCode, blocked.body).toBe(422);
    const future = await api.post('dispatcher', `/api/enterprises/${id}/visits`, {
      visitedOn: '2026-12-08',
      result: 'confirmed',
    });
    expect(future.statusCode).toBe(422);
    await api.post('dispatcher', `/api/enterprises/${id}/visits`, {
      visitedOn: '2026-12-07',
      result: 'confirmed',
    });
    const rec = await api.post('dispatcher', `/api/enterprises/${id}/recommendations`, {
      association: '云川市家庭服务业协会',
      note: '会员单位，推荐函第12号',
    });
    expect(rec.statusCode, rec.body).toBe(200);
    const noReason = await api.post('dispatcher', `/api/enterprises/${id}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    const rejected = await api.post('dispatcher', `/api/enterprises/${id}/reject`, {
      reason: '经营范围不含家政服务',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const d = await api.detail(id);
    expect(d.status).toBe('rejected');
    expect(d.decisionNote).toBe('经营范围不含家政服务');
    expect(d.visitRecords.map((v) => [v.visitedOn, v.result])).toEqual([
      ['2026-12-06', 'failed'],
      ['2026-12-07', 'confirmed'],
    ]);
    expect(d.recommendationRecords.map((r) => r.association)).toEqual(['云川市家庭服务业协会']);
    // A rejected enterprise may apply again with the same code.
    expect((await api.apply(application({ creditCode: '915301020000000053' }))).statusCode).toBe(201);
  });

  it('an association recommendation can come with the application', async () => {
    // 91440300708461136T: 966 mod 31 = 5; 31 - 5 = 26 → T (the sum is in credit-code.test.ts).
    const id = await api.applyOk(
      application({ creditCode: '91440300708461136T', recommendedBy: '云川市维修行业商会' }),
    );
    expect((await api.detail(id)).recommendationRecords.map((r) => r.association)).toEqual([
      '云川市维修行业商会',
    ]);
  });

  it('contact persons are masked for every viewer; a reveal gives them in full and is audited', async () => {
    // 9·1 + 1·3 + 1·9 + 1·27 + 1·20 = 68; 68 mod 31 = 6; 31 - 6 = 25 → R.
    const id = await api.applyOk(
      application({ creditCode: '91110000100000000R', contactPhone: '13812340000' }),
    );
    await api.approve(id);
    for (const user of ['admin', 'dispatcher', 'leader']) {
      const d = await api.detail(id, user);
      expect(d.contactPhone).toBe('138****0000');
      expect(d.contactName).toBe('李**');
    }
    const list = await api.get('dispatcher', '/api/enterprises');
    expect(list.body).not.toContain('13812340000');
    const pub = await api.directory();
    expect(pub.body).not.toContain('13812340000');
    expect(pub.body).not.toContain('李四海');
    expect(pub.body).not.toContain('contactPhone');
    const shown = await api.post('agent', `/api/enterprises/${id}/reveal-contact`, {
      reason: '为市民联系服务',
    });
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({ contactName: '李四海', contactPhone: '13812340000' });
    const refused = await api.post('leader', `/api/enterprises/${id}/reveal-contact`, { reason: '查看' });
    expect(refused.statusCode).toBe(403);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username'])
      .where('target_type', '=', 'enterprise')
      .where('target_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_username])).toEqual([
      ['enterprise-approve', 'dispatcher'],
      ['reveal-enterprise-contact', 'agent'],
      ['reveal-enterprise-contact-refused', 'leader'],
    ]);
  });

  it('the licence file is stored and read back by the center only', async () => {
    const list = (await api.get('dispatcher', '/api/enterprises?status=all')).json<{
      items: EnterpriseSummaryDto[];
    }>();
    const first = list.items.find((e) => e.creditCode === '92530102000000000G');
    expect(first).toBeDefined();
    const res = await api.get('dispatcher', `/api/enterprises/${first?.id ?? 0}/licence`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.toString('base64')).toBe(PNG_BASE64);
    expect((await api.get('handler', `/api/enterprises/${first?.id ?? 0}/licence`)).statusCode).toBe(403);
  });
});
