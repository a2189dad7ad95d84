import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingAssessmentApp } from '../../test/assessment-app';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';
import { readSheet, readWorkbook } from '../../test/xlsx-workbook';

/**
 * Excel exports of the desks' figures: call figures from three calls made by hand, supervision
 * records filtered and withheld as in the list, and the assessment's drill-down and unit warnings.
 */
describe('Excel exports of call figures and supervision records', () => {
  let t: TestApp;
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  const orders: { id: number; ticketNo: string }[] = [];

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T12:00:00+08:00' });
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: await t.as('admin'),
      payload: { name: '话务系统', scopes: ['cti'] },
    });
    const cti = key.json<{ key: string }>().key;
    const events: [string, string, string, string?][] = [
      // A: answered after 5 s; B: answered after 20 s; C: abandoned after 30 s.
      ['A', 'offered', '09:00:00'],
      ['A', 'answered', '09:00:05', 'agent'],
      ['B', 'offered', '09:10:00'],
      ['B', 'answered', '09:10:20', 'agent'],
      ['C', 'offered', '10:00:00'],
      ['C', 'abandoned', '10:00:30'],
    ];
    for (const [callId, type, at, agent] of events) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cti/events',
        headers: { 'x-api-key': cti },
        payload: { callId: `x-${callId}`, type, at: `2026-12-07T${at}+08:00`, queue: '12345', agent },
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    const api = ticketApi(t);
    const confidential = {
      ...sampleOrder,
      caller: { name: '李四', phone: '13900001111', address: '东城区某路1号', confidential: true },
    };
    for (const [body, unit] of [
      [sampleOrder, 'YC-RSJ'],
      [sampleOrder, 'YC-ZJJ'],
      [confidential, 'YC-RSJ'],
    ] as const) {
      const o = await api.create(body);
      await api.ok('dispatcher', o.id, 'dispatch', { unitId: await t.unitId(unit) });
      orders.push({ id: o.id, ticketNo: o.ticketNo });
    }
    const supervise = async (i: number, trigger: string, note: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/supervisions',
        headers: await t.as('supervisor'),
        payload: { ticketId: orders[i]?.id, trigger, note },
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await supervise(0, 'hot-issue', '重点事项，请尽快办理');
    await supervise(1, 'other', '请核实情况');
    await supervise(2, 'leader-instruction', '请联系来电人李四（13900001111）当面答复');
  });
  afterAll(async () => t.close());

  it('call figures: totals, targets, hours and agents of the range, rates in percent', async () => {
    const qs = `from=${encodeURIComponent('2026-12-07T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-08T00:00:00+08:00')}`;
    const res = await get('leader', `/api/stats/calls/export.xlsx?${qs}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(
      encodeURIComponent('话务统计-20261207-1200.xlsx'),
    );
    const sheets = await readWorkbook(res.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['话务汇总', '按小时', '按日', '按话务员', '按队列']);
    const summary = new Map(sheets[0]?.rows.map((r) => [r[0], r[1]]));
    expect(summary.get('统计区间')).toBe('2026-12-07 00:00 至 2026-12-08 00:00');
    // 3 offered, 2 answered (5 s and 20 s), 1 abandoned: 2/3 = 66.67 %, 1/3 = 33.33 %, (5+20)/2 s.
    expect([
      summary.get('呼入'),
      summary.get('接通'),
      summary.get('放弃'),
      summary.get('10秒内接通'),
    ]).toEqual([3, 2, 1, 1]);
    expect(summary.get('接通率（%）')).toBe(66.67);
    expect(summary.get('10秒接通率（%）')).toBe(33.33);
    expect(summary.get('平均等待（秒）')).toBe(12.5);
    const hours = sheets[1]?.rows ?? [];
    expect(hours).toHaveLength(24);
    expect(hours[9]).toEqual(['9时', 2, 2, 0, 1]);
    expect(hours[10]).toEqual(['10时', 1, 0, 1, 0]);
    expect(sheets[2]?.rows).toEqual([['2026-12-07', 3, 2, 1, 1]]);
    expect(sheets[3]?.rows.map((r) => r.slice(1))).toEqual([['agent', 2, 1, 50, 12.5]]);
    expect(sheets[4]?.rows).toEqual([['12345', 3, 2, 1, 1]]);

    // The range is the filter: 10:00-11:00 holds only the abandoned call.
    const late = `from=${encodeURIComponent('2026-12-07T10:00:00+08:00')}&to=${encodeURIComponent('2026-12-07T11:00:00+08:00')}`;
    const one = await readWorkbook((await get('leader', `/api/stats/calls/export.xlsx?${late}`)).rawPayload);
    const s1 = new Map(one[0]?.rows.map((r) => [r[0], r[1]]));
    expect([s1.get('呼入'), s1.get('接通'), s1.get('放弃')]).toEqual([1, 0, 1]);
    expect(one[3]?.rows).toEqual([]);
    // Units never see call figures; a reversed range is refused before any workbook.
    expect((await get('handler', `/api/stats/calls/export.xlsx?${qs}`)).statusCode).toBe(403);
    const reversed = `from=${encodeURIComponent('2026-12-08T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-07T00:00:00+08:00')}`;
    const bad = await get('leader', `/api/stats/calls/export.xlsx?${reversed}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/json');
  });

  it('supervision records: the filter, the scope and the withheld caller of the list', async () => {
    const all = await readSheet((await get('supervisor', '/api/supervisions/export.xlsx')).rawPayload);
    expect(all.header.slice(0, 6)).toEqual([
      '答复状态',
      '预警灯',
      '工单编号',
      '督办事由',
      '督办方式',
      '督办内容',
    ]);
    expect(all.rows.map((r) => r[2]).sort()).toEqual(orders.map((o) => o.ticketNo).sort());
    const hot = await readSheet(
      (await get('supervisor', '/api/supervisions/export.xlsx?trigger=hot-issue')).rawPayload,
    );
    expect(hot.rows).toHaveLength(1);
    expect(hot.rows[0]?.slice(0, 6)).toEqual([
      '待答复',
      '绿灯',
      orders[0]?.ticketNo,
      '重点热点难点事项',
      '书面督办',
      '重点事项，请尽快办理',
    ]);
    // 人社局 sees its two orders only; on the confidential one the caller is withheld from the text.
    const unit = await readSheet((await get('handler', '/api/supervisions/export.xlsx')).rawPayload);
    expect(unit.rows.map((r) => r[2]).sort()).toEqual([orders[0]?.ticketNo, orders[2]?.ticketNo].sort());
    const instruction = unit.rows.find((r) => r[2] === orders[2]?.ticketNo);
    expect(instruction?.[5]).toBe('请联系来电人[已隐去]（[已隐去]）当面答复');
    const center = all.rows.find((r) => r[2] === orders[2]?.ticketNo);
    expect(center?.[5]).toBe('请联系来电人李四（13900001111）当面答复');
  });

  it('unit supervisions export for the center; the list of a unit is its own', async () => {
    const res = await get('supervisor', '/api/unit-supervisions/export.xlsx');
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.header).toEqual([
      '单位',
      '督办事由',
      '期间',
      '督办内容',
      '督办机构',
      '发起时间',
      '答复期限',
      '状态',
      '答复内容',
      '答复时间',
    ]);
    // Nothing recorded for units in this installation yet.
    expect(sheet.rows).toEqual([]);
  });
});

