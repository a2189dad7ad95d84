import type { z } from 'zod';
import { markdownToText } from '../../domain/kb/markdown';
import {
  allowedArticleActions,
  isLive,
  type ArticleActor,
  type ArticleStatus,
} from '../../domain/kb/lifecycle';
import type { findArticle, listVersions } from './kb-article.repository';
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

type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** One version of an article's history, as the API lists it (without its snapshot). */
export function versionOf(v: VersionRow) {
  return {
    version: v.version,
    at: v.at,
    actorUserId: v.actor_user_id,
    actorName: v.actor_name,
    action: v.action,
    status: v.status,
    changes: v.changes,
    note: v.note,
  };
}
