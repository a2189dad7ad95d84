import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../test/document-text';
import { createTestApp, type TestApp } from '../../test/test-app';
import { beijingFixture } from '../assessment/test-fixture';
import { importHistory } from '../import/import-history';

/** 专报/简报: the chosen orders from the template, each as the requester may see it. */
describe('brief report (专报/简报)', () => {
  let t: TestApp;
  const withPhone = JSON.stringify({
    ticketNo: '2026040100009',
    receivedAt: '2026-04-01T09:00:00+08:00',
    channel: 'phone',
    type: 'complaint',
    category: '010201',
    caller: { name: '张三', phone: '13912345678' },
    content: '市民反映小区供暖不热，联系电话13912345678，请尽快处理',
    events: [],
  });
  const post = async (user: string, payload: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/api/reports/brief', headers: await t.as(user), payload });

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-04-10T09:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'beijing-miyun' },
    });
    expect((await importHistory(t.ctx, [...beijingFixture, withPhone])).refused).toBe(0);
  });
  afterAll(async () => {
    await t.close();
  });

  it('docx: a row per order with its number, date, category, unit and status; the phone masked for a leader', async () => {
    const res = await post('leader', {
      ticketNos: ['2026030200001', '2026040100009'],
      title: '关于供暖问题的专报',
      kind: 'special',
      format: 'docx',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('专报-关于供暖问题的专报.docx')}`,
    );
    const { rows, paragraphs } = await docxText(res.rawPayload);
    const order = rows.find((r) => r.includes('2026030200001'))?.split('|') ?? [];
    expect(order.slice(0, 3)).toEqual(['1', '2026030200001', '2026-03-02']);
    expect(order).toContain('市人力资源和社会保障局');
    expect(order).toContain('已办结');
    const phoned = rows.find((r) => r.includes('2026040100009')) ?? '';
    expect(phoned).toContain('139****5678');
    expect(phoned).not.toContain('13912345678');
    expect(paragraphs).toContain('关于供暖问题的专报');
    expect(paragraphs.some((p) => p.includes('以下2件群众诉求'))).toBe(true);
  });

  it('pdf with an edited summary; unknown numbers and other roles are refused', async () => {
    const res = await post('supervisor', {
      ticketNos: ['2026030200006'],
      title: '简报',
      kind: 'brief',
      format: 'pdf',
      summary: '本期简报由督办员编写。',
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = pdfText(res.rawPayload).join('');
    expect(text).toContain('本期简报由督办员编写。');
    expect(text).toContain('2026030200006');
    const missing = await post('leader', {
      ticketNos: ['2099010100001'],
      title: 'x',
      kind: 'brief',
      format: 'pdf',
    });
    expect(missing.statusCode).toBe(404);
    const agent = await post('agent', {
      ticketNos: ['2026030200006'],
      title: 'x',
      kind: 'brief',
      format: 'pdf',
    });
    expect(agent.statusCode).toBe(403);
    const none = await post('leader', { title: 'x', kind: 'brief', format: 'pdf' });
    expect(none.statusCode).toBe(400);
  });
});
