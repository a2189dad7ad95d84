import { useQuery } from '@tanstack/react-query';
import type { CalendarDay, CalendarYear } from '../../../common/contracts/calendar';
import { api } from './client';

export type { CalendarDay };

export const calendarKeys = { year: (y: number) => ['calendar', y] as const };

/** The working-day calendar of one year, as the administrator's calendar screen shows it. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api<CalendarYear>(`/api/calendar/${year}`, { signal }),
    staleTime: 60 * 60_000,
  });
}
