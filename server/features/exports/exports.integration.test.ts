import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeGroupingLabels, intakeGroupings } from '../../../common/contracts/statistics';
import { ticketPage, type TicketListItem } from '../../../common/contracts/ticket-responses';
import { beijingAssessmentApp } from '../../test/assessment-app';
import { createTestApp, type TestApp } from '../../test/test-app';
import { copiedTicketColumns } from '../../test/ticket-copies';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

/**
 * Excel exports: each workbook is parsed with exceljs and compared with what the
 * screen's endpoint answers for the same filters and the same user.
 */
type Row = (string | number | null)[];

async function sheetRows(body: Buffer): Promise<{ header: Row; rows: Row[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no worksheet');
  const all: Row[] = [];
  ws.eachRow((row) => {
    const raw = row.values as unknown[];
    const values = Array.from({ length: Math.max(0, raw.length - 1) }, (_, k) => {
      const v = raw[k + 1];
      return v === undefined || v === '' ? null : (v as string | number);
    });
    all.push(values);
  });
  return { header: all[0] ?? [], rows: all.slice(1) };
}

const cell = (v: string | number | null | undefined) => (v === '' || v === undefined ? null : v);

describe('Excel exports of lists, statistics and the audit log', () => {
  let t: TestApp;
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });

  /** Every page of the list endpoint, through its cursor. */
  async function listAll(user: string, qs: string): Promise<TicketListItem[]> {
    const items: TicketListItem[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/tickets?${qs}&pageSize=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await get(user, url);
      expect(res.statusCode, res.body).toBe(200);
      const page = ticketPage.parse(res.json());
      items.push(...page.items);
      cursor = page.nextCursor ?? null;
    } while (cursor);
    return items;
  }

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T09:00:00+08:00' });
    const api = ticketApi(t);
    await api.create();
    await api.create({ ...sampleOrder, channel: 'web', caller: { name: '李四', phone: '13900001234' } });
    await api.create({
      ...sampleOrder,
      type: 'consult',
      disposition: 'direct-answer',
      answer: '已当场答复。',
    });
    // 1,200 more complaints (copies of the first order) so the export walks several keyset pages.
    const first = await t.ctx.db.selectFrom('ticket').select('id').orderBy('id').executeTakeFirstOrThrow();
    const cols = await copiedTicketColumns(t.ctx.db);
    await sql`
      insert into ticket (ticket_no, ${sql.join(cols)})
      select 'C' || lpad(g::text, 12, '0'), ${sql.join(cols)}
      from ticket, generate_series(1, 1200) g where id = ${first.id}`.execute(t.ctx.db);
  });
  afterAll(async () => t.close());

  it('the order list: the same rows as GET /api/tickets with the same filters, masked for the viewer', async () => {
    for (const [user, qs] of [
      ['supervisor', 'type=complaint&sort=-received'],
      ['dispatcher', 'channel=web'],
    ] as const) {
      const res = await get(user, `/api/tickets/export.xlsx?${qs}`);
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(String(res.headers['content-disposition'])).toContain(
        `filename*=UTF-8''${encodeURIComponent('工单列表-20261207-0900.xlsx')}`,
      );
      const { header, rows } = await sheetRows(res.rawPayload);
      expect(header.join(' ')).toBe(
        '工单编号 状态 待决申请 预警 诉求类型 紧急程度 来源渠道 问题分类 诉求摘要 来电人 联系电话 区域 主办单位 受理时间 派单时间 办理时限 办结时间',
      );
      const listed = await listAll(user, qs);
      expect(rows.length).toBe(listed.length);
      expect(rows.map((r) => r[0])).toEqual(listed.map((i) => i.ticketNo));
      expect(rows.map((r) => cell(r[10]))).toEqual(listed.map((i) => i.caller.phone ?? null));
      expect(rows.map((r) => cell(r[9]))).toEqual(listed.map((i) => i.caller.name ?? null));
    }
    const complaints = await sheetRows(
      (await get('supervisor', '/api/tickets/export.xlsx?type=complaint')).rawPayload,
    );
    // Two complaints taken by hand and 1,200 copies; a supervisor sees phones masked.
    expect(complaints.rows).toHaveLength(1202);
    expect(complaints.rows.find((r) => r[10] === '138****5678')).toBeDefined();
    expect(complaints.rows.some((r) => r[10] === '13812345678')).toBe(false);
    const web = await sheetRows((await get('dispatcher', '/api/tickets/export.xlsx?channel=web')).rawPayload);
    expect(web.rows).toHaveLength(1);
    // The first (and only) web order as the dispatcher's list shows it: full caller, 受理 at 09:00.
    expect(web.rows[0]?.slice(1, 11)).toEqual([
      '待派单',
      null,
      '正常',
      '投诉',
      '普通件',
      '网站/市长信箱',
      '工资拖欠',
      sampleOrder.content,
      '李四',
      '13900001234',
    ]);
    expect(web.rows[0]?.[13]).toBe('2026-12-07 09:00');
  });

  it('an export that shows callers unmasked is audited like the list (one entry per page)', async () => {
    const before = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'list-caller')
      .executeTakeFirstOrThrow();
    const res = await get('dispatcher', '/api/tickets/export.xlsx?type=complaint');
    expect(res.statusCode).toBe(200);
    const after = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'list-caller')
      .executeTakeFirstOrThrow();
    // 1,202 rows read 500 at a time: three pages, each showing callers.
    expect(Number(after.n) - Number(before.n)).toBe(3);
  });

  it('refusals answer as JSON before any workbook', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/tickets/export.xlsx' });
    expect(res.statusCode).toBe(401);
    expect((await get('handler', '/api/admin/audit/export.xlsx')).statusCode).toBe(403);
    expect(
      (await get('handler', '/api/stats/intake/export.xlsx?from=2026-12-01&to=2026-12-07')).statusCode,
    ).toBe(403);
    expect(
      (await get('leader', '/api/stats/intake/export.xlsx?from=2026-12-07&to=2026-12-01')).statusCode,
    ).toBe(400);
  });

  it('intake statistics: the same groups and counts as GET /api/stats/intake, with a total', async () => {
    const qs = 'from=2026-12-01&to=2026-12-07&groupBy=channel';
    const figures = (await get('leader', `/api/stats/intake?${qs}`)).json<{
      total: number;
      rows: { label: string; count: number }[];
    }>();
    const res = await get('leader', `/api/stats/intake/export.xlsx?${qs}`);
    expect(res.statusCode).toBe(200);
    const { header, rows } = await sheetRows(res.rawPayload);
    expect(header).toEqual(['受理渠道', '受理量', '占比（%）']);
    expect(rows.slice(0, -1).map((r) => [r[0], r[1]])).toEqual(figures.rows.map((r) => [r.label, r.count]));
    // 1,202 phone intakes and 1 web one: 1,203 in all; 1/1203 = 0.08 %.
    expect(rows.at(-1)).toEqual(['合计（2026-12-01 至 2026-12-07）', 1203, 100]);
    expect(rows.find((r) => r[0] === '网站/市长信箱')).toEqual(['网站/市长信箱', 1, 0.08]);
  });

  it('every grouping of the statistics screen exports, each adding up to the same 1,203 intakes', async () => {
    for (const groupBy of intakeGroupings) {
      const res = await get(
        'leader',
        `/api/stats/intake/export.xlsx?from=2026-12-01&to=2026-12-07&groupBy=${groupBy}`,
      );
      expect(res.statusCode, `${groupBy}: ${res.body.slice(0, 200)}`).toBe(200);
      const { header, rows } = await sheetRows(res.rawPayload);
      expect(header[0]).toBe(intakeGroupingLabels[groupBy]);
      const groups = rows.slice(0, -1).reduce((n, r) => n + Number(r[1]), 0);
      expect([groupBy, groups, rows.at(-1)?.[1]]).toEqual([groupBy, 1203, 1203]);
    }
  });

  it('the audit log: the entries of GET /api/admin/audit with the same filter, newest first', async () => {
    const listed = (await get('admin', '/api/admin/audit?action=list-caller&pageSize=200')).json<{
      total: number;
      items: { id: number; actor: string; action: string }[];
    }>();
    const res = await get('admin', '/api/admin/audit/export.xlsx?action=list-caller');
    expect(res.statusCode).toBe(200);
    const { header, rows } = await sheetRows(res.rawPayload);
    expect(header).toEqual(['时间', '操作人', '操作', '对象类型', '对象', '涉及工单', '详情', '客户端地址']);
    expect(rows).toHaveLength(listed.total);
    expect(rows.map((r) => [r[1], r[2]])).toEqual(listed.items.map((i) => [i.actor, '列表显示来电人信息']));
    expect(rows.every((r) => r[3] === '工单列表')).toBe(true);
  });
});

