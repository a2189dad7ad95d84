/**
 * Regenerates server/domain/calendar/data/cn-holidays.json from the per-year files of
 * NateScarlet/holiday-cn (default: ../shared/data/holidays, or the folder given as argument).
 *
 *   npx tsx scripts/build-holidays.ts [folder]
 *
 * Output: one list sorted by date of { date, isOffDay, name }, deduplicated (a date listed in
 * two notices must agree on isOffDay, otherwise the script fails).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Entry {
  date: string;
  isOffDay: boolean;
  name: string;
}

const root = path.resolve(import.meta.dirname, '..');
const source = path.resolve(process.argv[2] ?? path.resolve(root, '../shared/data/holidays'));
const target = path.resolve(root, 'server/domain/calendar/data/cn-holidays.json');

const files = readdirSync(source)
  .filter((f) => /^\d{4}\.json$/.test(f))
  .sort();
if (files.length === 0) throw new Error(`no YYYY.json files in ${source}`);

const byDate = new Map<string, Entry>();
for (const file of files) {
  const doc = JSON.parse(readFileSync(path.join(source, file), 'utf8')) as { days?: Entry[] };
  for (const d of doc.days ?? []) {
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(d.date) ||
      typeof d.isOffDay !== 'boolean' ||
      typeof d.name !== 'string'
    ) {
      throw new Error(`${file}: bad entry ${JSON.stringify(d)}`);
    }
    const prev = byDate.get(d.date);
    if (prev && prev.isOffDay !== d.isOffDay) {
      throw new Error(
        `${file}: ${d.date} conflicts with an earlier notice (${prev.name}, isOffDay=${prev.isOffDay})`,
      );
    }
    if (!prev) byDate.set(d.date, { date: d.date, isOffDay: d.isOffDay, name: d.name });
  }
}
const list = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
writeFileSync(target, `[\n${list.map((e) => '  ' + JSON.stringify(e)).join(',\n')}\n]\n`);
process.stdout.write(
  `wrote ${list.length} entries from ${files.length} files to ${path.relative(root, target)}\n`,
);
