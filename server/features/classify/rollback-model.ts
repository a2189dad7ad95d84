import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { lockName, setActive, versionsOf } from './classify.repository';

/**
 * Puts the version before the active one back in force (the active one stays stored,
 * inactive). Rolling back again goes one further back.
 */
export async function rollbackModel(db: Db, name: string): Promise<{ from: number; to: number }> {
  return db.transaction().execute(async (trx) => {
    await lockName(trx, name);
    const versions = await versionsOf(trx, name);
    if (versions.length === 0) {
      throw new AppError('NOT_FOUND', `没有名为 ${name} 的模型：先运行 civicline classify train`);
    }
    const current = versions.find((v) => v.active);
    const previous = current ? versions.find((v) => v.version < current.version) : undefined;
    if (!current || !previous) {
      throw new AppError('CONFLICT', `模型 ${name} 没有可回退的更早版本`);
    }
    await setActive(trx, name, previous.id);
    return { from: current.version, to: previous.version };
  });
}
