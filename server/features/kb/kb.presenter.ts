import type { z } from 'zod';
import { markdownToText } from '../../domain/kb/markdown';
import {
  allowedArticleActions,
  isLive,
  type ArticleActor,
  type ArticleStatus,
} from '../../domain/kb/lifecycle';
import type { findArticle } from './kb-article.repository';
import type { articleDetail, articleSummary } from './kb.schemas';

export type ArticleView = NonNullable<Awaited<ReturnType<typeof findArticle>>>;

/** A published article whose validity has ended reads as expired before the sweep marks it. */
export function effectiveStatus(a: ArticleView, today: string): ArticleStatus {
  const status = a.status as ArticleStatus;
  if (status === 'published' && !isLive({ status, validFrom: null, validUntil: a.valid_until }, today)) {
    return 'expired';
  }
  return status;
}

export function toSummary(a: ArticleView, today: string): z.infer<typeof articleSummary> {
  return {
    id: a.id,
    externalId: a.external_id,
    title: a.title,
    status: a.status as ArticleStatus,
    effectiveStatus: effectiveStatus(a, today),
    categoryCode: a.category_code,
    categoryName: a.category_name ?? a.category_label,
    ownerUnitId: a.owner_unit_id,
    unitName: a.unit_name ?? a.unit_label,
    keywords: a.keywords,
    validFrom: a.valid_from,
    validUntil: a.valid_until,
    reviewBy: a.review_by,
    version: a.version,
    usageCount: a.usage_count,
    source: a.source,
    updatedAt: a.updated_at,
    publishedAt: a.published_at,
  };
}

export function toDetail(a: ArticleView, today: string, actor: ArticleActor): z.infer<typeof articleDetail> {
  return {
    ...toSummary(a, today),
    body: a.body,
    bodyText: markdownToText(a.body),
    statusNote: a.status_note,
    createdAt: a.created_at,
    allowedActions: allowedArticleActions(a.status as ArticleStatus, actor),
  };
}
