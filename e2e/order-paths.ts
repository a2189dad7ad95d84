// Browser tests of the other ways an order goes: an unsatisfied callback sent back for redo, a return
// re-dispatched to another unit, an extension approved, a district sub-platform re-dispatching.
import type { TicketDetail } from './api-types';
import { assert, type Test } from './harness';
import type { Suite } from './suite';
import { expectStatus, item, openAction, pickTreeUnit, submitModal, textOf, waitUntil } from './ui';

export function registerOrderPathTests(test: Test, h: Suite): void {
  test('callback: an unsatisfied callback goes to review and the order is sent back for redo', async () => {
    const t = await h.dispatchedOrder('单位未按时发放加班费。', '010201', '市人力资源和社会保障局');
    await h.api().post('handler', `/api/tickets/${t.id}/actions/accept`, {});
    await h.api().post('handler', `/api/tickets/${t.id}/actions/reply`, {
      result: '已督促单位发放。',
      contacted: true,
    });
    await h.api().post('dispatcher', `/api/tickets/${t.id}/actions/approve-reply`, {});
    const page = await h.as('callback');
    const row = page.locator('tr', { hasText: t.ticketNo });
    await h.visit(page, `/callback?tab=callback&q=${t.ticketNo}`, row, 'callback queue (unsatisfied)');
    await row.click();
    const drawer = page.locator('.ant-drawer-body');
    const modal = await openAction(drawer, 'record-callback');
    await item(modal, '联系到诉求人').getByText('已联系到', { exact: true }).click();
    await item(modal, '承办单位联系过').getByText('否', { exact: true }).click();
    await item(modal, '过程满意度').getByText('基本满意', { exact: true }).click();
    await item(modal, '结果满意度').getByText('不满意', { exact: true }).click();
    await modal.locator('#note').fill('诉求人表示加班费仍未到账');
    await submitModal(page, modal);
    await expectStatus(drawer, '不满意待研判');
    const redo = await openAction(drawer, 'redo');
    await redo.locator('#reason').fill('诉求合理，承办单位未实际解决');
    await submitModal(page, redo);
    await expectStatus(drawer, '办理中');
    await drawer.locator('.event-item[data-event="redo"]').getByText('诉求合理').waitFor();
  });

  test('return: handler requests a return, dispatcher approves and re-dispatches to 市住房和城乡建设局', async () => {
    const t = await h.dispatchedOrder(
      '小区物业长期不清运垃圾，楼道堆满杂物。',
      '020201',
      '市人力资源和社会保障局',
    );
    h.state.returnId = t.id;
    const handler = await h.as('handler', { timezoneId: 'UTC' });
    await h.visit(
      handler,
      `/tickets/${t.id}`,
      handler.getByTestId('ticket-status'),
      'ticket detail (return)',
    );
    const modal = await openAction(handler, 'request-return');
    await modal.locator('#reason').fill('物业服务不属于本单位职责');
    await modal.locator('#basis').fill('《云川市物业管理条例》第五条');
    await pickTreeUnit(handler, 'suggestedUnitId', '住房和城乡', '市住房和城乡建设局');
    await submitModal(handler, modal);
    await handler.getByTestId('ticket-status').getByText('回退申请待审').waitFor();

    const page = await h.as('dispatcher');
    const row = page.locator('tr', { hasText: t.ticketNo });
    await h.visit(page, `/dispatch?tab=requests&q=${t.ticketNo}`, row, 'requests queue');
    assert((await row.innerText()).includes('回退申请待审'), 'the queue marks the pending return');
    await row.click();
    const drawer = page.locator('.ant-drawer-body');
    await drawer
      .locator('.event-item[data-event="request-return"]')
      .getByText('市住房和城乡建设局')
      .waitFor();
    await submitModal(page, await openAction(drawer, 'approve-return'));
    await expectStatus(drawer, '待派单');
    const dispatch = await openAction(drawer, 'dispatch');
    await pickTreeUnit(page, 'unitId', '住房和城乡', '市住房和城乡建设局');
    await submitModal(page, dispatch);
    await expectStatus(drawer, '待签收');
    await h.shot(page, '10-return-redispatched');

    const handler2 = await h.as('handler2');
    const row2 = handler2.locator('tr', { hasText: t.ticketNo });
    await h.visit(handler2, '/inbox', row2, 'inbox (handler2)');
    assert((await row2.innerText()).includes('待签收'), 'handler2 sees the order to sign for');
    await handler.goto(`${h.base()}/inbox`);
    await handler.locator('.ant-table').waitFor();
    await handler.waitForTimeout(300);
    assert(
      (await handler.locator('tr', { hasText: t.ticketNo }).count()) === 0,
      'the returning unit no longer has it',
    );
  });

  test('extension: a too-long request shows the server error and keeps the form; 3 WD approved moves the deadline', async () => {
    const t = await h.dispatchedOrder('申请失业保险金审核进度缓慢。', '010103', '市人力资源和社会保障局');
    h.state.extId = t.id;
    await h.api().post('handler', `/api/tickets/${t.id}/actions/accept`, {});
    const page = await h.as('handler', { timezoneId: 'UTC' });
    await h.visit(page, `/tickets/${t.id}`, page.getByTestId('handle-by'), 'ticket detail (extension)');
    const before = await textOf(page.getByTestId('handle-by'));
    assert(before.includes('2026-11-30 23:59'), `deadline before: ${before}`);
    const modal = await openAction(page, 'request-extension');
    await modal.locator('#workingDays').fill('10');
    await modal.locator('#reason').fill('需协调社保经办机构核查缴费记录');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await modal.locator('.ant-alert-error').getByText('不得超过').waitFor();
    assert(
      (await modal.locator('#reason').inputValue()).includes('核查缴费记录'),
      'reason kept after the error',
    );
    await h.shot(page, '11-extension-error');
    await modal.locator('#workingDays').fill('3');
    await submitModal(page, modal);
    await page.getByTestId('ticket-status').getByText('延期申请待审').waitFor();

    const dispatcher = await h.as('dispatcher');
    const row = dispatcher.locator('tr', { hasText: t.ticketNo });
    await h.visit(dispatcher, `/dispatch?tab=requests&q=${t.ticketNo}`, row, 'requests queue (extension)');
    await row.click();
    const drawer = dispatcher.locator('.ant-drawer-body');
    const approve = await openAction(drawer, 'approve-extension');
    assert(
      (await approve.locator('#workingDays').inputValue()) === '3',
      'approval defaults to the requested days',
    );
    await submitModal(dispatcher, approve);
    await waitUntil(
      async () => !(await textOf(drawer.getByTestId('ticket-status'))).includes('延期申请待审'),
      'extension decided',
    );

    await page.reload();
    await waitUntil(
      async () => (await textOf(page.getByTestId('handle-by'))).includes('2026-12-03 23:59'),
      'deadline moved by 3 working days',
    );
    await page.locator('.event-item[data-event="approve-extension"]').getByText('原办理时限').waitFor();
    await h.shot(page, '12-extension-approved');
  });

  test('sub-platform: 东城区 dispatcher re-dispatches within the district; the street office receives it', async () => {
    const t = await h.api().post<TicketDetail>('agent', '/api/tickets', {
      type: 'help',
      category: '060101',
      caller: { name: '赵六', phone: '13600004444', confidential: true },
      location: { region: '东城区', address: '东湖路菜场' },
      content: '东湖路菜场门口垃圾桶满溢无人清运。',
    });
    await h.api().post('dispatcher', `/api/tickets/${t.id}/actions/dispatch`, {
      unitId: await h.unitId('东城区热线分中心'),
    });
    const page = await h.as('dispatcher-dc');
    const row = page.locator('tr', { hasText: t.ticketNo });
    await h.visit(page, `/dispatch?tab=requests&q=${t.ticketNo}`, row, 'sub-platform queue');
    await row.click();
    const drawer = page.locator('.ant-drawer-body');
    const modal = await openAction(drawer, 'dispatch');
    await page.locator('#unitId').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-tree-title');
    await options.first().waitFor();
    // The tree renders its titles a moment after the dropdown opens.
    let names: string[] = [];
    await waitUntil(
      async () => {
        names = await options.allInnerTexts();
        return names.includes('东城区东湖街道办事处');
      },
      `district units offered (${names.join(',')})`,
    );
    assert(!names.includes('市人力资源和社会保障局'), 'no units outside the district');
    await page.keyboard.press('Escape');
    await modal.getByTestId('unit-suggestion').filter({ hasText: '东城区东湖街道办事处' }).click();
    await submitModal(page, modal);
    await expectStatus(drawer, '待签收');
    await drawer.getByText('分平台转派').waitFor();

    const street = await h.as('handler-dc');
    const row2 = street.locator('tr', { hasText: t.ticketNo });
    await h.visit(street, '/inbox', row2, 'inbox (street office)');
    assert((await row2.innerText()).includes('保密'), 'a confidential caller is hidden from the unit');
    await h.shot(street, '13a-street-inbox');
  });
}
