// Browser tests of 导出Excel on the list screens beyond the order list: supervision records, the
// knowledge base's policy notices, franchise enterprises and the leader's call figures.
import { plainText } from '../common/plain-text';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { assert, type Test } from './harness';
import type { Suite } from './suite';

interface SheetHead {
  name: string;
  header: string[];
}

async function sheetsOf(file: string): Promise<SheetHead[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const values = ws.getRow(1).values;
    return { name: ws.name, header: Array.isArray(values) ? values.slice(1).map(plainText) : [] };
  });
}

/** Clicks the 导出Excel button inside `scope` and returns the saved workbook's sheets and name. */
export async function download(
  page: Page,
  scope: Locator,
  artifacts: string,
  name: string,
): Promise<{ sheets: SheetHead[]; suggested: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name: '导出Excel' }).first().click(),
  ]);
  const saved = path.join(artifacts, name);
  await file.saveAs(saved);
  return { sheets: await sheetsOf(saved), suggested: file.suggestedFilename() };
}

/** Registers the tests; `h` is the suite (server, signed-in pages, the artifacts folder). */
export function registerExportListTests(test: Test, h: Suite): void {
  test('exports-lists: 导出Excel on supervision, policy notices, enterprises and call figures downloads workbooks', async () => {
    const base = h.base();
    const supervisor = await h.as('supervisor');
    await supervisor.goto(`${base}/supervision`);
    await supervisor.getByRole('tab', { name: '督办记录' }).waitFor();
    const records = await download(
      supervisor,
      supervisor.locator('.app-content'),
      h.artifacts,
      'exports-supervision.xlsx',
    );
    assert(/^督办记录.*\.xlsx$/.test(records.suggested), `file name: ${records.suggested}`);
    assert(records.sheets[0]?.header[0] === '答复状态', `header: ${records.sheets[0]?.header.join(',')}`);
    await supervisor.screenshot({ path: path.join(h.artifacts, 'exports-supervision.png') });

    const editor = await h.as('kb-editor');
    await editor.goto(`${base}/kb?tab=notices`);
    await editor.getByTestId('kb-policy-notices').waitFor();
    const notices = await download(
      editor,
      editor.getByTestId('kb-policy-notices'),
      h.artifacts,
      'exports-notices.xlsx',
    );
    assert(/^政策发布登记.*\.xlsx$/.test(notices.suggested), `file name: ${notices.suggested}`);
    assert(notices.sheets[0]?.header[0] === '发布单位', `header: ${notices.sheets[0]?.header.join(',')}`);
    await editor.screenshot({ path: path.join(h.artifacts, 'exports-kb-notices.png') });

    const dispatcher = await h.as('dispatcher');
    await dispatcher.goto(`${base}/enterprises`);
    await dispatcher.getByTestId('enterprise-table').waitFor();
    const enterprises = await download(
      dispatcher,
      dispatcher.locator('.app-content'),
      h.artifacts,
      'exports-enterprises.xlsx',
    );
    assert(/^加盟企业.*\.xlsx$/.test(enterprises.suggested), `file name: ${enterprises.suggested}`);
    const header = enterprises.sheets[0]?.header ?? [];
    assert(header[0] === '企业名称' && header.includes('联系电话'), `header: ${header.join(',')}`);
    await dispatcher.screenshot({ path: path.join(h.artifacts, 'exports-enterprises.png') });

    const leader = await h.as('leader');
    await leader.goto(`${base}/`);
    const card = leader.getByTestId('call-figures');
    await card.waitFor();
    const calls = await download(leader, card, h.artifacts, 'exports-calls.xlsx');
    assert(/^话务统计.*\.xlsx$/.test(calls.suggested), `file name: ${calls.suggested}`);
    const names = calls.sheets.map((s) => s.name).join(',');
    assert(names === '话务汇总,按小时,按日,按话务员,按队列', `sheets: ${names}`);
    await card.screenshot({ path: path.join(h.artifacts, 'exports-calls.png') });
  });
}
