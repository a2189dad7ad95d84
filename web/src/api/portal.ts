import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  challengeDto,
  citizenRatingDto,
  publicRatingResult,
  publicRequestCreated,
  publicRequestStatus,
  type PublicRequestBody,
} from '../../../common/contracts/portal';
import { solvedAltcha } from '../../../common/altcha-payload';
import { attachmentList } from '../../../common/contracts/attachments';
import type { Satisfaction } from '../../../common/enums';
import { api, apiParsed, ApiError, getToken, parseErrorBody } from './client';

/** The citizen portal (no sign-in) and, for staff, an order's attachments and the citizen's rating. */
export const portalKeys = {
  track: (no: string, code: string) => ['portal', 'track', no, code] as const,
  attachments: (id: number) => ['attachments', id] as const,
  citizenRating: (id: number) => ['citizen-rating', id] as const,
};

/** A multipart upload through the same error handling as api(). */
export async function apiForm<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers, body: form });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    data = null;
  }
  if (!res.ok) throw parseErrorBody(res.status, data);
  return data as T;
}

/** Fetches the challenge and solves it in the browser (Web Crypto SHA-256): the ALTCHA payload. */
async function solvedChallenge(): Promise<string> {
  const payload = await solvedAltcha(await apiParsed(challengeDto, '/api/public/challenge'));
  if (!payload) throw new ApiError(0, 'CHALLENGE_FAILED', '人机验证失败，请重试');
  return payload;
}

export type SubmitResult = z.infer<typeof publicRequestCreated> & { photoErrors: string[] };

/** Solves the challenge, submits the request, then sends its photos with the tracking code. */
export function useSubmitRequest() {
  return useMutation({
    mutationFn: async ({ body, photos }: { body: Omit<PublicRequestBody, 'altcha'>; photos: File[] }) => {
      const altcha = await solvedChallenge();
      const created = await apiParsed(publicRequestCreated, '/api/public/requests', {
        method: 'POST',
        body: { ...body, altcha },
      });
      const photoErrors: string[] = [];
      for (const photo of photos) {
        const form = new FormData();
        form.append('code', created.trackingCode);
        form.append('file', photo, photo.name);
        try {
          await apiForm(`/api/public/requests/${encodeURIComponent(created.ticketNo)}/photos`, form);
        } catch (e) {
          photoErrors.push(`${photo.name}：${e instanceof Error ? e.message : '上传失败'}`);
        }
      }
      return { ...created, photoErrors } satisfies SubmitResult;
    },
  });
}

export function useTrackRequest(no: string, code: string) {
  return useQuery({
    queryKey: portalKeys.track(no, code),
    queryFn: ({ signal }) =>
      apiParsed(publicRequestStatus, `/api/public/requests/${encodeURIComponent(no)}`, {
        signal,
        query: { code },
      }),
    enabled: no !== '' && code !== '',
    retry: false,
  });
}

export function useRateRequest(no: string, code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { rating: Satisfaction; comment?: string }) =>
      apiParsed(publicRatingResult, `/api/public/requests/${encodeURIComponent(no)}/rating`, {
        method: 'POST',
        body: { code, ...v },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.track(no, code) }),
  });
}

export function useAttachments(ticketId: number) {
  return useQuery({
    queryKey: portalKeys.attachments(ticketId),
    queryFn: ({ signal }) => apiParsed(attachmentList, `/api/tickets/${ticketId}/attachments`, { signal }),
  });
}

export function useUploadAttachment(ticketId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, kind }: { file: File; kind: 'order' | 'reply' | 'appeal' }) => {
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', file, file.name);
      return apiForm(`/api/tickets/${ticketId}/attachments`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: portalKeys.attachments(ticketId) }),
  });
}

export function useCitizenRating(ticketId: number) {
  return useQuery({
    queryKey: portalKeys.citizenRating(ticketId),
    queryFn: ({ signal }) =>
      api<{ rating: z.infer<typeof citizenRatingDto> | null }>(`/api/tickets/${ticketId}/citizen-rating`, {
        signal,
      }),
  });
}

/** An attachment's bytes with the session (an <img> cannot send the bearer token): an object URL. */
export async function attachmentBlobUrl(id: number, inline = false): Promise<string> {
  const token = getToken();
  const res = await fetch(`/api/attachments/${id}${inline ? '?inline=1' : ''}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!res.ok) throw new ApiError(res.status, 'ERROR', '附件无法打开');
  return URL.createObjectURL(await res.blob());
}

export interface PublicKbHit {
  id: number;
  title: string;
  titleHighlight: string;
  snippet: string;
  categoryName: string | null;
  unitName: string | null;
}

/** The public knowledge base: published articles only (the same search as the desk's). */
export function usePublicKbSearch(q: string) {
  return useQuery({
    queryKey: ['portal', 'kb', q],
    queryFn: ({ signal }) =>
      api<{ items: PublicKbHit[]; total: number }>('/api/public/kb/search', {
        signal,
        query: { q, pageSize: 10 },
      }),
    enabled: q.trim() !== '',
  });
}

export function usePublicKbArticle(id: number | null) {
  return useQuery({
    queryKey: ['portal', 'kb-article', id],
    queryFn: ({ signal }) =>
      api<{
        id: number;
        title: string;
        bodyText: string;
        unitName?: string | null;
        validUntil: string | null;
      }>(`/api/public/kb/articles/${id ?? 0}`, { signal }),
    enabled: id !== null,
  });
}
