import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionName } from '../../../common/contracts/tickets';
import { ticketDetail, ticketEvents, ticketPage } from '../../../common/contracts/ticket-responses';
import { api, apiParsed } from './client';
import type { Category, ClockInfo, RulesInfo, TicketListQuery, Unit } from './types';

export const queryKeys = {
  units: ['units'] as const,
  categories: ['categories'] as const,
  tickets: ['tickets'] as const,
  ticketList: (q: TicketListQuery) => ['tickets', 'list', q] as const,
  ticket: (id: number) => ['tickets', 'detail', id] as const,
  events: (id: number) => ['tickets', 'events', id] as const,
  clock: ['clock'] as const,
};

export function fetchTickets(q: TicketListQuery, signal?: AbortSignal) {
  return apiParsed(ticketPage, '/api/tickets', { query: { ...q }, signal });
}

export function useUnits() {
  return useQuery({
    queryKey: queryKeys.units,
    queryFn: ({ signal }) => api<Unit[]>('/api/units', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useCategories() {
  return useQuery({
    queryKey: queryKeys.categories,
    queryFn: ({ signal }) => api<Category[]>('/api/categories', { signal }),
    staleTime: 30 * 60_000,
  });
}

export function useTickets(q: TicketListQuery, opts: { enabled?: boolean; refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: queryKeys.ticketList(q),
    queryFn: ({ signal }) => fetchTickets(q, signal),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refetchInterval,
  });
}

/** Only the total of a list query (pageSize 1), for counters. */
export function useTicketCount(q: TicketListQuery) {
  const query = useQuery({
    queryKey: queryKeys.ticketList({ ...q, page: 1, pageSize: 1 }),
    queryFn: ({ signal }) => fetchTickets({ ...q, page: 1, pageSize: 1 }, signal),
  });
  return { count: query.data?.total, loading: query.isLoading, error: query.error };
}

export function useTicket(id: number | null) {
  return useQuery({
    queryKey: queryKeys.ticket(id ?? 0),
    queryFn: ({ signal }) => apiParsed(ticketDetail, `/api/tickets/${id ?? 0}`, { signal }),
    enabled: id !== null && id > 0,
  });
}

export function useTicketEvents(id: number | null) {
  return useQuery({
    queryKey: queryKeys.events(id ?? 0),
    queryFn: ({ signal }) => apiParsed(ticketEvents, `/api/tickets/${id ?? 0}/events`, { signal }),
    enabled: id !== null && id > 0,
  });
}

/** The platform's clock (the test clock in demos), polled so countdowns follow it. */
export function useServerClock() {
  return useQuery({
    queryKey: queryKeys.clock,
    queryFn: async ({ signal }) => {
      const sent = Date.now();
      const c = await api<ClockInfo>('/api/admin/clock', { signal });
      const received = Date.now();
      return { ...c, offsetMs: new Date(c.now).getTime() - (sent + received) / 2 };
    },
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
}

export function useTicketAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, payload, version }: { action: ActionName; payload: unknown; version?: number }) =>
      apiParsed(ticketDetail, `/api/tickets/${id}/actions/${action}`, {
        method: 'POST',
        body: payload ?? {},
        // Optimistic check: refuse if someone else changed the order since it was shown.
        ...(version !== undefined ? { headers: { 'If-Match': String(version) } } : {}),
      }),
    onError: async () => {
      await qc.invalidateQueries({ queryKey: queryKeys.ticket(id) });
    },
    onSuccess: async (detail) => {
      qc.setQueryData(queryKeys.ticket(id), detail);
      await Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.events(id) }),
        qc.invalidateQueries({ queryKey: ['tickets', 'list'] }),
      ]);
    },
  });
}

export function useRules() {
  return useQuery({
    queryKey: ['rules'],
    queryFn: ({ signal }) => api<RulesInfo>('/api/rules', { signal }),
    staleTime: 10 * 60_000,
  });
}
