import type { EnterpriseRatingDto } from '../../../common/contracts/enterprises';

/**
 * How good a rating ranks in the directory: stars first, then how many orders back them. An
 * enterprise not yet rated (评价不足) ranks as a neutral three stars, after the rated three-star
 * ones: a newcomer is shown before poorly rated members, never before well rated ones.
 */
export function ratingRank(r: EnterpriseRatingDto): number {
  return r.stars === null ? 3 * 1e6 - 1 : r.stars * 1e6 + r.ratedOrders;
}
