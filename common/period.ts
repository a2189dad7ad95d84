/**
 * Assessment periods as the API names them: YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY. The one place the
 * web turns a date into a period and a period into the one before it.
 */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

export const periodKindLabels: Record<PeriodKind, string> = {
  month: '月度',
  quarter: '季度',
  half: '半年',
  year: '年度',
};

/** The period of `kind` that holds the service date `date` (YYYY-MM-DD). */
export function periodOfDate(kind: PeriodKind, date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (kind) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}`;
    case 'year':
      return String(year);
  }
}

export function periodKind(id: string): PeriodKind {
  if (/^\d{4}-\d{2}$/.test(id)) return 'month';
  if (/^\d{4}-Q[1-4]$/i.test(id)) return 'quarter';
  if (/^\d{4}-H[12]$/i.test(id)) return 'half';
  return 'year';
}

/** The period just before `id`, of the same kind (2026-01 → 2025-12, 2026-Q1 → 2025-Q4). */
export function previousPeriod(id: string): string {
  const year = Number(id.slice(0, 4));
  const kind = periodKind(id);
  if (kind === 'year') return String(year - 1);
  const n = Number(id.slice(kind === 'month' ? 5 : 6));
  const per = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 2;
  const [y, m] = n > 1 ? [year, n - 1] : [year - 1, per];
  if (kind === 'month') return `${y}-${String(m).padStart(2, '0')}`;
  return `${y}-${kind === 'quarter' ? 'Q' : 'H'}${m}`;
}

/** The last `count` periods of `kind` up to the one holding `date`, newest first. */
export function recentPeriods(kind: PeriodKind, date: string, count: number): string[] {
  const out = [periodOfDate(kind, date)];
  while (out.length < count) out.push(previousPeriod(out[out.length - 1] ?? ''));
  return out;
}

/** 2026-03 → 2026年3月, 2026-Q1 → 2026年第一季度, 2026-H2 → 2026年下半年, 2026 → 2026年. */
export function periodLabel(id: string): string {
  const year = id.slice(0, 4);
  switch (periodKind(id)) {
    case 'month':
      return `${year}年${Number(id.slice(5))}月`;
    case 'quarter':
      return `${year}年第${'一二三四'[Number(id.slice(6)) - 1] ?? ''}季度`;
    case 'half':
      return `${year}年${id.endsWith('1') ? '上' : '下'}半年`;
    case 'year':
      return `${year}年`;
  }
}
