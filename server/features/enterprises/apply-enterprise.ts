import type { z } from 'zod';
import type { enterpriseApplicationBody } from '../../../common/contracts/enterprises';
import { checkCreditCode, creditCodeProblemLabels } from '../../domain/enterprise/credit-code';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { withRetry } from '../../platform/retry';
import {
  activeCategoryCodes,
  findLiveByCreditCode,
  insertEnterprise,
  insertRecommendation,
} from './enterprises.repository';
import { decodeLicence, removeLicence, storeLicence } from './licence-file';

/**
 * `POST /api/public/enterprises/applications`: an enterprise applies online to join, without an
 * account, with its business licence (wuqing §32-§33); an association's recommendation may come
 * with it (§34). The credit code must pass GB 32100-2015; one live application per code.
 */
export async function applyEnterprise(
  ctx: AppContext,
  body: z.output<typeof enterpriseApplicationBody>,
): Promise<{ id: number; status: 'pending' }> {
  const checked = checkCreditCode(body.creditCode);
  if (!checked.ok) {
    throw new AppError('INVALID_CREDIT_CODE', creditCodeProblemLabels[checked.problem], {
      field: 'creditCode',
      problem: checked.problem,
    });
  }
  if ((body.lng === undefined) !== (body.lat === undefined)) {
    throw new AppError('VALIDATION_FAILED', '经纬度须同时填写', [
      { path: '/lng', message: '经纬度须同时填写' },
    ]);
  }
  const licence = decodeLicence(body.licence.dataBase64);
  const known = await activeCategoryCodes(ctx.db, body.services);
  const unknown = body.services.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new AppError('VALIDATION_FAILED', '服务类别不存在或已停用', { services: unknown });
  }
  const file = await storeLicence(ctx.env.DATA_DIR, licence);
  try {
    const id = await withRetry(ctx.db, async (trx) => {
      if (await findLiveByCreditCode(trx, checked.code)) {
        throw new AppError('CONFLICT', '该统一社会信用代码已提交过加盟申请或已是加盟企业');
      }
      const now = ctx.clock.now();
      const enterpriseId = await insertEnterprise(trx, {
        name: body.name,
        credit_code: checked.code,
        services: body.services,
        address: body.address,
        lng: body.lng ?? null,
        lat: body.lat ?? null,
        contact_name: body.contactName,
        contact_phone: body.contactPhone,
        description: body.description ?? null,
        licence_file: file,
        licence_type: licence.type,
        licence_size: licence.bytes.length,
        applied_at: now,
      });
      if (body.recommendedBy) {
        await insertRecommendation(trx, {
          enterpriseId,
          association: body.recommendedBy,
          note: '随加盟申请提交',
          by: null,
          at: now,
        });
      }
      return enterpriseId;
    });
    return { id, status: 'pending' };
  } catch (e) {
    await removeLicence(ctx.env.DATA_DIR, file);
    // Two applications with one code at once: the unique index refuses the second.
    if ((e as { code?: unknown }).code === '23505') {
      throw new AppError('CONFLICT', '该统一社会信用代码已提交过加盟申请或已是加盟企业');
    }
    throw e;
  }
}
