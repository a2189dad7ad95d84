// Browser test of the telephone system's screen pop: an answered call opens the intake desk of
// the agent who answered it, with the caller's number and earlier orders; the order it creates
// shows its call.
import path from 'node:path';
import type { TicketDetail, TicketPage } from './api-types';
import { assert, required, type Test } from './harness';
import type { Suite } from './suite';
import { submitIntake } from './ui';

/** Registers the screen-pop test on the runner; `h` is the suite (server, API, signed-in pages). */
export function registerCtiTests(test: Test, h: Suite): void {
  test('cti: an answered call pops the intake desk for that agent with the caller and their orders', async () => {
    const api = h.api();
    const base = h.base();
    const phone = '13700005555';
    const earlier = await api.post<TicketDetail>('agent', '/api/tickets', {
      type: 'consult',
      caller: { name: '李四', phone, confidential: false },
      content: '咨询社保卡补办需要带哪些材料。',
    });
    // The administrator creates the telephone system's key; it is shown once.
    const admin = await h.as('admin');
    await admin.goto(`${base}/admin?tab=api-keys`);
    await admin.getByRole('button', { name: '新建密钥' }).click();
    const form = admin.locator('.ant-modal:visible');
    await form.locator('#name').fill('呼叫中心话务系统');
    await form.getByText('电话系统（CTI）').click();
    await form.locator('.ant-modal-footer .ant-btn-primary').click();
    const shown = admin.getByTestId('created-api-key');
    await shown.waitFor();
    const key = await shown.inputValue();
    assert(/^cl_/.test(key), `a key: ${key}`);
    await admin.screenshot({ path: path.join(h.artifacts, 'cti-api-key-created.png') });
    await admin.getByRole('button', { name: '我已保存' }).click();
    await admin.locator('tr', { hasText: '呼叫中心话务系统' }).waitFor();
    assert(!(await admin.content()).includes(key), 'the key is not shown again');
    const event = async (body: { callId: string; type: string; [field: string]: string }) => {
      const r = await fetch(`${base}/api/cti/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify(body),
      });
      assert(r.ok, `event ${body.type}: ${r.status} ${await r.text()}`);
    };

    const page = await h.as('agent');
    // A fresh load: wait until the workbench holds its screen-pop stream.
    await page.goto(`${base}/`);
    await page.locator('html[data-call-pop="open"]').waitFor({ state: 'attached' });

    const callId = `e2e-${Date.now()}`;
    const now = new Date().toISOString();
    await event({ callId, type: 'offered', at: now, caller: phone, queue: '综合' });
    await event({ callId, type: 'answered', at: now, agent: 'agent' });

    await page.waitForURL(/\/intake/);
    await h.waitUntil(
      async () => (await page.locator('#callerPhone').inputValue()) === phone,
      'the caller’s number',
    );
    await page.getByTestId('intake-call').getByText(callId).waitFor();
    await page.getByTestId('caller-history').getByText(earlier.ticketNo).waitFor();
    await page.screenshot({ path: path.join(h.artifacts, 'cti-screen-pop.png') });

    await page.locator('#content').fill('咨询社保卡补办进度，已提交材料一周。');
    const { no } = await submitIntake(page);
    const list = await api.get<TicketPage>('agent', `/api/tickets?q=${no}`);
    await page.goto(`${base}/tickets/${required(list.items[0], 'the new order').id}`);
    const line = page.getByTestId('order-call');
    await line.waitFor();
    const text = await line.innerText();
    assert(text.includes(phone) && text.includes(callId), `the order's call: ${text}`);

    // The leader's desk shows the day's call figures.
    const leader = await h.as('leader');
    await leader.goto(`${base}/`);
    const card = leader.getByTestId('call-figures');
    await card.getByText('10秒接通率').waitFor();
    await card.getByTestId('line-chart').locator('canvas').waitFor();
    await h.waitUntil(async () => (await card.innerText()).includes('%'), 'the rates of the day');
    await leader.screenshot({ path: path.join(h.artifacts, 'cti-leader-calls.png') });
    const errors = h.pageErrors();
    assert(errors.length === 0, `page errors:\n${errors.join('\n')}`);
  });
}
