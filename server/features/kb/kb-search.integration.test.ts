import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { articleGrams, GRAM_PREFIX, GRAM_TOTAL_TERM } from '../../domain/kb/grams';
import { markdownToText } from '../../domain/kb/markdown';
import { segmentForIndex } from '../../domain/kb/segment';
import { createTestApp, type TestApp } from '../../test/test-app';
import { importArticles } from './import-articles';
import { reindexKnowledgeBase } from './reindex';

interface Hit {
  id: number;
  externalId: string | null;
  title: string;
  titleHighlight: string;
  snippet: string;
  score: number;
  categoryName: string | null;
  unitName: string | null;
}
interface Result {
  items: Hit[];
  total: number;
  terms: string[];
}

/**
 * Ranking on a small hand-made corpus. Expected orders follow from the scoring rules
 * (server/features/kb/kb-search.repository.ts): a concept counts with its IDF, times the
 * heaviest field it occurs in (title 1.0 > keywords 0.6 > body 0.3), times freshness.
 */
describe('knowledge base search', () => {
  let t: TestApp;
  const ids = new Map<string, number>();
  const lines = [
    {
      id: 'sbk',
      title: '社保卡丢失补办流程',
      content: '携带身份证到经办机构窗口办理补办手续，当场制卡。',
      category: '010101',
      unit: 'YC-RSJ-SB',
    },
    {
      id: 'jfjs',
      title: '养老保险缴费基数调整',
      content: '社保缴费基数每年调整一次，可凭社保卡查询缴费记录。',
      category: '养老保险',
      unit: '市人力资源和社会保障局',
    },
    {
      id: 'gjj',
      title: '住房公积金提取条件',
      content: '职工购买自住住房、租房可以申请提取。',
      category: '020102',
      unit: 'YC-ZJJ',
    },
    {
      id: 'zy',
      title: '夜间施工噪音投诉处理',
      content: '工地夜间施工须办理夜间施工许可。',
      category: '040202',
      unit: 'YC-STJ',
    },
    {
      id: 'xq1',
      title: '小区绿化维护责任',
      content: '小区绿化由物业服务企业负责养护。',
      category: '0603',
      unit: '不存在的单位',
    },
    { id: 'xq2', title: '小区停车位分配', content: '小区停车位应当首先满足业主需要。', category: '未知分类' },
    { id: 'xq3', title: '老旧小区改造', content: '改造内容包括小区道路、管网等。' },
    { id: 'ly', title: '麓谷小区停水通知', content: '因管网维修，该片区暂停供水。' },
  ];

  const search = async (q: string, extra = ''): Promise<Result> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/kb/search?q=${encodeURIComponent(q)}${extra}`,
      headers: await t.as('agent'),
    });
    expect(res.statusCode).toBe(200);
    return res.json<Result>();
  };
  const order = (r: Result) => r.items.map((i) => i.externalId ?? i.title);
  const publish = async (payload: object): Promise<number> => {
    const h = await t.as('kb-editor');
    const c = await t.app.inject({ method: 'POST', url: '/api/kb/articles', headers: h, payload });
    const id = c.json<{ id: number }>().id;
    await t.app.inject({ method: 'POST', url: `/api/kb/articles/${id}/submit`, headers: h, payload: {} });
    await t.app.inject({ method: 'POST', url: `/api/kb/articles/${id}/approve`, headers: h, payload: {} });
    return id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const r = await importArticles(
      t.ctx.db,
      lines.map((l) => JSON.stringify(l)),
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    expect(r).toMatchObject({ inserted: lines.length, errors: [] });
    const rows = await t.ctx.db.selectFrom('kb_article').select(['id', 'external_id']).execute();
    for (const row of rows) if (row.external_id) ids.set(row.external_id, row.id);
  });
  afterAll(async () => {
    await t.close();
  });

  it('ranks a title match above body matches', async () => {
    // sbk has 社保卡 and 补办 in its title; jfjs has 社保/社保卡 in its body only.
    const r = await search('社保卡补办');
    expect(order(r)).toEqual(['sbk', 'jfjs']);
    expect(r.items[0]?.score).toBeGreaterThan(2 * (r.items[1]?.score ?? 0));
  });

  it('expands synonyms at query time', async () => {
    // Neither article says 社会保险; both say 社保 (sbk through 社保卡's sub-word).
    expect(order(await search('社会保险')).sort()).toEqual(['jfjs', 'sbk']);
    expect(order(await search('公积金'))).toEqual(['gjj']);
    expect(order(await search('噪声'))).toEqual(['zy']);
  });

  it('weighs rare words above common ones', async () => {
    // 小区 is in 4 of 8 titles, 噪音 in one: the 噪音 title wins over every 小区 title.
    const r = await search('小区噪音');
    expect(order(r)[0]).toBe('zy');
    expect(r.total).toBe(5);
  });

  it('weighs title above keywords above body', async () => {
    const body = await publish({ title: '住宅设施维护', body: '加装电梯需经业主表决同意。' });
    const keyword = await publish({ title: '旧楼改造政策', body: '改造政策说明。', keywords: ['电梯'] });
    const title = await publish({ title: '电梯故障报修', body: '联系物业服务企业报修。' });
    const r = await search('电梯');
    expect(r.items.map((i) => i.id)).toEqual([title, keyword, body]);
  });

  it('prefers the fresher of two equal matches', async () => {
    const a = { title: '燃气表更换', content: '燃气表到期由燃气公司免费更换。' };
    await importArticles(t.ctx.db, [JSON.stringify({ ...a, id: 'old' })], {
      now: new Date('2023-01-01T00:00:00Z'),
    });
    await importArticles(t.ctx.db, [JSON.stringify({ ...a, id: 'new' })], {
      now: new Date('2026-11-20T00:00:00Z'),
    });
    expect(order(await search('燃气表'))).toEqual(['new', 'old']);
  });

  it('filters by category (with its sub-categories) and by unit (with its sub-units)', async () => {
    expect(order(await search('补办 提取 缴费', '&categoryCode=01')).sort()).toEqual(['jfjs', 'sbk']);
    expect(order(await search('补办 提取 缴费', '&categoryCode=0201'))).toEqual(['gjj']);
    const rsj = await t.unitId('YC-RSJ');
    expect(order(await search('补办 提取 缴费', `&unitId=${rsj}`)).sort()).toEqual(['jfjs', 'sbk']);
  });

  it('resolves category and unit names at import and keeps unknown ones as text', async () => {
    const r = await search('社保卡');
    const jfjs = r.items.find((i) => i.externalId === 'jfjs');
    expect(jfjs).toMatchObject({ categoryName: '养老保险', unitName: '市人力资源和社会保障局' });
    const xq = await search('绿化 停车位');
    expect(xq.items.find((i) => i.externalId === 'xq1')).toMatchObject({
      categoryName: '园林绿化',
      unitName: '不存在的单位',
    });
    expect(xq.items.find((i) => i.externalId === 'xq2')).toMatchObject({
      categoryName: '未知分类',
      unitName: null,
    });
  });

  it('returns highlighted titles and snippets, paging and totals', async () => {
    const r = await search('社保卡补办');
    expect(r.items[0]?.titleHighlight).toBe('<mark>社保卡</mark>丢失<mark>补办</mark>流程');
    expect(r.items[0]?.snippet).toContain('<mark>补办</mark>手续');
    // Terms that occur in no article (社会保险 here) are not part of the search.
    expect(r.terms.sort()).toEqual(['社保', '社保卡', '补办'].sort());
    const p1 = await search('小区', '&pageSize=3');
    const p2 = await search('小区', '&pageSize=3&page=2');
    expect(p1.total).toBe(4);
    expect(p1.items).toHaveLength(3);
    expect(p2.items).toHaveLength(1);
    expect(p2.total).toBe(4);
    expect((await search('小区', '&pageSize=3&page=3')).total).toBe(4);
    const all = order(await search('小区', '&pageSize=10'));
    expect([...order(p1), ...order(p2)]).toEqual(all);
  });

  it('answers short queries title matches first, reading broader tiers only when paging on', async () => {
    await importArticles(
      t.ctx.db,
      [
        JSON.stringify({ id: 'ljfl-title', title: '垃圾分类投放指南', content: '按四类投放。' }),
        JSON.stringify({
          id: 'ljfl-body',
          title: '社区环境管理规定',
          content: '居民应当做好垃圾分类，按时投放。',
        }),
      ],
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    const p1 = (await search('垃圾分类', '&pageSize=1')) as Result & { hasMore: boolean };
    expect(order(p1)).toEqual(['ljfl-title']);
    expect([p1.total, p1.hasMore]).toEqual([1, true]);
    const p2 = (await search('垃圾分类', '&pageSize=1&page=2')) as Result & { hasMore: boolean };
    expect(order(p2)).toEqual(['ljfl-body']);
    // The broadest tier (any query word) has not been read yet.
    expect([p2.total, p2.hasMore]).toEqual([2, true]);
    const p3 = (await search('垃圾分类', '&pageSize=1&page=3')) as Result & { hasMore: boolean };
    expect([p3.items.length, p3.total, p3.hasMore]).toEqual([0, 2, false]);
  });

  it('leaves out drafts, withdrawn, expired and not yet valid entries', async () => {
    const h = await t.as('kb-editor');
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/kb/articles',
      headers: h,
      payload: { title: '供暖收费草稿', body: '供暖收费标准' },
    });
    expect(draft.statusCode).toBe(201);
    const withdrawn = await publish({ title: '供暖收费已撤回', body: '供暖收费标准' });
    await t.app.inject({
      method: 'POST',
      url: `/api/kb/articles/${withdrawn}/withdraw`,
      headers: h,
      payload: { reason: '过时' },
    });
    await publish({ title: '供暖收费已过期', body: '供暖收费标准', validUntil: '2026-11-22' });
    await publish({ title: '供暖收费未生效', body: '供暖收费标准', validFrom: '2026-11-24' });
    const live = await publish({
      title: '供暖收费现行标准',
      body: '供暖收费标准',
      validFrom: '2026-11-23',
      validUntil: '2026-11-23',
    });
    const r = await search('供暖收费');
    expect(r.items.map((i) => i.id)).toEqual([live]);
  });

  it('falls back to title trigrams for short queries the segmenter splits differently', async () => {
    // jieba splits 麓/谷 inside the title but keeps 麓谷 whole in the query: no shared token.
    expect(segmentForIndex('麓谷小区停水通知')).not.toContain('麓谷');
    const r = await search('麓谷');
    expect(order(r)).toEqual(['ly']);
  });

  it('serves the same search publicly without login, and suggestions to the intake desk', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/kb/search?q=x' })).statusCode).toBe(401);
    const pub = await t.app.inject({
      method: 'GET',
      url: `/api/public/kb/search?q=${encodeURIComponent('社保卡补办')}`,
    });
    expect(pub.statusCode).toBe(200);
    expect(order(pub.json<Result>())).toEqual(['sbk', 'jfjs']);
    const sbk = ids.get('sbk');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/public/kb/articles/${sbk}` })).json(),
    ).toMatchObject({ title: '社保卡丢失补办流程' });
    const suggest = async (q: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/kb/suggest?q=${encodeURIComponent(q)}`,
          headers: await t.as('agent'),
        })
      ).json<{
        items: Hit[];
      }>().items;
    const items = await suggest('小区');
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.titleHighlight.includes('<mark>小区</mark>'))).toBe(true);
    // Eight articles match; the intake desk gets the top five.
    expect(await suggest('小区 社保 公积金 噪音')).toHaveLength(5);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/kb/search?q=' })).statusCode).toBe(400);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    }>();
    for (const path of [
      '/api/kb/search',
      '/api/kb/suggest',
      '/api/kb/similar-cases',
      '/api/public/kb/search',
      '/api/kb/articles/{id}/approve',
      '/api/kb/reports/overdue',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(Object.keys(spec.paths['/api/kb/search']?.get?.responses ?? {})).toContain('200');
  });

  it('ranks a whole message by the character pairs it shares with an answer', async () => {
    const other = await publish({
      title: '小区停水问题答复',
      body: '小区停水一般由物业或供水公司负责，居民可拨打供水服务电话咨询恢复供水时间。',
    });
    const message =
      '我住在麓谷小区，这两天家里一直停水，请问什么时候恢复供水？物业也说不清楚，希望有关部门尽快给个说法。';
    // The other article shares more words (小区, 停水, 物业, 恢复供水…), but only 'ly' has 麓谷,
    // which the segmenter splits inside its title: a rare pair decides (grams.ts).
    const r = await search(message);
    expect(order(r).slice(0, 2)).toEqual(['ly', '小区停水问题答复']);
    expect(r.items[1]?.id).toBe(other);
  });

  it('pages a long query from one reranked order', async () => {
    // Over 64 characters: one untiered pass, every word scored, then bigrams.
    const message =
      '我们小区的绿化一直没人管，停车位也不够用，想问社保卡丢失补办和住房公积金提取分别在哪里办理，另外附近工地夜间施工噪音很大，影响休息，请有关部门尽快处理';
    const all = order(await search(message, '&pageSize=6'));
    expect(all.length).toBeGreaterThanOrEqual(5);
    const pages = [];
    for (const page of [1, 2, 3]) pages.push(...order(await search(message, `&pageSize=2&page=${page}`)));
    expect(pages).toEqual(all.slice(0, 6));
  });

  it('prefers an answer about the caller’s own city', async () => {
    // Same text but the city; B is imported first, so it leads every tie.
    const reply = (city: string) =>
      `关于${city}地铁3号线开通时间的答复：3号线预计年底开通运营，具体以公告为准。`;
    await importArticles(
      t.ctx.db,
      [JSON.stringify({ id: 'dt-b', title: 'B市地铁3号线开通时间', content: reply('B市') })],
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    await importArticles(
      t.ctx.db,
      [JSON.stringify({ id: 'dt-a', title: 'A市地铁3号线开通时间', content: reply('A市') })],
      { now: new Date('2026-11-01T00:00:00Z') },
    );
    const r = await search('咨询A市地铁3号线开通问题：听说因为管道迁改，3号线要推迟开通，请问是否属实？');
    expect(order(r).slice(0, 2)).toEqual(['dt-a', 'dt-b']);
  });

  it('keeps the bigram statistics equal to a recount through edits, imports and a reindex', async () => {
    const recount = async () => {
      const rows = await t.ctx.db.selectFrom('kb_article').select(['title', 'keywords', 'body']).execute();
      const want = new Map<string, number>();
      let total = 0;
      for (const r of rows) {
        const b = articleGrams(r.title, r.keywords, markdownToText(r.body));
        for (const [g, c] of b.counts) want.set(GRAM_PREFIX + g, (want.get(GRAM_PREFIX + g) ?? 0) + c);
        total += b.length;
      }
      want.set(GRAM_TOTAL_TERM, total);
      const { rows: stored } = await sql<{ term: string; df: number }>`
        select term, df from kb_term_stat where (term like '~%' or term = ${GRAM_TOTAL_TERM}) and df <> 0`.execute(
        t.ctx.db,
      );
      return {
        want: Object.fromEntries([...want].sort()),
        got: Object.fromEntries(stored.map((s): [string, number] => [s.term, s.df]).sort()),
      };
    };
    const h = await t.as('kb-editor');
    const id = await publish({
      title: '居住证办理',
      body: '携带**身份证**和租房合同到派出所办理。',
      keywords: ['暂住证'],
    });
    const current = await t.app.inject({ method: 'GET', url: `/api/kb/articles/${id}`, headers: h });
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/kb/articles/${id}`,
      headers: h,
      payload: {
        body: '携带身份证、租房合同和照片到社区警务室办理。',
        version: current.json<{ version: number }>().version,
      },
    });
    expect(edit.statusCode).toBe(200);
    await importArticles(
      t.ctx.db,
      [
        JSON.stringify({
          id: 'sbk',
          title: '社保卡丢失补办流程',
          content: '先挂失，再携带身份证到窗口补办。',
        }),
      ],
      { now: new Date('2026-11-02T00:00:00Z') },
    );
    const before = await recount();
    expect(before.got).toEqual(before.want);
    expect(before.got['~麓谷']).toBe(2); // the title counts twice
    await reindexKnowledgeBase(t.ctx.db);
    const after = await recount();
    expect(after.got).toEqual(before.want);
  });
});
