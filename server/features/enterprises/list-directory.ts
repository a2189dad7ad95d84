import type { z } from 'zod';
import type { DirectoryEntryDto, directoryQuery } from '../../../common/contracts/enterprises';
import { distanceKm, parseLngLat } from '../../domain/enterprise/distance';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { ratingRank } from './directory-order';
import { activeCategories, approvedEnterprises } from './enterprises.repository';
import { presentDirectoryEntry } from './enterprises.presenter';
import { ratingsOf } from './enterprise-ratings';
import { categoryNames } from '../categories/categories.repository';

/**
 * `GET /api/public/enterprises`: the public directory (wuqing §35: 信息公开透明 … 择优就近推荐).
 * Approved enterprises only (pending, rejected and suspended ones never appear), offering the
 * service when one is asked for, with their stars and open information, no contact person.
 * Order: with `near`, by distance in whole kilometres, then best rated, then exact distance;
 * without it, best rated first. Enterprises without coordinates come after those with.
 */
export async function listDirectory(
  ctx: AppContext,
  query: z.output<typeof directoryQuery>,
): Promise<{ items: DirectoryEntryDto[] }> {
  const service = query.service ?? null;
  if (service !== null && !/^\d{2,12}$/.test(service)) {
    throw new AppError('VALIDATION_FAILED', '服务类别代码不正确', [
      { path: '/service', message: '类别代码' },
    ]);
  }
  const near = query.near === undefined ? null : parseLngLat(query.near);
  if (query.near !== undefined && near === null) {
    throw new AppError('VALIDATION_FAILED', '位置参数应为“经度,纬度”', [
      { path: '/near', message: 'lng,lat' },
    ]);
  }
  const rows = await approvedEnterprises(ctx.db, service);
  const ids = rows.map((r) => Number(r.id));
  const ratings = await ratingsOf(ctx.db, ids, ctx.clock.now());
  const names = await categoryNames(ctx.db, [...new Set(rows.flatMap((r) => r.services))]);
  const entries = rows.map((row) => {
    const d =
      near && row.lng !== null && row.lat !== null ? distanceKm(near, { lng: row.lng, lat: row.lat }) : null;
    const rating = ratings.get(Number(row.id)) ?? {
      stars: null,
      ratedOrders: 0,
      satisfactionRate: null,
      recentBadRecords: 0,
    };
    return presentDirectoryEntry(row, names, rating, d);
  });
  entries.sort((a, b) => {
    if (near) {
      const da = a.distanceKm === null ? Infinity : Math.floor(a.distanceKm);
      const db = b.distanceKm === null ? Infinity : Math.floor(b.distanceKm);
      if (da !== db) return da - db;
    }
    const r = ratingRank(b.rating) - ratingRank(a.rating);
    if (r !== 0) return r;
    if (near && a.distanceKm !== null && b.distanceKm !== null && a.distanceKm !== b.distanceKm) {
      return a.distanceKm - b.distanceKm;
    }
    return a.id - b.id;
  });
  return { items: entries.slice(0, query.limit) };
}

/** `GET /api/public/enterprises/services`: the active category tree (services to offer and filter by). */
export async function listServices(
  ctx: AppContext,
): Promise<{ items: { code: string; name: string; parentCode: string | null; level: number }[] }> {
  const rows = await activeCategories(ctx.db);
  return {
    items: rows.map((c) => ({ code: c.code, name: c.name, parentCode: c.parent_code, level: c.level })),
  };
}
