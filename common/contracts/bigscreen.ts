import { z } from 'zod';
import { forecastResponse, hotTopic } from './trends';

/** 大屏: everything the wall screen shows, in one answer (GET /api/stats/bigscreen). */
export const bigscreenResponse = z.object({
  generatedAt: z.string(),
  /** Today's service date (UTC+8). */
  today: z.string(),
  intake: z.object({
    today: z.number().int(),
    yesterday: z.number().int(),
    byHour: z.array(z.object({ hour: z.number().int(), count: z.number().int() })),
  }),
  counters: z.object({
    open: z.number().int(),
    dueToday: z.number().int(),
    yellow: z.number().int(),
    overdue: z.number().int(),
    red: z.number().int(),
  }),
  /** Today's calls, when the telephone system reports them (null: no call events today). */
  calls: z
    .object({
      offered: z.number().int(),
      answered: z.number().int(),
      abandoned: z.number().int(),
      connectionRate: z.number().nullable(),
    })
    .nullable(),
  /** Today's orders per district (所在区). */
  districts: z.array(z.object({ region: z.string(), count: z.number().int() })),
  /** The last 7 days against the 28 before them. */
  hotTopics: z.array(hotTopic),
  redLights: z.array(
    z.object({
      id: z.number().int(),
      ticketNo: z.string(),
      light: z.string(),
      region: z.string().nullable(),
      categoryName: z.string().nullable(),
      unitName: z.string().nullable(),
      dueAt: z.string().nullable(),
    }),
  ),
  /** This month's assessment ranking of the active profile's scheme (best first). */
  ranking: z.object({
    scheme: z.string().nullable(),
    period: z.string(),
    units: z.array(z.object({ rank: z.number().int(), unitName: z.string(), score: z.number().nullable() })),
  }),
  forecast: forecastResponse,
});
export type BigscreenResponse = z.infer<typeof bigscreenResponse>;
