import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { WorkCalendar, type CalendarYear } from '../lib/work-calendar';
import { api } from './client';

export function fetchCalendarYear(year: number, signal?: AbortSignal) {
  return api<CalendarYear>(`/api/calendar/${year}`, { signal });
}

/** The working-day calendar for the given years (cached for the session). */
export function useWorkCalendar(years: number[], enabled = true): WorkCalendar | null {
  const results = useQueries({
    queries: years.map((y) => ({
      queryKey: ['calendar', y],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchCalendarYear(y, signal),
      staleTime: 60 * 60_000,
      retry: false,
      enabled,
    })),
  });
  const data = results.map((r) => r.data);
  const ready = data.every((d) => d !== undefined);
  const key = data.map((d) => (d ? `${d.year}:${d.calendarVersion}` : '-')).join(',');
  return useMemo(
    () => (ready ? new WorkCalendar(data.filter((d): d is CalendarYear => d !== undefined)) : null),
    // `key` stands for the loaded years and versions.
    [ready, key],
  );
}
