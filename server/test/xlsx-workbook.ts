import ExcelJS from 'exceljs';

/** Reading exported workbooks back in tests: each sheet's header row and data rows as values. */
export type Row = (string | number | null)[];
export interface Sheet {
  name: string;
  header: Row;
  rows: Row[];
}

export async function readWorkbook(body: Buffer): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const all: Row[] = [];
    ws.eachRow((row) => {
      const raw = row.values as unknown[];
      all.push(
        Array.from({ length: Math.max(0, raw.length - 1) }, (_, k) => {
          const v = raw[k + 1];
          return v === undefined || v === '' ? null : (v as string | number);
        }),
      );
    });
    return { name: ws.name, header: all[0] ?? [], rows: all.slice(1) };
  });
}

/** The first sheet. */
export async function readSheet(body: Buffer): Promise<Sheet> {
  const [first] = await readWorkbook(body);
  if (!first) throw new Error('no worksheet');
  return first;
}
