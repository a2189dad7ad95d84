import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { numberOpening } from '../../test/service-number-fixture';
import { readSheet, readWorkbook } from '../../test/xlsx-workbook';
import { application, enterpriseApi } from '../enterprises/test-fixture';

/**
 * Excel exports of the registers, each against data made by hand: the knowledge base (articles,
 * policy notices and their overdue report), franchise enterprises, service numbers, incidents,
 * users and units. Each is filtered as on its screen and scoped and masked as its list.
 */
describe('Excel exports of the registers', () => {
  let t: TestApp;
  const get = async (user: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  const post = async (user: string, url: string, payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url, headers: await t.as(user), payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<{ id: number }>();
  };
  const titles = ['失业保险金申领条件', '住房公积金提取流程', '医保异地就医备案'];

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-07T09:00:00+08:00' });
    for (const title of titles) {
      await post('kb-editor', '/api/kb/articles', { title, body: `${title}：见正文。` });
    }
    const rsj = await t.unitId('YC-RSJ');
    // Announced Monday 23 November: five working days later is Monday 30 November, past on 7 December.
    await post('kb-editor', '/api/kb/policy-notices', {
      unitId: rsj,
      title: '关于调整失业保险金标准的通知',
      documentNo: '云人社发〔2026〕12号',
      announcedOn: '2026-11-23',
    });
    // Announced today: due Monday 14 December, still open.
    await post('kb-editor', '/api/kb/policy-notices', {
      unitId: rsj,
      title: '关于做好冬季供暖保障的通知',
      announcedOn: '2026-12-07',
    });
    await enterpriseApi(t).applyOk(application());
    // 45 natural days after 7 December is 21 January 2027 (beijing-miyun §11).
    const number = await post('unit-leader', '/api/service-numbers/applications', {
      ...numberOpening,
      unitId: rsj,
      effectiveDate: '2027-01-21',
    });
    await post('dispatcher', `/api/service-numbers/applications/${number.id}/approve`, {});
    // A second application stays in the queue.
    await post('unit-leader', '/api/service-numbers/applications', {
      action: 'open',
      number: '0871-65128811',
      name: '就业服务咨询电话',
      kind: 'service',
      dutyHours: '工作日 9:00-17:00',
      duties: '就业政策咨询',
      reason: '新设就业服务专线',
      unitId: rsj,
      effectiveDate: '2027-01-21',
    });
    const contributed = await t.app.inject({
      method: 'POST',
      url: '/api/public/kb/contributions',
      payload: {
        title: '电动自行车上牌地点',
        answer: '可到各区交警大队车管窗口办理上牌。',
        contributorName: '热心市民',
        contact: '13800001111',
      },
    });
    expect(contributed.statusCode, contributed.body).toBe(201);
    await post('dispatcher', '/api/incidents', {
      title: '东城区停水事件',
      occurredAt: '2026-12-07T08:30:00+08:00',
    });
  });
  afterAll(async () => t.close());

  it('knowledge-base articles: the title search of the screen; units see no one else’s drafts', async () => {
    const all = await readSheet((await get('kb-editor', '/api/kb/articles/export.xlsx')).rawPayload);
    expect(all.header.slice(0, 3)).toEqual(['标题', '外部编号', '状态']);
    for (const title of titles) expect(all.rows.find((r) => r[0] === title)?.[2]).toBe('草稿');
    const one = await readSheet(
      (await get('kb-editor', `/api/kb/articles/export.xlsx?q=${encodeURIComponent('公积金')}`)).rawPayload,
    );
    expect(one.rows.map((r) => r[0])).toEqual(['住房公积金提取流程']);
    const unit = await readSheet((await get('handler', '/api/kb/articles/export.xlsx')).rawPayload);
    expect(unit.rows.filter((r) => titles.includes(String(r[0])))).toEqual([]);
  });

  it('policy notices: the state filter of the screen; the overdue report per unit and item by item', async () => {
    const overdue = await readSheet(
      (await get('kb-editor', '/api/kb/policy-notices/export.xlsx?state=overdue')).rawPayload,
    );
    expect(overdue.rows).toHaveLength(1);
    expect(overdue.rows[0]?.slice(1, 6)).toEqual([
      '关于调整失业保险金标准的通知',
      '云人社发〔2026〕12号',
      '2026-11-23',
      '2026-11-30',
      '已超期',
    ]);
    const open = await readSheet(
      (await get('kb-editor', '/api/kb/policy-notices/export.xlsx?state=open')).rawPayload,
    );
    expect(open.rows.map((r) => [r[1], r[4], r[5]])).toEqual([
      ['关于做好冬季供暖保障的通知', '2026-12-14', '待答复'],
    ]);
    const all = await readSheet((await get('kb-editor', '/api/kb/policy-notices/export.xlsx')).rawPayload);
    expect(all.rows).toHaveLength(2);

    const report = await readWorkbook(
      (await get('kb-editor', '/api/kb/reports/overdue/export.xlsx')).rawPayload,
    );
    expect(report.map((s) => s.name)).toEqual(['更新超期汇总', '超期明细']);
    const unitName = all.rows[0]?.[0];
    expect(report[0]?.rows.find((r) => r[0] === unitName)?.slice(3, 5)).toEqual([1, 0]);
    expect(report[1]?.rows).toContainEqual([
      unitName,
      '政策未答复',
      '关于调整失业保险金标准的通知',
      '云人社发〔2026〕12号',
      '2026-11-23',
      '2026-11-30',
    ]);
  });

  it('enterprises: the status filter, contact people masked as in the list, center staff only', async () => {
    const pending = await readSheet(
      (await get('dispatcher', '/api/enterprises/export.xlsx?status=pending')).rawPayload,
    );
    expect(pending.rows).toHaveLength(1);
    const [name, creditCode, services, , contactName, contactPhone, status] = pending.rows[0] ?? [];
    expect([name, creditCode, contactName, contactPhone, status]).toEqual([
      '云川市安心家政服务有限公司',
      '92530102000000000G',
      '李**',
      '139****5678',
      '待审核',
    ]);
    expect(services).toBeTruthy();
    const approved = await readSheet(
      (await get('dispatcher', '/api/enterprises/export.xlsx?status=approved')).rawPayload,
    );
    expect(approved.rows).toEqual([]);
    expect((await get('handler', '/api/enterprises/export.xlsx')).statusCode).toBe(403);
  });

  it('service numbers: the registry in the viewer’s scope', async () => {
    const center = await readSheet((await get('dispatcher', '/api/service-numbers/export.xlsx')).rawPayload);
    const row = center.rows.find((r) => r[1] === '0871-65128800');
    expect(row?.slice(1, 8)).toEqual([
      '0871-65128800',
      '社保咨询服务电话',
      '便民服务电话',
      '工作日 8:30-17:30',
      '社会保险政策咨询、投诉',
      '待生效',
      '2027-01-21',
    ]);
    // 住建局 sees only its own tree's numbers.
    const other = await readSheet((await get('handler2', '/api/service-numbers/export.xlsx')).rawPayload);
    expect(other.rows.find((r) => r[1] === '0871-65128800')).toBeUndefined();
  });

  it('public contributions and number applications: the status filter of their screens', async () => {
    const pending = await readSheet(
      (await get('kb-editor', '/api/kb/contributions/export.xlsx?status=pending')).rawPayload,
    );
    expect(pending.rows.map((r) => [r[1], r[4], r[6], r[7]])).toEqual([
      ['电动自行车上牌地点', '热心市民', '13800001111', '待审核'],
    ]);
    const accepted = await readSheet(
      (await get('kb-editor', '/api/kb/contributions/export.xlsx?status=accepted')).rawPayload,
    );
    expect(accepted.rows).toEqual([]);
    expect((await get('handler', '/api/kb/contributions/export.xlsx')).statusCode).toBe(403);

    const queue = await readSheet(
      (await get('dispatcher', '/api/service-numbers/applications/export.xlsx?status=pending')).rawPayload,
    );
    expect(queue.rows.map((r) => [r[1], r[2], r[9]])).toEqual([['开通', '0871-65128811', '待审核']]);
    const all = await readSheet(
      (await get('dispatcher', '/api/service-numbers/applications/export.xlsx')).rawPayload,
    );
    expect(all.rows.map((r) => r[2]).sort()).toEqual(['0871-65128800', '0871-65128811']);
  });

  it('semi-annual reviews: the period of the screen, with the changes that took effect in it', async () => {
    await post('dispatcher', '/api/service-numbers/reviews', { period: '2027-H1', dueDate: '2027-03-31' });
    const unitName = (
      await t.ctx.db
        .selectFrom('org_unit')
        .select('name')
        .where('code', '=', 'YC-RSJ')
        .executeTakeFirstOrThrow()
    ).name;
    const res = await get('dispatcher', '/api/service-numbers/reviews/export.xlsx?period=2027-H1');
    const reviews = await readSheet(res.rawPayload);
    expect(reviews.header.slice(0, 6)).toEqual(['周期', '单位', '截止时间', '本期变化', '变化明细', '状态']);
    // The number approved above takes effect on 21 January 2027, within January-June.
    expect(reviews.rows.find((r) => r[1] === unitName)?.slice(0, 6)).toEqual([
      '2027-H1',
      unitName,
      '2027-03-31 23:59',
      1,
      '2027-01-21 开通 0871-65128800 社保咨询服务电话',
      '待报告',
    ]);
    const other = await readSheet(
      (await get('handler2', '/api/service-numbers/reviews/export.xlsx')).rawPayload,
    );
    expect(other.rows.find((r) => r[1] === unitName)).toBeUndefined();
  });

  it('incidents: the status filter of the screen', async () => {
    const open = await readSheet(
      (await get('dispatcher', '/api/incidents/export.xlsx?status=open')).rawPayload,
    );
    expect(open.rows.map((r) => [r[0], r[1], r[3]])).toEqual([
      ['东城区停水事件', '处置中', '2026-12-07 08:30'],
    ]);
    const closed = await readSheet(
      (await get('dispatcher', '/api/incidents/export.xlsx?status=closed')).rawPayload,
    );
    expect(closed.rows).toEqual([]);
  });

  it('users and units: the administration tabs with their search', async () => {
    const users = await readSheet(
      (await get('admin', '/api/admin/users/export.xlsx?q=dispatcher-dc')).rawPayload,
    );
    expect(users.rows.map((r) => [r[0], r[4]])).toEqual([['dispatcher-dc', '启用']]);
    expect((await get('dispatcher', '/api/admin/users/export.xlsx')).statusCode).toBe(403);
    const everyone = await readSheet((await get('admin', '/api/admin/users/export.xlsx')).rawPayload);
    const count = await sql<{ n: string }>`select count(*) as n from app_user`.execute(t.ctx.db);
    expect(everyone.rows).toHaveLength(Number(count.rows[0]?.n));

    const units = await readSheet((await get('admin', '/api/units/export.xlsx?q=YC-RSJ')).rawPayload);
    const expected = await sql<{ code: string }>`
      select code from org_unit where code ilike '%YC-RSJ%' or name ilike '%YC-RSJ%' order by path`.execute(
      t.ctx.db,
    );
    expect(units.rows.map((r) => r[0])).toEqual(expected.rows.map((r) => r.code));
    expect(units.rows.length).toBeGreaterThan(1);
  });
});
