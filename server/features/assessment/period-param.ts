import { parsePeriod, PeriodError, type Period } from '../../domain/kpi';
import { AppError } from '../../platform/errors';

/** An assessment period as asked for (`YYYY-MM`, `YYYY-Qn`, `YYYY-Hn`, `YYYY`); 400 otherwise. */
export function periodParam(id: string): Period {
  try {
    return parsePeriod(id);
  } catch (e) {
    if (e instanceof PeriodError) {
      throw new AppError('VALIDATION_FAILED', '期间格式为 YYYY-MM、YYYY-Qn、YYYY-Hn 或 YYYY', { period: id });
    }
    throw e;
  }
}
