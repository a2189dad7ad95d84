/**
 * How figures read in the reports: rates as percentages with two decimals ("98.50%", the
 * assessment screen's own rounding), scores with two decimals, changes with one.
 */

export function pct2(v: number | null | undefined): string {
  return typeof v === 'number' ? `${(v * 100).toFixed(2)}%` : '—';
}

export function score2(v: number | null | undefined): string {
  return typeof v === 'number' ? v.toFixed(2) : '—';
}

/** Relative change from `before` to `now`: null when there was nothing before. */
export function changeRatio(now: number, before: number): number | null {
  return before > 0 ? (now - before) / before : null;
}

/** 环比增长12.5% / 环比下降3.0% / 与上期持平 / 上期无数据. */
export function changeText(now: number, before: number, prefix = '环比'): string {
  const r = changeRatio(now, before);
  if (r === null) return now > 0 ? '上期无可比数据' : '与上期持平';
  if (Math.abs(r) < 0.0005) return '与上期持平';
  return `${prefix}${r > 0 ? '增长' : '下降'}${(Math.abs(r) * 100).toFixed(1)}%`;
}

/** A share of a total as a percentage with one decimal. */
export function share(part: number, total: number): string {
  return total > 0 ? `${((part / total) * 100).toFixed(1)}%` : '—';
}

export const thousands = (n: number): string => n.toLocaleString('en-US');

/**
 * Content-Disposition for a download with a Chinese file name: an ASCII fallback and the UTF-8
 * name per RFC 5987 / RFC 6266.
 */
export function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
