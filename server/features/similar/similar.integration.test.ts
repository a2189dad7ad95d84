import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { similarResponse, type SimilarResponse } from '../../../common/contracts/intake-assist';
import { createTestApp, type TestApp } from '../../test/test-app';
import { sampleOrder, ticketApi } from '../../test/ticket-helpers';

const streetLight = {
  ...sampleOrder,
  category: '010101',
  caller: { name: '李建国', phone: '13900001111', address: '东城区东湖路18号2栋', confidential: false },
  location: { address: '东城区东湖路18号小区门口', region: '东城区' },
  content:
    '东湖路18号小区门口的路灯已经坏了一个多月，晚上一片漆黑。老人孩子出行很不安全，上周还有人摔倒了。多次向物业反映，一直没有人管。希望有关部门尽快派人修复路灯。',
  demand: '尽快修复路灯',
};
/** The same matter retold by another caller: other opening, sentences reordered, one dropped. */
const retold = {
  ...streetLight,
  caller: { name: '赵敏', phone: '13700002222', address: '东城区东湖路20号', confidential: false },
  content:
    '你好，我要反映个事情。希望有关部门尽快派人修复路灯。东湖路18号小区门口的路灯已经坏了一个多月，晚上一片漆黑。多次向物业反映，一直没有人管。',
};
/** Same topic (street lights), another matter and place. */
const otherLight = {
  ...streetLight,
  caller: { name: '钱多多', phone: '13600003333', address: '西城区西山路5号', confidential: false },
  location: { address: '西城区西山路菜市场', region: '西城区' },
  content:
    '西山路菜市场旁边的几盏路灯白天也一直亮着，从早到晚不关，浪费电。请城管部门检查一下路灯的开关控制线路。',
};
const pension = {
  ...sampleOrder,
  category: '010101',
  caller: { name: '孙丽', phone: '13500004444', address: '东城区湖滨路3号', confidential: false },
  location: { address: '东城区湖滨路3号', region: '东城区' },
  content:
    '我去年办理了退休手续，但是养老金到现在还没有发放，社保经办机构说材料还在审核，已经等了五个月。请求尽快核发养老金并说明原因。',
  demand: '尽快发放养老金',
};

