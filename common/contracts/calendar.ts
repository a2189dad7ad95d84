import { z } from 'zod';

/**
 * The working-day calendar of one year as GET /api/calendar/:year answers it (holidays, make-up
 * working days, the working-day count), shared by the server and the web client.
 */

export const dayKinds = ['workday', 'weekend', 'holiday', 'makeup'] as const;

/** A day that is not a plain Monday-Friday working day or weekend. */
export const calendarDay = z.object({
  date: z.string(),
  kind: z.enum(dayKinds),
  working: z.boolean(),
  /** Holiday or make-up day name (`国庆节`). */
  name: z.string().nullable(),
  /** The day lies in a year without an official schedule. */
  provisional: z.boolean(),
  weekday: z.string(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const yearReport = z.object({
  year: z.number().int(),
  provisional: z.boolean(),
  basis: z.string(),
  workingDays: z.number().int(),
  holidays: z.array(z.object({ from: z.string(), to: z.string(), days: z.number().int(), name: z.string() })),
  makeupDays: z.array(z.object({ date: z.string(), weekday: z.string(), name: z.string() })),
  days: z.array(calendarDay),
});
export type YearReport = z.infer<typeof yearReport>;

/** GET /api/calendar/:year: the year's report and the calendar version it comes from. */
export const calendarYear = yearReport.extend({ calendarVersion: z.number().int() });
export type CalendarYear = z.infer<typeof calendarYear>;
