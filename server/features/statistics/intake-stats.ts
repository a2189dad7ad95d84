import {
  dispositionLabels,
  type Disposition,
  type IntakeStatsQuery,
  type IntakeStatsResponse,
} from '../../../common/contracts/statistics';
import { channelLabels, ticketTypeLabels, type Channel, type TicketType } from '../../../common/enums';
import { instantOfServiceTime } from '../../../common/service-time';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { assessmentScope } from '../assessment/assessment-scope';
import { categoryNames } from '../categories/categories.repository';
import { intakeCounts } from './statistics.repository';

const none = '（未填写）';

/** The day after a service date (YYYY-MM-DD), as a service date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 受理量: every order received in the date range, grouped one way, with Chinese labels. The
 * center's overseers see everything; a district platform's overseers see what their platform took
 * in; handling units are refused (they see their own figures in the assessment).
 */
export async function intakeStats(
  db: Db,
  user: SessionUser,
  q: IntakeStatsQuery,
): Promise<IntakeStatsResponse> {
  const scope = await assessmentScope(db, user);
  if (user.role === 'handler' || user.role === 'unit-leader') {
    throw new AppError('FORBIDDEN', '承办单位请在考核评价中查看本单位数据');
  }
  const rows = await intakeCounts(db, {
    start: instantOfServiceTime(q.from),
    end: instantOfServiceTime(nextDay(q.to)),
    groupBy: q.groupBy,
    level: q.level,
    platformPath: scope.path,
  });
  const categories =
    q.groupBy === 'category'
      ? await categoryNames(
          db,
          rows.map((r) => r.key),
        )
      : null;
  const label = (key: string): string => {
    if (key === '') return none;
    switch (q.groupBy) {
      case 'channel':
        return channelLabels[key as Channel] ?? key;
      case 'type':
        return ticketTypeLabels[key as TicketType] ?? key;
      case 'category':
        return categories?.get(key) ?? key;
      case 'disposition':
        return dispositionLabels[key as Disposition] ?? key;
      case 'day':
      case 'region':
        return key;
    }
  };
  return {
    groupBy: q.groupBy,
    from: q.from,
    to: q.to,
    total: rows.reduce((s, r) => s + r.count, 0),
    rows: rows.map((r) => ({ key: r.key, label: label(r.key), count: r.count })),
  };
}
