// Browser tests of the Excel exports (导出Excel on the list and statistics screens) and an
// Open311 round trip over real HTTP.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { plainText } from '../common/plain-text';
import { assert, type Test } from './harness';
import type { Suite } from './suite';

async function headerOf(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  assert(ws, 'a worksheet');
  const values = ws.getRow(1).values;
  assert(Array.isArray(values), 'the header row as a list');
  return values.slice(1).map(plainText);
}

/** Clicks 导出Excel on `page` and returns the saved workbook's path and suggested name. */
async function exportFrom(
  page: Page,
  artifacts: string,
  name: string,
): Promise<{ file: string; suggested: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).first().click(),
  ]);
  const file = path.join(artifacts, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/** Registers the export and Open311 tests; `h` is the suite (server, API, signed-in pages). */
export function registerOpen311Tests(test: Test, h: Suite): void {
  test('open311 exports: 导出Excel on the order list and the statistics screen downloads a workbook', async () => {
    const base = h.base();
    const dispatcher = await h.as('dispatcher');
    await dispatcher.goto(`${base}/tickets`);
    await dispatcher.locator('.ant-table-row').first().waitFor();
    const list = await exportFrom(dispatcher, h.artifacts, 'export-tickets.xlsx');
    assert(/^工单列表.*\.xlsx$/.test(list.suggested), `file name: ${list.suggested}`);
    const header = await headerOf(list.file);
    assert(header[0] === '工单编号' && header.includes('联系电话'), `header: ${header.join(',')}`);

    const leader = await h.as('leader');
    await leader.goto(`${base}/statistics`);
    await leader.getByText('受理总量').waitFor();
    const stats = await exportFrom(leader, h.artifacts, 'export-intake.xlsx');
    assert(/^受理量统计.*\.xlsx$/.test(stats.suggested), `file name: ${stats.suggested}`);
    const statsHeader = await headerOf(stats.file);
    assert(statsHeader[1] === '受理量', `header: ${statsHeader.join(',')}`);
    await leader.screenshot({ path: path.join(h.artifacts, 'export-statistics.png') });
  });

  test('open311: a form-encoded request becomes an order and is public without personal data', async () => {
    const base = h.base();
    const api = h.api();
    const { key } = await api.post<{ key: string }>('admin', '/api/admin/api-keys', {
      name: '随手拍',
      scopes: ['open311'],
    });
    const res = await fetch(`${base}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: key,
        service_code: '050301',
        address_string: '东城区东湖路与青年路交叉口',
        'attribute[damage_type]': 'pothole',
        phone: '13812340000',
        description: '路口有大坑，电话 13812340000',
      }).toString(),
    });
    const text = await res.text();
    assert(res.status === 201, `POST: ${res.status} ${text}`);
    const [created] = JSON.parse(text) as { service_request_id: string }[];
    assert(created, `POST answered no request: ${text}`);
    const one = await fetch(`${base}/open311/v2/requests/${created.service_request_id}.xml`);
    const xml = await one.text();
    assert(one.headers.get('content-type')?.startsWith('text/xml'), 'xml');
    assert(xml.includes('<status>open</status>') && !xml.includes('13812340000'), xml);
  });
}
