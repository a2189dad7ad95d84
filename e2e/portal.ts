// Browser test of the citizen portal on a phone-sized screen: a request with a photo, its number
// and tracking code, the unit's reply read with them, and the citizen's rating.
import path from 'node:path';
import zlib from 'node:zlib';
import type { AttachmentDto, CitizenRatingView, TicketPage } from './api-types';
import { assert, type Test } from './harness';
import type { Suite } from './suite';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A real 96×64 PNG: a grey road with a dark manhole, drawn row by row. */
export function makePng(width = 96, height = 64) {
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const hole = (x - width / 2) ** 2 + (y - height / 2) ** 2 < (height / 4) ** 2;
      const v = hole ? 40 : 150 + ((x + y) % 7) * 5;
      row[1 + x * 3] = v;
      row[2 + x * 3] = v;
      row[3 + x * 3] = hole ? 40 : v + 10;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Registers the portal test on the runner; `h` is the suite (server, API, browser). */
export function registerPortalTests(test: Test, h: Suite): void {
  test('portal: on a phone a citizen submits with a photo, tracks the reply and rates it', async () => {
    const base = h.base();
    const api = h.api();
    const context = await h.browser().newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      h.watchErrors(page, 'citizen@390');
      await page.goto(`${base}/portal`);
      await page.getByRole('tab', { name: '我要反映' }).waitFor();
      await page
        .locator('#content')
        .fill('东城区东湖路18号小区南门的井盖破损多日，夜里有人踩空摔倒，请尽快修复。');
      await page.locator('#location').fill('东城区东湖路18号小区南门');
      await page.locator('#name').fill('赵敏');
      await page.locator('#phone').fill('13655550001');
      await page.locator('input[type=file]').setInputFiles({
        name: '井盖.png',
        mimeType: 'image/png',
        buffer: makePng(),
      });
      await page.locator('.ant-upload-list-item').first().waitFor();
      // Nothing runs wider than the phone's screen.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(wide <= 390, `the portal fits 390 px (scrollWidth ${wide})`);
      await page.screenshot({ path: path.join(h.artifacts, 'portal-form.png'), fullPage: true });
      await page.getByRole('button', { name: /提\s*交/ }).click();
      const noEl = page.getByTestId('ticket-no');
      await noEl.waitFor({ timeout: 60_000 });
      const ticketNo = (await noEl.innerText()).trim();
      const code = (await page.getByTestId('tracking-code').innerText()).trim();
      assert(/^\d+$/.test(ticketNo), `an order number: ${ticketNo}`);
      assert(/^[A-Z2-9]{8}$/.test(code), `a tracking code: ${code}`);
      await page.screenshot({ path: path.join(h.artifacts, 'portal-submit.png'), fullPage: true });

      // The center and the unit handle it on their desks (through the API here).
      const list = await api.get<TicketPage>('dispatcher', `/api/tickets?q=${ticketNo}&pageSize=5`);
      const order = list.items.find((i) => i.ticketNo === ticketNo);
      assert(order, `the order ${ticketNo} is in the dispatcher's list`);
      assert(order.channel === 'web', `channel web: ${order.channel}`);
      const files = await api.get<{ items: AttachmentDto[] }>(
        'dispatcher',
        `/api/tickets/${order.id}/attachments`,
      );
      assert(
        files.items.length === 1 &&
          files.items[0]?.source === 'portal' &&
          files.items[0].contentType === 'image/png',
        `the photo is attached: ${JSON.stringify(files.items)}`,
      );
      const unitId = await h.unitId('市住房和城乡建设局');
      await api.post('dispatcher', `/api/tickets/${order.id}/actions/dispatch`, {
        unitId,
        category: '010201',
        region: '东城区',
      });
      await api.post('handler2', `/api/tickets/${order.id}/actions/accept`, {});
      await api.post('handler2', `/api/tickets/${order.id}/actions/reply`, {
        result: '经现场核实，井盖已于当日更换为防坠落井盖，并设置了警示标志。',
        contacted: true,
      });
      await api.post('dispatcher', `/api/tickets/${order.id}/actions/approve-reply`, {});

      await page.getByRole('button', { name: '查询办理进度' }).click();
      await page.getByTestId('reply-text').waitFor();
      const reply = await page.getByTestId('reply-text').innerText();
      assert(reply.includes('井盖已于当日更换'), `the reply is shown: ${reply}`);
      const body = await page.locator('body').innerText();
      assert(
        !body.includes('13655550001') && !body.includes('赵敏'),
        'no personal data on the tracking page',
      );
      await page.getByText('满意', { exact: true }).click();
      await page.getByPlaceholder('意见或建议（可不填）').fill('处理很及时，谢谢！');
      await page.getByRole('button', { name: '提交评价' }).click();
      await page.getByText('您的评价：满意').waitFor();
      await page.screenshot({ path: path.join(h.artifacts, 'portal-track.png'), fullPage: true });
      const seen = await api.get<CitizenRatingView>('callback', `/api/tickets/${order.id}/citizen-rating`);
      assert(
        seen.rating?.rating === 'satisfied',
        `the callback desk sees the rating: ${JSON.stringify(seen)}`,
      );

      // The callback clerk sees the photo and the citizen's rating on the order (附件 card).
      const staff = await h.browser().newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      try {
        const desk = await staff.newPage();
        h.watchErrors(desk, 'callback@portal');
        await desk.goto(`${base}/login`);
        await desk.locator('#username').fill('callback');
        await desk.locator('#password').fill('demo');
        await desk.keyboard.press('Enter');
        await desk.getByTestId('current-user').waitFor();
        await desk.goto(`${base}/tickets/${order.id}`);
        const card = desk.getByTestId('attachments-card');
        await card.getByText('市民自评').waitFor();
        await card.getByText('市民上传').waitFor();
        await card.locator('img').first().waitFor();
        await card.screenshot({ path: path.join(h.artifacts, 'portal-staff-attachments.png') });
      } finally {
        await staff.close();
      }

      // The public knowledge base answers without signing in.
      await page.getByRole('tab', { name: '政策问答' }).click();
      await page.getByPlaceholder('输入问题关键词，如：社保转移、公积金提取').fill('社保');
      await page.keyboard.press('Enter');
      await page.locator('.ant-list-item').first().waitFor();
      await page.screenshot({ path: path.join(h.artifacts, 'portal-kb.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
}
