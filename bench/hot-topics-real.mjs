/**
 * Hot topics on real citizen messages, as the outside check does it: a month of the labelled
 * messages in ../shared/data (each dated on a day of the month, in file order), and a planted
 * burst of water-outage messages on the last two days, as history lines for `civicline import`.
 *
 *   node bench/hot-topics-real.mjs OUT.jsonl [--month 2026-10] [--burst 40]
 *   civicline import OUT.jsonl && civicline report hot-topics --from 2026-10-30 --to 2026-10-31 --json
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2];
if (!out) throw new Error('usage: node bench/hot-topics-real.mjs OUT.jsonl [--month YYYY-MM] [--burst N]');
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const month = opt('month', '2026-10');
const burst = Number(opt('burst', '40'));
const file = path.join(root, '../shared/data/teddycup2020_message_classification/messages.jsonl');
const messages = fs
  .readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const days = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
const date = (d) => `${month}-${String(d).padStart(2, '0')}`;
const lines = [];
messages.forEach((m, i) => {
  const day = 1 + (i % days);
  const minute = (i * 7) % 600;
  const text = m.detail ? `${m.title ?? ''}${m.detail}` : m.text_seg.replaceAll(' ', '');
  lines.push({
    ticketNo: `RM${i + 1}`,
    receivedAt: `${date(day)}T${String(8 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00+08:00`,
    type: 'complaint',
    content: text.slice(0, 4000),
    events: [],
  });
});
const estates = ['东湖花园', '滨江小区', '新港家园', '东城菜市场宿舍', '锦绣苑'];
for (let i = 0; i < burst; i++) {
  const day = days - 1 + (i % 2);
  lines.push({
    ticketNo: `RB${i + 1}`,
    receivedAt: `${date(day)}T${String(8 + (i % 10)).padStart(2, '0')}:30:00+08:00`,
    type: 'complaint',
    region: '东城区',
    content: `东城区${estates[i % estates.length]}${i % 3 === 0 ? '从早上开始停水' : i % 3 === 1 ? '突然停水，家里没水用' : '停水一天了，没有提前通知'}，请尽快恢复供水`,
    events: [],
  });
}
fs.writeFileSync(out, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
process.stdout.write(
  `${lines.length} lines (${messages.length} messages over ${days} days, ${burst} planted) → ${out}\n`,
);
