import type { z } from 'zod';
import type {
  ApplicationDto,
  listApplicationsQuery,
  PublicServiceNumberDto,
  ServiceNumberDto,
} from '../../../common/contracts/service-numbers';
import { serviceDate } from '../../domain/service-number/service-number-rules';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { loadActor } from '../tickets/standing';
import { inScope, readScope } from './service-number-access';
import { presentApplication, presentNumber, presentPublic } from './service-numbers.presenter';
import {
  complaintCounts,
  findApplication,
  findServiceNumber,
  listApplications,
  listNumbers,
  listVersions,
  publishedOn,
  type VersionRow,
} from './service-numbers.repository';

function byNumber(versions: VersionRow[]): Map<number, VersionRow[]> {
  const out = new Map<number, VersionRow[]>();
  for (const v of versions) {
    const list = out.get(v.service_number_id) ?? [];
    list.push(v);
    out.set(v.service_number_id, list);
  }
  return out;
}

/** `GET /api/service-numbers`: the registry in the viewer's scope, with history and complaint counts. */
export async function listRegistry(
  ctx: AppContext,
  user: SessionUser,
): Promise<{ items: ServiceNumberDto[] }> {
  const actor = await loadActor(ctx.db, user);
  const numbers = await listNumbers(ctx.db, { unitPath: readScope(actor) });
  const ids = numbers.map((n) => n.id);
  const versions = byNumber(await listVersions(ctx.db, ids));
  const complaints = await complaintCounts(ctx.db, ids);
  const today = serviceDate(ctx.clock.now());
  const items: ServiceNumberDto[] = [];
  for (const n of numbers) {
    const dto = presentNumber(n, versions.get(n.id) ?? [], complaints.get(n.id), today);
    if (dto) items.push(dto);
  }
  return { items };
}

/** `GET /api/service-numbers/:id`: one number of the registry with its whole history. */
export async function getNumber(ctx: AppContext, user: SessionUser, id: number): Promise<ServiceNumberDto> {
  const actor = await loadActor(ctx.db, user);
  const n = await findServiceNumber(ctx.db, id);
  if (!n || !inScope(actor, n.unit_path)) throw new AppError('NOT_FOUND', '号码不存在');
  const versions = await listVersions(ctx.db, [id]);
  const complaints = await complaintCounts(ctx.db, [id]);
  const dto = presentNumber(n, versions, complaints.get(id), serviceDate(ctx.clock.now()));
  if (!dto) throw new AppError('NOT_FOUND', '号码不存在');
  return dto;
}

/**
 * `GET /api/public/service-numbers` (no sign-in): the numbers in force today, as published
 * (beijing-miyun §5, §10, §12): from the effective date of the approved opening, with the latest
 * change in force, until the effective date of the closing.
 */
export async function listPublicNumbers(ctx: AppContext): Promise<{ items: PublicServiceNumberDto[] }> {
  const rows = await publishedOn(ctx.db, serviceDate(ctx.clock.now()));
  return { items: rows.map(presentPublic) };
}

/** `GET /api/service-numbers/applications`: the review queue (center) or the unit's own applications. */
export async function listApplicationsFor(
  ctx: AppContext,
  user: SessionUser,
  q: z.output<typeof listApplicationsQuery>,
): Promise<{ items: ApplicationDto[] }> {
  const actor = await loadActor(ctx.db, user);
  const rows = await listApplications(ctx.db, {
    unitPath: readScope(actor),
    status: q.status === 'all' ? null : q.status,
    unitId: q.unitId,
  });
  return { items: rows.map(presentApplication) };
}

export async function getApplication(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<ApplicationDto> {
  const actor = await loadActor(ctx.db, user);
  const row = await findApplication(ctx.db, id);
  if (!row || !inScope(actor, row.unit_path)) throw new AppError('NOT_FOUND', '号码申请不存在');
  return presentApplication(row);
}
