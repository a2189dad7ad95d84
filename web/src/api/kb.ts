import { useQuery } from '@tanstack/react-query';
import type { ArticleAction, ArticleStatus } from '../../../common/kb-vocabulary';
import { api } from './client';

export interface ArticleSummary {
  id: number;
  externalId: string | null;
  title: string;
  status: ArticleStatus;
  effectiveStatus: ArticleStatus;
  categoryCode: string | null;
  categoryName: string | null;
  ownerUnitId: number | null;
  unitName: string | null;
  keywords: string[];
  validFrom: string | null;
  validUntil: string | null;
  reviewBy: string | null;
  version: number;
  usageCount: number;
  source: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface ArticleDetail extends ArticleSummary {
  body: string;
  bodyText: string;
  statusNote: string | null;
  createdAt: string;
  allowedActions: ArticleAction[];
}

export interface ArticleVersion {
  version: number;
  at: string;
  actorName: string | null;
  action: string;
  status: string;
  changes: { field: string; from?: unknown; to?: unknown }[];
  note: string | null;
}

export interface ArticleListFilter {
  status?: string;
  q?: string;
  reviewOverdue?: 'true';
  page: number;
  pageSize: number;
}

export const kbKeys = {
  list: (f: ArticleListFilter) => ['kb', 'articles', f] as const,
  article: (id: number | null) => ['kb', 'article', id] as const,
  versions: (id: number | null) => ['kb', 'versions', id] as const,
};

export function useArticles(f: ArticleListFilter) {
  return useQuery({
    queryKey: kbKeys.list(f),
    queryFn: ({ signal }) =>
      api<{ items: ArticleSummary[]; total: number }>('/api/kb/articles', { query: { ...f }, signal }),
    placeholderData: (prev) => prev,
  });
}

export function useArticle(id: number | null) {
  return useQuery({
    queryKey: kbKeys.article(id),
    queryFn: ({ signal }) => api<ArticleDetail>(`/api/kb/articles/${id ?? 0}`, { signal }),
    enabled: id !== null,
  });
}

export function useArticleVersions(id: number | null) {
  return useQuery({
    queryKey: kbKeys.versions(id),
    queryFn: ({ signal }) =>
      api<{ items: ArticleVersion[]; total: number }>(`/api/kb/articles/${id ?? 0}/versions`, { signal }),
    enabled: id !== null,
  });
}
