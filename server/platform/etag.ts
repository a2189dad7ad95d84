import { AppError } from './errors';

/** The entity tag of a versioned resource (a work order's `version`). */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header asks for, in any of the forms clients send: the standard
 * entity tag (`"3"`), its weak form (`W/"3"`), or the bare number (`3`) this API took first.
 * `*` and an absent header ask for none. A list must name one version; anything else is refused
 * rather than ignored, so a client never believes it is protected when it is not.
 */
export function expectedVersionOf(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header.join(',') : header).trim();
  if (raw === '' || raw === '*') return undefined;
  const versions = new Set<number>();
  for (const part of raw.split(',')) {
    const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(part);
    const digits = m?.[1];
    if (!digits || (part.includes('"') && !/"\d+"\s*$/.test(part))) {
      throw new AppError('VALIDATION_FAILED', 'If-Match 请求头格式不正确，应为工单版本号，如 "3"', [
        { path: '/headers/if-match', message: 'expected an entity tag such as "3"' },
      ]);
    }
    versions.add(Number(digits));
  }
  if (versions.size > 1) {
    throw new AppError('VALIDATION_FAILED', 'If-Match 只能指定一个工单版本', [
      { path: '/headers/if-match', message: 'one version only' },
    ]);
  }
  return [...versions][0];
}