describe('Excel export of the assessment', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await beijingAssessmentApp();
  });
  afterAll(async () => t.close());

  it('ranks the same units with the same scores as GET /api/assessment; rates in percent', async () => {
    const headers = await t.as('leader');
    const qs = 'scheme=beijing-miyun&period=2026-03';
    const report = (await t.app.inject({ method: 'GET', url: `/api/assessment?${qs}`, headers })).json<{
      units: { rank: number | null; unitName: string; score: number | null; onTimeRate: number | null }[];
    }>();
    expect(report.units.length).toBeGreaterThan(0);
    const res = await t.app.inject({ method: 'GET', url: `/api/assessment/export.xlsx?${qs}`, headers });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const { header, rows } = await sheetRows(res.rawPayload);
    expect(header.slice(0, 5)).toEqual(['排名', '单位代码', '承办单位', '得分', '有派单月数']);
    expect(rows.map((r) => [r[0], r[2]])).toEqual(report.units.map((u) => [u.rank, u.unitName]));
    expect(rows.map((r) => cell(r[3]))).toEqual(
      report.units.map((u) => (u.score === null ? null : Math.round(u.score * 100) / 100)),
    );
    const onTime = header.findIndex((h) => typeof h === 'string' && h.endsWith('（%）'));
    expect(onTime).toBeGreaterThan(4);
  });
});
