import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxText, pdfText } from '../../test/document-text';
import { createTestApp, type TestApp } from '../../test/test-app';
import { beijingFixture } from '../assessment/test-fixture';
import { importHistory } from '../import/import-history';

/**
 * The periodic report carries the assessment's figures: for the hand-computed March 2026 of the
 * assessment fixture (beijing-miyun), every unit's on-time, feedback and satisfaction rate and
 * score in the preview, the workbook (numbers with 0.00%), the Word text runs and the PDF text
 * equal GET /api/assessment's for the same scheme and period.
 */
type Unit = {
  unitCode: string;
  unitName: string;
  rank: number | null;
  score: number | null;
  onTimeRate: number | null;
  feedbackRate: number | null;
  satisfactionRate: number | null;
  counts: { dispatched: number };
};

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);
const score = (v: number | null) => (v === null ? '—' : v.toFixed(2));

describe('periodic report', () => {
  let t: TestApp;
  let assessed: Unit[];
  const body = { period: '2026-03', scheme: 'beijing-miyun' };

  const download = async (user: string, payload: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports/periodic',
      headers: await t.as(user),
      payload,
    });
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp({
      now: '2026-04-10T09:00:00+08:00',
      env: { CIVICLINE_PROFILE: 'beijing-miyun' },
    });
    expect((await importHistory(t.ctx, beijingFixture)).refused).toBe(0);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/assessment?scheme=beijing-miyun&period=2026-03',
      headers: await t.as('leader'),
    });
    expect(res.statusCode, res.body).toBe(200);
    assessed = res.json<{ units: Unit[] }>().units;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the assessment endpoint gives the hand-computed figures the report must carry', () => {
    // assessment.integration.test.ts: DC-DHJD 3 points (on time 1/1, no callbacks); YC-ZJJ 2.99
    // (everything 2/2, one upheld number complaint); YC-RSJ on time 3/4, feedback 2/3, satisfied 1/3.
    expect(
      assessed.map((u) => [u.unitCode, u.rank, score(u.score), pct(u.onTimeRate), pct(u.feedbackRate)]),
    ).toEqual([
      ['DC-DHJD', 1, '3.00', '100.00%', '—'],
      ['YC-ZJJ', 2, '2.99', '100.00%', '100.00%'],
      ['YC-RSJ', 3, '2.08', '75.00%', '66.67%'],
    ]);
  });

  it('the preview has the assessment’s figures, the intake and the generated text', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/periodic/preview?period=2026-03&scheme=beijing-miyun',
      headers: await t.as('supervisor'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<{
      period: { label: string; previousId: string };
      totals: { intake: number; previousIntake: number; byDisposition: { key: string; count: number }[] };
      units: { unitCode: string; rank: number; score: number; values: Record<string, number | null> }[];
      paragraphs: { key: string; text: string }[];
      hotTopics: unknown[];
    }>();
    expect(r.period).toMatchObject({ label: '2026年3月', previousId: '2026-02' });
    expect(r.units.map((u) => u.unitCode)).toEqual(assessed.map((u) => u.unitCode));
    for (const u of r.units) {
      const a = assessed.find((x) => x.unitCode === u.unitCode);
      expect(u.rank).toBe(a?.rank);
      expect(u.score).toBe(a?.score);
      expect(u.values.onTimeRate).toBe(a?.onTimeRate);
      expect(u.values.feedbackRate).toBe(a?.feedbackRate);
      expect(u.values.satisfactionRate).toBe(a?.satisfactionRate);
    }
    // Nine requests received in March (eight orders, one answered on the spot), one in February.
    expect([r.totals.intake, r.totals.previousIntake]).toEqual([9, 1]);
    expect(r.totals.byDisposition.find((d) => d.key === 'direct-answer')?.count).toBe(1);
    expect(r.paragraphs.map((p) => p.key)).toEqual(['overview', 'assessment', 'hotspots', 'suggestions']);
    expect(r.paragraphs[0]?.text).toContain('热线共受理群众诉求9件，环比增长800.0%');
    expect(r.hotTopics).toEqual([]);
  });

  it('xlsx: each unit’s rates are the assessment’s numbers formatted 0.00%, its score the same number', async () => {
    const res = await download('leader', { ...body, format: 'xlsx' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2026年3月12345热线运行分析报告.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('单位考核');
    if (!ws) throw new Error('no unit sheet');
    const head = (ws.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => head.indexOf(name);
    for (const a of assessed) {
      let row: ExcelJS.Row | undefined;
      ws.eachRow((r) => {
        if (r.getCell(col('承办单位')).value === a.unitName) row = r;
      });
      if (!row) throw new Error(`no row for ${a.unitName}`);
      const cell = (name: string) => row?.getCell(col(name));
      expect(cell('排名')?.value).toBe(a.rank);
      expect(cell('得分')?.value).toBe(a.score);
      for (const [name, v] of [
        ['按期办结率', a.onTimeRate],
        ['反馈率', a.feedbackRate],
        ['满意率', a.satisfactionRate],
      ] as const) {
        expect(cell(name)?.value ?? null, `${a.unitCode} ${name}`).toBe(v);
        expect(cell(name)?.numFmt).toBe('0.00%');
      }
    }
  });

  it('docx: each unit’s table row reads the assessment’s rates and score as text', async () => {
    const res = await download('admin', { ...body, format: 'docx' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows, paragraphs } = await docxText(res.rawPayload);
    for (const a of assessed) {
      const row = rows.find((r) => r.split('|')[1] === a.unitName);
      expect(row, a.unitName).toBeDefined();
      const cells = row?.split('|') ?? [];
      expect(cells[0]).toBe(String(a.rank));
      expect(cells.slice(3, 6)).toEqual([pct(a.onTimeRate), pct(a.feedbackRate), pct(a.satisfactionRate)]);
      expect(cells).toContain(score(a.score));
    }
    expect(paragraphs).toContain('2026年3月12345热线运行分析报告');
    // A chart image is embedded.
    expect(res.rawPayload.includes(Buffer.from('word/media/'))).toBe(true);
  });

  it('pdf: the text carries the same figures, and an edited paragraph replaces its generated one', async () => {
    const edited = { key: 'overview', title: '一、总体情况', text: '本月诉求平稳，经人工修改的段落。' };
    const res = await download('leader', { ...body, format: 'pdf', paragraphs: [edited] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload).join('');
    for (const a of assessed) {
      expect(text).toContain(
        [
          a.unitName,
          a.counts.dispatched,
          pct(a.onTimeRate),
          pct(a.feedbackRate),
          pct(a.satisfactionRate),
        ].join(''),
      );
    }
    expect(text).toContain(edited.text);
    expect(text).not.toContain('热线共受理群众诉求9件');
    // The other sections keep their generated text.
    expect(text).toContain('二、承办单位考核情况按《北京市便民服务和应急抢险电话管理考评');
  });

  it('only leaders, supervisors and administrators make reports; a bad period is refused', async () => {
    for (const user of ['agent', 'handler', 'dispatcher']) {
      expect((await download(user, { ...body, format: 'pdf' })).statusCode, user).toBe(403);
    }
    const bad = await download('leader', { period: '2026-13', format: 'pdf' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
  });
});
