import type { ListTicketsQuery } from '../../../common/contracts/tickets';
import { AppError } from '../../platform/errors';

/**
 * Keyset paging of the desk lists: a page continues after the last row of the previous one,
 * compared on (sort key, id), so page 500 costs what page 1 costs. The cursor carries the sort it
 * was made for, the key as PostgreSQL printed it (the SQL of the comparison: list.repository.ts) (full precision, `infinity` for an order without
 * a deadline) and the id.
 */
export type ListSort = ListTicketsQuery['sort'];

export interface ListCursor {
  key: string;
  id: number;
}

const keyText = /^(-?infinity|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:?\d\d)?|Z))$/;

export function encodeCursor(sort: ListSort, c: ListCursor): string {
  return Buffer.from(JSON.stringify([sort, c.key, c.id])).toString('base64url');
}

/** Reads a cursor made for this sort; anything else is refused (400), never passed to SQL. */
export function decodeCursor(sort: ListSort, text: string): ListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    Array.isArray(parsed) &&
    parsed.length === 3 &&
    parsed[0] === sort &&
    typeof parsed[1] === 'string' &&
    keyText.test(parsed[1]) &&
    Number.isSafeInteger(parsed[2]) &&
    (parsed[2] as number) > 0
  ) {
    return { key: parsed[1], id: parsed[2] as number };
  }
  throw new AppError('VALIDATION_FAILED', '翻页位置无效，请回到第一页', { cursor: text });
}
