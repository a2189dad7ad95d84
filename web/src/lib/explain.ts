/**
 * Deadline explanations come from the server in a short technical English form, e.g.
 * "5 working days from 2026-11-23 09:00 (10-01..10-08 holiday), extended by 3 working days
 * [zibo-12345 §11(4)], zibo-12345 §11(3)". Clerks read Chinese: the known phrases are
 * rewritten; anything unknown is left as it is.
 */
const unitZh = (unit: string) =>
  unit.startsWith('working') ? '个工作日' : unit.startsWith('natural') ? '个自然日' : '小时';

const rules: [RegExp, string | ((...m: string[]) => string)][] = [
  [/extension request by the handling deadline \(deadline ([^)]+)\)/g, '须在办理时限（$1）前申请延期'],
  [
    /extension request by the end of the (?:(\d+)(?:st|nd|rd|th) )?working day before the deadline's day \(deadline ([^)]+)\)/g,
    (_m, k, d) => `须在办理时限（${d ?? ''}）所在日前第 ${k || '1'} 个工作日结束前申请延期`,
  ],
  [
    /([\d.]+) (working days?|natural days?|hours?) from (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/g,
    (_m, n, unit, from) => `自 ${from ?? ''} 起 ${n ?? ''}${unitZh(unit ?? '')}`,
  ],
  [
    /([\d.]+) hours after the next opening (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) \(received (\d{4}-\d{2}-\d{2} \d{2}:\d{2})/g,
    '下一办公时段开始（$2）后 $1 小时（受理于 $3',
  ],
  [/ \(within office hours\)/g, '（办公时间内）'],
  [/(\d+) (working|natural) day\(s\) suspended/g, (_m, n, u) => `挂起 ${n ?? ''}${unitZh(u ?? '')}`],
  [
    /, extended by ([\d.]+) (working days?|natural days?|hours?)/g,
    (_m, n, unit) => `，延期 ${n ?? ''}${unitZh(unit ?? '')}`,
  ],
  [
    /; suspended since (\d{4}-\d{2}-\d{2} \d{2}:\d{2}), to be recomputed on resumption/g,
    '；自 $1 起挂起，恢复后重新计算',
  ],
  [/provisional: no official holiday schedule for ([\d, ]+) yet/g, '暂估：$1 年放假安排尚未公布'],
  [/(\d{2}-\d{2}(?:\.\.\d{2}-\d{2})?) make-up day/g, '$1 调休上班'],
  [/(\d{2}-\d{2}(?:\.\.\d{2}-\d{2})?) holiday/g, '$1 放假'],
  [/(\d{2}-\d{2})\.\.(\d{2}-\d{2})/g, '$1至$2'],
  [/ \[([^\]]+)\]/g, '（$1）'],
  [/ \(([^()]*[\u4e00-\u9fff][^()]*)\)/g, '（$1）'],
  [/, (?=\d{2}-\d{2})/g, '、'],
  [/; /g, '；'],
  [/, ([a-z][\w-]* §[^;]*?)(?=;|$)/g, '（依据 $1）'],
];

export function explainDeadline(explain: string): string {
  let s = explain;
  for (const [re, to] of rules) {
    s =
      typeof to === 'string'
        ? s.replace(re, to)
        : s.replace(re, (...m: unknown[]) => to(...m.map((x) => (typeof x === 'string' ? x : ''))));
  }
  return s;
}
