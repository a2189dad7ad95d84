import { tokenize } from '../kb/segment';

/**
 * What one search box entry asks for (工单查询): an order number, a caller's phone (full, with
 * any separators, or its last four digits), a caller's name, and the words of the content. A
 * clerk types "13812345678", "5678", "王小明", "东湖路 井盖" or "20261207000123" into the same
 * box; the list matches any of the readings that apply.
 */
export interface SearchReading {
  /** The entry as typed, trimmed: an order number is matched exactly. */
  ticketNo: string;
  /** Digits of a phone number (7-12 digits, an optional +86/0086 dropped), or null. */
  phone: string | null;
  /** Exactly four digits: the end of a phone number, or null. */
  lastFour: string | null;
  /** Two to four Chinese characters (or a short Latin name): a caller's name, or null. */
  name: string | null;
  /** Content words to be found together (the finest tokens of the segmented entry). */
  words: string[];
}

const separators = /[\s\-()（）+.]/g;

export function readSearch(input: string): SearchReading {
  const text = input.trim();
  const compact = text.replace(separators, '');
  let phone: string | null = null;
  let lastFour: string | null = null;
  if (/^\d+$/.test(compact)) {
    const national = compact.replace(/^(?:0086|86)(?=1\d{10}$)/, '');
    if (national.length === 4) lastFour = national;
    else if (national.length >= 7 && national.length <= 12) phone = national;
  }
  const name =
    /^[\u4e00-\u9fff·]{2,5}$/.test(text) || /^[A-Za-z][A-Za-z .'-]{1,30}$/.test(text) ? text : null;
  return { ticketNo: text, phone, lastFour, name, words: finestTokens(tokenize(text)) };
}

/**
 * The segmenter gives both a compound and its parts (拖欠工资 → 拖欠, 工资, 拖欠工资); a document
 * that says 拖欠三个月工资 has the parts, not the compound. Requiring every token would miss it, so
 * a token is dropped when another token of the entry lies inside it.
 */
export function finestTokens(tokens: string[]): string[] {
  const distinct = [...new Set(tokens)];
  return distinct.filter((t) => !distinct.some((o) => o !== t && o.length < t.length && t.includes(o)));
}
