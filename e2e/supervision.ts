// Browser tests of supervision: red orders on the board with their reminder slips, a written
// supervision, and the bell that brings the reminder slip to the handling unit.
import type { Clock, NotificationList, TicketDetail } from './api-types';
import { assert, required, type Test } from './harness';
import type { Suite } from './suite';
import { openAction, submitModal, waitUntil } from './ui';

export function registerSupervisionTests(test: Test, h: Suite): void {
  test('supervisor: red orders on the board with the reminder slip; supervising is recorded', async () => {
    const page = await h.as('supervisor');
    const extNo = (
      await h
        .api()
        .get<TicketDetail>('admin', `/api/tickets/${required(h.state.extId, 'the extended order')}`)
    ).ticketNo;
    const row = page.locator('tr', { hasText: extNo });
    await h.visit(page, `/supervision?tab=overdue&q=${extNo}`, row, 'supervision board');
    assert((await row.innerText()).includes('红灯'), 'the order is red');
    await h.shot(page, '19-supervision');
    await row.click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer.locator('.event-item[data-event="remind"]').first().waitFor();
    const modal = await openAction(drawer, 'supervise');
    await modal.locator('#note').fill('请于两个工作日内办结并书面说明超期原因');
    await submitModal(page, modal);
    await drawer.locator('.event-item[data-event="supervise"]').getByText('书面督办').first().waitFor();
    await h.shot(page, '20-supervise');
  });

  test('bell: a reminder slip reaches the handling unit; clicking it opens the order and marks it read', async () => {
    const { now } = await h.api().get<Clock>('admin', '/api/admin/clock');
    const t = await h.dispatchedOrder('社保卡补办两个月仍未收到新卡。', '010103', '市人力资源和社会保障局');
    // Three weeks later the order is red: the sweep issues the reminder slip (催办单, zibo-12345 §12).
    await h.api().post('admin', '/api/admin/clock', {
      now: new Date(new Date(now).getTime() + 21 * 86_400_000).toISOString(),
    });
    await h.api().post('admin', '/api/admin/sweep');
    try {
      const page = await h.as('handler');
      await page.goto(`${h.base()}/`);
      const bell = page.getByTestId('notification-bell');
      await bell.waitFor();
      await bell.click();
      const list = page.getByTestId('notification-list');
      const slip = list.locator('.ant-list-item', { hasText: t.ticketNo }).filter({ hasText: '催办单' });
      await waitUntil(async () => (await slip.count()) > 0, 'the reminder slip in the bell');
      await h.shot(page, '21-bell-reminder');
      await slip.first().click();
      await page.waitForURL(`**/tickets/${t.id}`);
      await page.getByTestId('ticket-status').first().waitFor();
      const mine = await h.api().get<NotificationList>('handler', '/api/notifications?limit=50');
      const read = mine.items.find((n) => n.ticketId === t.id && n.kind === 'reminder');
      assert(read?.readAt, 'the reminder is marked read');
      // The caller's intake message is in the administrator's message log, the number masked.
      const admin = await h.as('admin');
      const logRow = admin.locator('tr', { hasText: t.ticketNo }).filter({ hasText: '*******2222' });
      await h.visit(admin, '/admin?tab=messages', admin.getByText('短信记录'), 'admin messages');
      await logRow.first().waitFor();
      await h.shot(admin, '22-admin-messages');
    } finally {
      await h.api().post('admin', '/api/admin/clock', { now });
    }
  });
}