/** Similar orders (重复件) and merging a repeat into an order already with a unit. */
describe('similar orders', () => {
  let t: TestApp;
  let api: ReturnType<typeof ticketApi>;
  let rsj: number;
  let zjj: number;
  const similar = async (id: number, user: string): Promise<SimilarResponse> => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${id}/similar`,
      headers: await t.as(user),
    });
    expect(res.statusCode, res.body).toBe(200);
    return similarResponse.parse(res.json());
  };
  beforeAll(async () => {
    t = await createTestApp({ now: '2026-12-01T09:00:00+08:00' });
    api = ticketApi(t);
    rsj = await t.unitId('YC-RSJ');
    zjj = await t.unitId('YC-ZJJ');
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds a retold order first and flags it; another matter on the topic is not flagged; scope by unit; merge after dispatch', async () => {
    const original = await api.create(streetLight);
    const other = await api.create(otherLight);
    const repeat = await api.create(retold);

    const found = await similar(repeat.id, 'dispatcher');
    expect(found.items[0]).toMatchObject({ ticketId: original.id, likelyDuplicate: true, closed: false });
    expect(found.items[0]?.reason).toContain('内容');
    expect(found.items.find((i) => i.ticketId === other.id)?.likelyDuplicate ?? false).toBe(false);
    expect(found.items.some((i) => i.ticketId === repeat.id)).toBe(false);
    // The summary withholds the caller's data.
    expect(JSON.stringify(found)).not.toContain(streetLight.caller.phone);

    // Scope: the original goes to 人社局; a 住建局 handler never sees it among similar orders.
    await api.ok('dispatcher', original.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', original.id, 'accept');
    const own = await api.create({ ...retold, caller: { ...retold.caller, phone: '13700005555' } });
    await api.ok('dispatcher', own.id, 'dispatch', { unitId: zjj });
    expect((await similar(own.id, 'handler2')).items.some((i) => i.ticketId === original.id)).toBe(false);
    const forCenter = (await similar(own.id, 'dispatcher')).items;
    expect(forCenter.find((i) => i.ticketId === original.id)?.likelyDuplicate).toBe(true);

    // Merge the repeat into the original, which is already in progress at 人社局.
    const merged = await api.ok('dispatcher', repeat.id, 'merge', { intoTicketId: original.id });
    expect(merged).toMatchObject({ status: 'merged', mergedIntoId: original.id });
    const seenByUnit = await api.get(original.id, 'handler');
    expect(seenByUnit.mergedRepeats).toHaveLength(1);
    // The unit contacts callers of the order it handles: phone shown, name masked (SPEC §9).
    expect(seenByUnit.mergedRepeats?.[0]).toMatchObject({
      ticketId: repeat.id,
      caller: { phone: retold.caller.phone, name: '赵*', masked: true },
    });
    const audited = await t.handle.db
      .selectFrom('audit_log')
      .select(['actor_username', 'details'])
      .where('target_id', '=', String(repeat.id))
      .where('action', '=', 'read-caller')
      .execute();
    // The unit read the repeat's caller through the order it handles: audited as a read of it.
    expect(audited.filter((a) => a.actor_username === 'handler')).toEqual([
      { actor_username: 'handler', details: { mergedInto: original.id } },
    ]);
    // Orders merged into it are not listed as similar to it.
    expect((await similar(original.id, 'dispatcher')).items.some((i) => i.ticketId === repeat.id)).toBe(
      false,
    );
    // Counted once: the unit's assessment facts hold the original only.
    const facts = await t.handle.db
      .selectFrom('ticket_fact')
      .select(['ticket_id', 'unit_id'])
      .where('ticket_id', 'in', [original.id, repeat.id])
      .execute();
    expect(facts.map((f) => [Number(f.ticket_id), Number(f.unit_id)])).toEqual([[original.id, rsj]]);
  });

  it('flags a matter closed on the same facts, and a caller repeating it for the supervisor', async () => {
    // Handled by 人社局 and closed after a satisfied callback.
    const first = await api.create(pension);
    await api.ok('dispatcher', first.id, 'dispatch', { unitId: rsj });
    await api.ok('handler', first.id, 'accept');
    await api.ok('handler', first.id, 'reply', { result: '已核发养老金并电话告知。', contacted: true });
    await api.ok('dispatcher', first.id, 'approve-reply');
    expect(
      (
        await api.ok('callback', first.id, 'record-callback', {
          reached: true,
          contactedByUnit: true,
          processSatisfaction: 'satisfied',
          resultSatisfaction: 'satisfied',
        })
      ).status,
    ).toBe('closed');

    // The same caller again, in other words and under another category: still the same matter.
    const again = await api.create({
      ...pension,
      category: '010201',
      content:
        '您好。已经等了五个月，我去年办理了退休手续，但是养老金到现在还没有发放。请求尽快核发养老金并说明原因。',
    });
    const one = await similar(again.id, 'dispatcher');
    expect(one.items[0]).toMatchObject({ ticketId: first.id, closed: true, likelyDuplicate: true });
    expect(one.items[0]?.reason).toContain('已办结的相同诉求');
    expect(one.repeatedClosedMatter).toBe(false);
    // zibo-12345 §15(2): the closed order's unit is supervised for the repeat (any category).
    const sup = await t.handle.db
      .selectFrom('supervision')
      .select(['ticket_id', 'unit_id', 'mode'])
      .where('ticket_id', '=', first.id)
      .execute();
    expect(sup).toEqual(
      [{ ticket_id: first.id, unit_id: rsj, mode: 'system' }].map((s) => expect.objectContaining(s)),
    );

    const third = await api.create({
      ...pension,
      content:
        '我要反映养老金的问题。我去年办理了退休手续，但是养老金到现在还没有发放，社保经办机构说材料还在审核。',
    });
    expect((await similar(third.id, 'dispatcher')).repeatedClosedMatter).toBe(true);
  });
});
