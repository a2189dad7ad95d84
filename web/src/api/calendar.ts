import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** One day of GET /api/calendar/:year that is not a plain Monday-Friday working day or weekend. */
export interface CalendarDay {
  date: string;
  kind: string;
  working: boolean;
  name?: string | null;
  provisional?: boolean;
}

/** GET /api/calendar/:year: holidays and make-up working days of a year. */
export interface CalendarYear {
  year: number;
  provisional: boolean;
  basis: string;
  workingDays: number;
  holidays: { from: string; to: string; days: number; name: string }[];
  makeupDays: { date: string; weekday: string; name: string }[];
  days: CalendarDay[];
  calendarVersion: number;
}

export const calendarKeys = { year: (y: number) => ['calendar', y] as const };

/** The working-day calendar of one year, as the administrator's calendar screen shows it. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api<CalendarYear>(`/api/calendar/${year}`, { signal }),
    staleTime: 60 * 60_000,
  });
}