describe('Excel exports of the assessment drill-down and unit warnings', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await beijingAssessmentApp();
  });
  afterAll(async () => t.close());
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });

  it('the drill-down: every order behind the figure, numerator first as in the drawer', async () => {
    const unitId = await t.unitId('YC-RSJ');
    const of = (id: number) => `scheme=beijing-miyun&period=2026-03&unitId=${id}&indicator=onTimeRate`;
    const qs = of(unitId);
    const drill = (await get('leader', `/api/assessment/drill?${qs}&limit=5000`)).json<{
      numerator: number;
      denominator: number;
      items: { ticketNo: string; counts: string }[];
    }>();
    expect(drill.denominator).toBeGreaterThan(0);
    const res = await get('leader', `/api/assessment/drill/export.xlsx?${qs}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    const orders = sheet.rows.filter((r) => r[1] === '分子' || r[1] === '分母');
    expect(orders.map((r) => r[0])).toEqual(drill.items.map((i) => i.ticketNo));
    expect(orders.filter((r) => r[1] === '分子')).toHaveLength(drill.numerator);
    expect(sheet.rows.at(-1)).toEqual([`分子 ${drill.numerator} 件 / 分母 ${drill.denominator} 件`]);
    // part=numerator keeps only the orders counted in the number.
    const num = await readSheet(
      (await get('leader', `/api/assessment/drill/export.xlsx?${qs}&part=numerator`)).rawPayload,
    );
    expect(num.rows.filter((r) => r[1] === '分母')).toHaveLength(0);
    expect(num.rows.filter((r) => r[1] === '分子')).toHaveLength(drill.numerator);
    // Another unit's figures are not a unit's to read.
    const zjj = await t.unitId('YC-ZJJ');
    const other = await get('handler', `/api/assessment/drill/export.xlsx?${of(zjj)}`);
    expect(other.statusCode).toBe(404);
  });

  it('unit warnings: one row per missed target of GET /api/assessment/warnings', async () => {
    const qs = 'scheme=beijing-miyun&period=2026-03';
    const listed = (await get('leader', `/api/assessment/warnings?${qs}`)).json<{
      items: { unitName: string; level: string; reasons: { message: string }[] }[];
    }>();
    // The fixture's March has units below the scheme's targets.
    expect(listed.items.length).toBeGreaterThan(0);
    const res = await get('leader', `/api/assessment/warnings/export.xlsx?${qs}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.rows.map((r) => [r[1], r[3]])).toEqual(
      listed.items.flatMap((w) => w.reasons.map((r) => [w.unitName, r.message])),
    );
    // The warning targets are set by the scheme's §21, cited in Chinese as on the screen.
    expect(new Set(sheet.rows.map((r) => r[6]))).toEqual(
      new Set(['密云县便民服务和应急抢险电话 第二十一条']),
    );
    // The screen's filters: one level, a unit's name.
    const first = listed.items[0];
    const level = await readSheet(
      (await get('leader', `/api/assessment/warnings/export.xlsx?${qs}&level=${first?.level}`)).rawPayload,
    );
    expect(level.rows.map((r) => r[1])).toEqual(
      listed.items.filter((w) => w.level === first?.level).flatMap((w) => w.reasons.map(() => w.unitName)),
    );
    const named = await readSheet(
      (
        await get(
          'leader',
          `/api/assessment/warnings/export.xlsx?${qs}&q=${encodeURIComponent(first?.unitName ?? '')}`,
        )
      ).rawPayload,
    );
    expect(named.rows.map((r) => r[1])).toEqual(first?.reasons.map(() => first.unitName));
    // The assessment's readers only: an agent is refused.
    const agent = await get('agent', `/api/assessment/warnings/export.xlsx?${qs}`);
    expect(agent.statusCode).toBe(403);
    expect(agent.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
  });
});
