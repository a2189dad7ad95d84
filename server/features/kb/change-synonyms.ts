import { maxGroupSize, normalizeSynonymWord, synonymWordPattern } from '../../domain/kb/synonyms';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { actedBy, appendAudit } from '../audit/audit';
import {
  deleteSynonymGroup,
  insertSynonymGroup,
  listSynonymGroups,
  lockSynonyms,
  updateSynonymGroup,
} from './kb-synonym.repository';
import { forgetSynonyms } from './synonym-store';

export interface SynonymGroupInput {
  words: string[];
  note?: string | null;
}

/** The words as stored: normalised like the segmenter's text, empty ones dropped, each once. */
function cleanWords(words: string[]): string[] {
  return [...new Set(words.map(normalizeSynonymWord).filter((w) => w.length > 0))];
}

/**
 * Adds, changes or removes one synonym group (id null: a new group; words null: remove it).
 * The list is changed under one lock: a word can never end up in two groups; the change is
 * audited and the next search in this process uses it (other processes within their refresh).
 */
export async function changeSynonymGroup(
  ctx: AppContext,
  user: SessionUser,
  id: number | null,
  input: SynonymGroupInput | null,
): Promise<{ id: number }> {
  const words = input ? cleanWords(input.words) : [];
  if (input && (words.length < 2 || words.length > maxGroupSize)) {
    throw new AppError('VALIDATION_FAILED', `一组同义词需要 2 至 ${maxGroupSize} 个不同的词`, {
      field: 'words',
    });
  }
  const malformed = words.filter((w) => !synonymWordPattern.test(w));
  if (malformed.length) {
    throw new AppError(
      'VALIDATION_FAILED',
      `“${malformed.join('”“')}”不是一个词：同义词只能是文字或数字，不含空格和标点，不超过 16 个字`,
      { field: 'words' },
    );
  }
  const at = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockSynonyms(trx);
    const groups = await listSynonymGroups(trx);
    if (id !== null && !groups.some((g) => g.id === id)) throw new AppError('NOT_FOUND', '同义词组不存在');
    if (input) {
      const others = groups.filter((g) => g.id !== id).map((g) => g.words);
      const clash = words.filter((w) => others.some((g) => g.includes(w)));
      if (clash.length) {
        throw new AppError('CONFLICT', `“${clash.join('”“')}”已在其他同义词组中，一个词只能属于一组`, {
          words: clash,
        });
      }
    }
    const row = { words, note: input?.note?.trim() || null, updatedBy: user.username, at };
    let groupId = id;
    if (id === null) groupId = await insertSynonymGroup(trx, row);
    else if (input) await updateSynonymGroup(trx, id, row);
    else await deleteSynonymGroup(trx, id);
    await appendAudit(trx, {
      ...actedBy(user, at),
      ip: user.ip ?? null,
      action: id === null ? 'kb-synonym-created' : input ? 'kb-synonym-updated' : 'kb-synonym-deleted',
      targetType: 'kb-synonym',
      targetId: groupId,
      details: {
        words,
        from: id === null ? undefined : groups.find((g) => g.id === id)?.words,
      },
    });
    return { id: groupId ?? 0 };
  });
  forgetSynonyms(ctx.db);
  return result;
}
