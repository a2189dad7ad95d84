import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** A citizen's or a social organisation's contributed answer (wuqing §15), awaiting review. */
export interface Contribution {
  id: number;
  title: string;
  question: string | null;
  answer: string;
  contributorType: string;
  contributorName: string | null;
  organisation: string | null;
  contact: string | null;
  categoryCode: string | null;
  status: 'pending' | 'accepted' | 'rejected';
  createdAt: string;
  reviewedAt: string | null;
  reviewerName: string | null;
  reviewNote: string | null;
  articleId: number | null;
}

/** A policy a unit announced, to be answered in the knowledge base within 5 working days (shanghai §14). */
export interface PolicyNotice {
  id: number;
  unitId: number;
  unitName: string;
  title: string;
  documentNo: string | null;
  announcedOn: string;
  dueOn: string;
  articleId: number | null;
  articleTitle: string | null;
  articleStatus: string | null;
  answeredOn: string | null;
  state: 'answered' | 'answered-late' | 'pending' | 'overdue';
  note: string | null;
}

export interface VersionSnapshot {
  title: string;
  body: string;
  categoryLabel: string | null;
  unitLabel: string | null;
  keywords: string[];
  validFrom: string | null;
  validUntil: string | null;
  reviewBy: string | null;
}

const keys = {
  contributions: (status: string, page: number) => ['kb', 'contributions', status, page] as const,
  notices: ['kb', 'policy-notices'] as const,
  version: (id: number, v: number) => ['kb', 'version', id, v] as const,
};

export function useContributions(status: string, page: number) {
  return useQuery({
    queryKey: keys.contributions(status, page),
    queryFn: ({ signal }) =>
      api<{ items: Contribution[]; total: number }>('/api/kb/contributions', {
        query: { status, page, pageSize: 20 },
        signal,
      }),
    placeholderData: (prev) => prev,
  });
}

/** Accept (a draft article is made from it) or reject (with the reason). */
export function useReviewContribution() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: number; decision: 'accept' | 'reject'; reason?: string }) =>
      api<{ id: number; status: string; articleId: number | null }>(
        `/api/kb/contributions/${id}/${decision}`,
        {
          method: 'POST',
          body: decision === 'reject' ? { reason } : {},
        },
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['kb'] });
    },
  });
}

export function usePolicyNotices() {
  return useQuery({
    queryKey: keys.notices,
    queryFn: ({ signal }) =>
      api<{ items: PolicyNotice[]; total: number }>('/api/kb/policy-notices', { signal }),
  });
}

export function useCreatePolicyNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      title: string;
      documentNo?: string;
      announcedOn: string;
      unitId?: number;
      note?: string;
    }) => api<PolicyNotice>('/api/kb/policy-notices', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['kb'] });
    },
  });
}

export function useLinkPolicyNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, articleId }: { id: number; articleId: number | null }) =>
      api<PolicyNotice>(`/api/kb/policy-notices/${id}`, { method: 'PATCH', body: { articleId } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['kb'] });
    },
  });
}

/** The full content of one version of an article (for the diff between two versions). */
export function useArticleVersion(id: number, version: number | null) {
  return useQuery({
    queryKey: keys.version(id, version ?? 0),
    queryFn: ({ signal }) =>
      api<{ version: number; snapshot: VersionSnapshot }>(`/api/kb/articles/${id}/versions/${version ?? 0}`, {
        signal,
      }),
    enabled: version !== null,
    staleTime: Infinity,
  });
}
