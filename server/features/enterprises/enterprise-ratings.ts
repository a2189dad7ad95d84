import type { EnterpriseRatingDto } from '../../../common/contracts/enterprises';
import { BAD_RECORD_WINDOW_DAYS } from '../../domain/enterprise/star-rating';
import type { Trx } from '../tickets/tickets.repository';
import { badRecordTimes, ratingCounts } from './enterprises.repository';
import { presentRating } from './enterprises.presenter';

/** The star ratings of these enterprises now (from callback ratings and recent bad records). */
export async function ratingsOf(
  db: Trx,
  ids: readonly number[],
  now: Date,
): Promise<Map<number, EnterpriseRatingDto>> {
  const counts = await ratingCounts(db, ids);
  const bad = await badRecordTimes(db, ids, new Date(now.getTime() - BAD_RECORD_WINDOW_DAYS * 86_400_000));
  return new Map(
    ids.map((id) => [id, presentRating({ counts: counts.get(id), badRecords: bad.get(id) ?? [], now })]),
  );
}
