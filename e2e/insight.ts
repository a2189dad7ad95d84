// Browser tests of the leader's insight: the wall screen (/bigscreen at 1920×1080), the leader's
// home with trend, forecast, hot topics and red lights, and the knowledge base's policy-notice and
// contribution review tabs. Screenshots: bigscreen.png, leader-home-hot.png, kb-*.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { assert, type Test } from './harness';
import type { Suite } from './suite';

/** Registers the insight tests on the runner; `h` is the suite (server, API, browser, pages). */
export function registerInsightTests(test: Test, h: Suite): void {
  const shot = async (page: Page, name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(h.artifacts, `${name}.png`) });
  };

  test('insight: a burst of orders about 停水 shows as a hot topic on the big screen at 1920×1080', async () => {
    const api = h.api();
    // Eight orders today about a water outage in one estate: a burst against the demo history.
    for (let i = 0; i < 8; i++) {
      await api.post('agent', '/api/tickets', {
        channel: 'phone',
        type: 'complaint',
        caller: { name: `居民${i}`, phone: `1390000${String(1000 + i)}`, confidential: false },
        location: { address: '东城区东湖花园', region: '东城区' },
        content: `东城区东湖花园${i + 1}号楼停水一整天了，没有提前通知，请尽快恢复供水。`,
      });
    }
    const context = await h.browser().newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    h.watchErrors(page, 'leader (bigscreen)');
    await page.goto(`${h.base()}/login?next=${encodeURIComponent('/bigscreen')}`);
    await page.locator('#username').fill('leader');
    await page.locator('#password').fill('demo');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bigscreen/);
    await page.getByTestId('bigscreen-today').waitFor();
    await page.getByTestId('bigscreen-map').locator('canvas').waitFor();
    await page.getByTestId('bigscreen-trend').locator('canvas').waitFor();
    const hot = page.getByTestId('bigscreen-hot-topics');
    await hot.waitFor();
    assert((await hot.innerText()).includes('停水'), `停水 among the hot topics: ${await hot.innerText()}`);
    // No menu, no frame: the wall shows only the screen.
    assert((await page.locator('.ant-layout-sider').count()) === 0, 'no back-office menu on the big screen');
    await shot(page, 'bigscreen');
    await context.close();
  });

  test('insight: the leader home shows the trend with its forecast error, hot topics and red lights', async () => {
    const page = await h.as('leader');
    await page.goto(`${h.base()}/`);
    await page.getByTestId('leader-trend').locator('canvas').waitFor();
    const hot = page.getByTestId('leader-hot-topics');
    await h.waitUntil(
      async () => (await hot.innerText()).includes('停水'),
      '停水 in the leader’s hot topics',
    );
    await page.getByTestId('leader-red-lights').waitFor();
    await page.getByTestId('leader-red-lights').scrollIntoViewIfNeeded();
    await page.getByTestId('leader-trend').scrollIntoViewIfNeeded();
    await shot(page, 'leader-home-hot');
  });

  test('insight: the knowledge base registers a policy notice and reviews a citizen contribution', async () => {
    const base = h.base();
    // A citizen sends an answer in through the public channel.
    const r = await fetch(`${base}/api/public/kb/contributions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '小区停水后如何申请临时供水',
        question: '小区计划停水超过24小时怎么办？',
        answer: '可联系供水公司客服申请临时送水车，并关注物业公告的恢复时间。',
        contributorType: 'citizen',
        contributorName: '张先生',
      }),
    });
    assert(r.status === 201, `contribution: ${r.status} ${await r.text()}`);
    const page = await h.as('kb-editor');
    await page.goto(`${base}/kb?tab=notices`);
    const notices = page.getByTestId('kb-policy-notices');
    await notices.waitFor();
    await page.getByRole('button', { name: '登记新发布政策' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.locator('#title').fill('关于调整城乡居民医保缴费标准的通知');
    await modal.locator('#documentNo').fill('云医保发〔2026〕8号');
    await modal.locator('#announcedOn').fill('2026-11-16');
    await modal.locator('#announcedOn').press('Enter');
    await modal.getByRole('button', { name: '登记' }).click();
    const row = notices.locator('tr', { hasText: '关于调整城乡居民医保缴费标准的通知' });
    await row.waitFor();
    // Announced Monday 2026-11-16: 5 working days → due Monday 2026-11-23 (today): still open.
    assert((await row.innerText()).includes('2026-11-23'), `due date: ${await row.innerText()}`);
    await shot(page, 'kb-policy-notices');

    await page.goto(`${base}/kb?tab=contributions`);
    const list = page.getByTestId('kb-contributions');
    const item = list.locator('tr', { hasText: '小区停水后如何申请临时供水' });
    await item.waitFor();
    await shot(page, 'kb-contributions');
    await item.getByRole('button', { name: '采纳', exact: true }).click();
    await page.getByText('已采纳，生成知识条目草稿').waitFor();
    await h.waitUntil(
      async () => (await item.count()) === 0,
      'the accepted contribution leaves the pending list',
    );
  });
}
