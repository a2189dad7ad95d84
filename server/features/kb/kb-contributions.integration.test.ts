import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentForIndex } from '../../domain/kb/segment';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importArticles } from './import-articles';

interface ErrorBody {
  error: { code: string };
}

describe('knowledge base: contributions, policy notices, overdue report, similar cases', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const contribute = (payload: object, ip = '203.0.113.7') =>
    t.app.inject({ method: 'POST', url: '/api/public/kb/contributions', payload, remoteAddress: ip });

  it('takes public contributions without login and limits each client', async () => {
    const ok = await contribute({
      title: '电动自行车上牌地点',
      answer: '可到各区交警大队车管窗口办理上牌。',
      contributorName: '热心市民',
      contact: '13800001111',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'pending' });
    expect((await contribute({ title: '短', answer: '太短' })).statusCode).toBe(400);
    expect(
      (
        await contribute({
          title: '社会组织贡献',
          answer: '由本协会提供的答案内容。',
          contributorType: 'organisation',
        })
      ).statusCode,
    ).toBe(400);
    for (let i = 0; i < 4; i++) {
      expect((await contribute({ title: `限频测试${i}`, answer: '限频测试的答案内容。' })).statusCode).toBe(
        201,
      );
    }
    const limited = await contribute({ title: '第六次提交', answer: '一小时内第六次提交。' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorBody>().error.code).toBe('RATE_LIMITED');
    // Another client is not affected; an hour later the first one may submit again.
    expect(
      (await contribute({ title: '另一位市民', answer: '另一位市民提交的答案。' }, '198.51.100.9'))
        .statusCode,
    ).toBe(201);
    t.clock.set(new Date('2026-11-23T10:01:00+08:00'));
    expect((await contribute({ title: '一小时后', answer: '一小时后再次提交的答案。' })).statusCode).toBe(
      201,
    );
  });

  it('lets the center review: accept into a draft article or reject with a reason', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/kb/contributions', headers: await t.as('agent') }))
        .statusCode,
    ).toBe(403);
    const h = await t.as('kb-editor');
    const list = (
      await t.app.inject({
        method: 'GET',
        url: '/api/kb/contributions?status=pending&pageSize=3',
        headers: h,
      })
    ).json<{
      items: { id: number; title: string; contact: string | null }[];
      total: number;
    }>();
    expect(list.total).toBe(7);
    expect(list.items).toHaveLength(3);
    const all = (
      await t.app.inject({ method: 'GET', url: '/api/kb/contributions?pageSize=50', headers: h })
    ).json<{
      items: { id: number; title: string; contact: string | null }[];
    }>();
    const ebike = all.items.find((c) => c.title === '电动自行车上牌地点');
    expect(ebike?.contact).toBe('13800001111');
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/kb/contributions/${ebike?.id}/accept`,
      headers: h,
      payload: { categoryCode: '100201', ownerUnitId: await t.unitId('YC-GAJ') },
    });
    expect(accepted.statusCode).toBe(200);
    const { articleId } = accepted.json<{ articleId: number }>();
    const article = (
      await t.app.inject({ method: 'GET', url: `/api/kb/articles/${articleId}`, headers: h })
    ).json();
    expect(article).toMatchObject({
      status: 'draft',
      source: 'contribution',
      title: '电动自行车上牌地点',
      categoryCode: '100201',
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/kb/contributions/${ebike?.id}/accept`,
      headers: h,
      payload: {},
    });
    expect(again.statusCode).toBe(409);

    const other = all.items.find((c) => c.title === '另一位市民');
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/kb/contributions/${other?.id}/reject`,
      headers: h,
      payload: { reason: '内容与现行政策不符' },
    });
    expect(rejected.json()).toEqual({ id: other?.id, status: 'rejected', articleId: null });
    const done = (
      await t.app.inject({ method: 'GET', url: '/api/kb/contributions?status=rejected', headers: h })
    ).json<{
      items: { reviewNote: string; reviewerName: string }[];
    }>();
    expect(done.items[0]).toMatchObject({
      reviewNote: '内容与现行政策不符',
      reviewerName: '知识库维护员 周敏',
    });
  });

  it('dates policy notices with the working calendar and reports overdue units', async () => {
    t.clock.set(new Date('2026-10-12T09:00:00+08:00'));
    const handler = await t.as('handler');
    // Announced Wed 2026-09-30: the National Day week is off, Sat 10-10 is a make-up working day → due Tue 10-13.
    const n = await t.app.inject({
      method: 'POST',
      url: '/api/kb/policy-notices',
      headers: handler,
      payload: {
        title: '关于调整失业保险金标准的通知',
        announcedOn: '2026-09-30',
        documentNo: '云人社发〔2026〕18号',
      },
    });
    expect(n.statusCode).toBe(201);
    expect(n.json()).toMatchObject({
      dueOn: '2026-10-13',
      state: 'pending',
      unitName: '市人力资源和社会保障局',
    });
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/kb/policy-notices',
      headers: handler,
      payload: { title: '别的单位', announcedOn: '2026-09-30', unitId: await t.unitId('YC-ZJJ') },
    });
    expect(other.statusCode).toBe(403);
    const noticeId = n.json<{ id: number }>().id;

    // An article past its review date, owned by the same unit.
    const a = (
      await t.app.inject({
        method: 'POST',
        url: '/api/kb/articles',
        headers: handler,
        payload: { title: '失业保险金申领', body: '申领条件与流程。', reviewBy: '2026-10-01' },
      })
    ).json<{ id: number }>();
    await t.app.inject({
      method: 'POST',
      url: `/api/kb/articles/${a.id}/submit`,
      headers: handler,
      payload: {},
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/kb/articles/${a.id}/approve`,
      headers: await t.as('kb-editor'),
      payload: {},
    });

    t.clock.set(new Date('2026-10-14T09:00:00+08:00'));
    const report = (
      await t.app.inject({ method: 'GET', url: '/api/kb/reports/overdue', headers: await t.as('kb-editor') })
    ).json<{
      asOf: string;
      units: {
        unitName: string;
        reviewOverdueCount: number;
        noticesOverdueCount: number;
        reviewOverdue: { id: number; daysOverdue: number }[];
      }[];
    }>();
    expect(report.asOf).toBe('2026-10-14');
    expect(report.units).toHaveLength(1);
    expect(report.units[0]).toMatchObject({
      unitName: '市人力资源和社会保障局',
      reviewOverdueCount: 1,
      noticesOverdueCount: 1,
    });
    expect(report.units[0]?.reviewOverdue[0]).toEqual(expect.objectContaining({ id: a.id, daysOverdue: 13 }));

    // Linking the (already published) answer: published on 10-12, before the due date → answered.
    const linked = await t.app.inject({
      method: 'PATCH',
      url: `/api/kb/policy-notices/${noticeId}`,
      headers: handler,
      payload: { articleId: a.id },
    });
    expect(linked.json()).toMatchObject({ state: 'answered', answeredOn: '2026-10-12' });
    const mine = (
      await t.app.inject({ method: 'GET', url: '/api/kb/reports/overdue', headers: handler })
    ).json<{
      units: { noticesOverdueCount: number; reviewOverdueCount: number }[];
    }>();
    expect(mine.units[0]).toMatchObject({ noticesOverdueCount: 0, reviewOverdueCount: 1 });
    t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  });

  it('finds similar closed orders with their answers, masking personal data', async () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const ticket = async (no: string, status: string, content: string, answer: string | null) => {
      const row = await t.ctx.db
        .insertInto('ticket')
        .values({
          ticket_no: no,
          status,
          channel: 'phone',
          type: 'complaint',
          content,
          content_tokens: segmentForIndex(content),
          answer,
          tags: [],
          confidential: false,
          profile_id: 'zibo-12345',
          profile_version: '1',
          received_at: now,
          created_at: now,
          updated_at: now,
          closed_at: status === 'closed' ? now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const noise = await ticket(
      'T-KB-1',
      'closed',
      '小区旁边工地夜间施工噪音扰民，电话13912345678',
      '已责令施工单位停止夜间施工',
    );
    await t.ctx.db
      .insertInto('ticket_assignment')
      .values({
        ticket_id: noise,
        unit_id: await t.unitId('YC-STJ'),
        role: 'lead',
        status: 'done',
        dispatched_at: now,
        reply: '经查属实，已处罚。联系人电话 0871-65551234',
      })
      .execute();
    await ticket('T-KB-2', 'closed', '小区垃圾清运不及时', null);
    await ticket('T-KB-3', 'in_progress', '工地夜间施工噪音，至今未处理', null);
    const open = await ticket('T-KB-4', 'dispatched', '晚上工地施工太吵了，噪音很大', null);

    const res = await t.app.inject({
      method: 'GET',
      url: `/api/kb/similar-cases?q=${encodeURIComponent('夜间施工噪音')}`,
      headers: await t.as('agent'),
    });
    const body = res.json<{
      items: { ticketNo: string; snippet: string; answer: string; replies: string[] }[];
    }>();
    expect(body.items.map((i) => i.ticketNo)).toEqual(['T-KB-1']);
    expect(body.items[0]?.snippet).toContain('139****5678');
    expect(body.items[0]?.snippet).not.toContain('13912345678');
    expect(body.items[0]?.answer).toBe('已责令施工单位停止夜间施工');
    expect(body.items[0]?.replies).toEqual(['经查属实，已处罚。联系人电话 0871-****1234']);

    const byTicket = await t.app.inject({
      method: 'GET',
      url: `/api/kb/similar-cases?ticketId=${open}`,
      headers: await t.as('dispatcher'),
    });
    expect(byTicket.json<{ items: { ticketNo: string }[] }>().items.map((i) => i.ticketNo)).toEqual([
      'T-KB-1',
    ]);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/kb/similar-cases?q=x',
          headers: await t.as('handler'),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/kb/similar-cases', headers: await t.as('agent') }))
        .statusCode,
    ).toBe(400);
  });

  it('imports idempotently: unchanged lines are skipped, changed ones become new versions', async () => {
    const line = (content: string) =>
      JSON.stringify({
        id: 42,
        title: '暖气不热报修',
        content,
        category: '暖气不热',
        unit: '云川热力有限公司',
      });
    const first = await importArticles(t.ctx.db, [line('拨打热力公司服务电话报修。')], { now: new Date() });
    expect(first).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    const again = await importArticles(
      t.ctx.db,
      [line('拨打热力公司服务电话报修。'), '', 'not json', '{"title": ""}'],
      { now: new Date() },
    );
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(again.errors.map((e) => e.line)).toEqual([3, 4]);
    const changed = await importArticles(t.ctx.db, [line('拨打热力公司24小时服务电话报修。')], {
      now: new Date(),
    });
    expect(changed).toMatchObject({ inserted: 0, updated: 1 });
    const row = await t.ctx.db
      .selectFrom('kb_article')
      .select(['id', 'version', 'status', 'category_code', 'owner_unit_id', 'external_id_numeric'])
      .where('external_id', '=', '42')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      version: 2,
      status: 'published',
      category_code: '070401',
      owner_unit_id: await t.unitId('YC-RL'),
      external_id_numeric: true,
    });
    const versions = await t.ctx.db
      .selectFrom('kb_article_version')
      .select(['version', 'action'])
      .where('article_id', '=', row.id)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, action: 'import' },
      { version: 2, action: 'import' },
    ]);
    // Document frequencies follow the change: 24 is new, the article count did not grow.
    const stats = await t.ctx.db
      .selectFrom('kb_term_stat')
      .select(['term', 'df'])
      .where('term', 'in', ['24', '报修', '#articles'])
      .execute();
    const df = Object.fromEntries(stats.map((s) => [s.term, s.df]));
    expect(df['24']).toBe(1);
    expect(df['报修']).toBe(1);
  });
});
