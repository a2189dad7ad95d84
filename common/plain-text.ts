/**
 * Any value as text: strings as they are, numbers and booleans as written, objects as JSON,
 * nothing as ''. For values typed `unknown` (audit details, form fields, spreadsheet cells) where
 * `String(v)` would print `[object Object]`.
 */
export function plainText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}
