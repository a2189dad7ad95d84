// Browser tests of service numbers (服务号码): a unit applies for a number, the center approves it;
// a complaint about a published number goes to the number's unit.
import type { ApplicationDto, TicketDetail, TicketPage } from './api-types';
import { assert, required, type Test } from './harness';
import type { Suite } from './suite';
import { submitIntake, waitUntil } from './ui';

export function registerServiceNumberTests(test: Test, h: Suite): void {
  test('service numbers: a unit applies for a number 45 days ahead; the center approves it', async () => {
    const unit = await h.as('unit-leader');
    await h.visit(
      unit,
      '/service-numbers?tab=applications',
      unit.getByRole('button', { name: '提交号码申请' }),
      'service numbers',
    );
    await unit.getByRole('button', { name: '提交号码申请' }).click();
    const form = unit.locator('.ant-modal:visible');
    await form.locator('#number').fill('0871-65129900');
    await form.locator('#name').fill('就业创业咨询电话');
    await form.locator('#dutyHours').fill('工作日 8:30-17:30');
    await form.locator('#duties').fill('就业创业政策咨询、投诉受理');
    await form.locator('#effectiveDate').click();
    await form.locator('#effectiveDate').fill('2027-06-01');
    await form.locator('#effectiveDate').press('Enter');
    await form.locator('.ant-modal-footer .ant-btn-primary').click();
    await unit.getByText('申请已提交，等待热线中心审核').first().waitFor();
    await form.waitFor({ state: 'hidden' });
    // The unit cannot approve its own application.
    const mine = unit.locator('tr', { hasText: '0871-65129900' });
    await mine.waitFor();
    assert((await mine.getByRole('button', { name: '通过' }).count()) === 0, 'no approval of its own');

    const center = await h.as('dispatcher');
    const row = center.locator('tr', { hasText: '0871-65129900' });
    await h.visit(center, '/service-numbers?tab=applications', row, 'service numbers');
    await row.getByRole('button', { name: '通过' }).click();
    // Approved, it leaves the queue of pending applications and is in the registry.
    await waitUntil(async () => (await row.count()) === 0, 'left the pending queue');
    const approved = await h
      .api()
      .get<{ items: ApplicationDto[] }>('dispatcher', '/api/service-numbers/applications?status=approved');
    assert(
      approved.items.some((a) => a.number === '0871-65129900'),
      'the application is approved',
    );
    await center.getByRole('tab', { name: '号码登记簿' }).click();
    await center.locator('tr', { hasText: '0871-65129900' }).first().waitFor();
    await h.shot(center, 'service-number-approved');
  });

  test("agent: a complaint about a published service number goes to the number's unit", async () => {
    const page = await h.as('agent');
    await h.visit(page, '/intake', page.locator('#callerName'), 'intake (number complaint)');
    await page.locator('#callerName').fill('黄蕾');
    await page.locator('#callerPhone').fill('13800002222');
    await page.locator('.intake-form').getByText('投诉', { exact: true }).click();
    await page.locator('#serviceNumberId').click();
    await page.keyboard.type('0871-12333');
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '0871-12333' })
      .first()
      .click();
    await page.locator('#numberComplaintKind').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '工作时间无人接听' })
      .first()
      .click();
    await page.locator('#region').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '东城区' }).click();
    await page.locator('#content').fill('工作日上午拨打人社服务热线，连续半小时无人接听。');
    const { no } = await submitIntake(page);
    const list = await h.api().get<TicketPage>('dispatcher', `/api/tickets?q=${no}`);
    const order = await h
      .api()
      .get<TicketDetail>('dispatcher', `/api/tickets/${required(list.items[0], 'the new order').id}`);
    assert(order.numberComplaint?.number === '0871-12333', 'the order names the number');
    assert(order.numberComplaint?.unitName === '市人力资源和社会保障局', "the number's unit");
    assert(order.category === '110202', 'filed as 服务号码不通');
    const desk = await h.as('dispatcher');
    await desk.goto(`${h.base()}/tickets/${order.id}`);
    await desk.getByTestId('number-complaint').waitFor();
    await h.shot(desk, 'number-complaint-detail');
  });
}
