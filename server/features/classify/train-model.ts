import { trainClassifier, type TrainOptions } from '../../domain/classify/train';
import { textFeatures } from '../../domain/classify/features';
import type { UsualUnits } from '../../db/tables/classify';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { closedOrderHistory, insertActiveVersion, type ModelTarget } from './classify.repository';
import { maxTrainingTextLength, productionTrainOptions } from './model-store';

export interface TrainingExample {
  text: string;
  label: string;
}

export interface TrainedModel {
  id: number;
  name: string;
  target: ModelTarget;
  version: number;
  trainingSize: number;
  labels: number;
  heldOutAccuracy: number | null;
  heldOutMacroF1: number | null;
  millis: number;
}

/** Trains a new version of `name` on the examples and makes it the active one. */
export async function trainModel(
  db: Db,
  input: {
    name: string;
    target: ModelTarget;
    source: 'history' | 'file';
    examples: readonly TrainingExample[];
    now: Date;
    usualUnits?: UsualUnits | null;
    options?: Partial<TrainOptions>;
  },
): Promise<TrainedModel> {
  const started = performance.now();
  const examples = input.examples.filter((e) => e.text.trim() && e.label.trim());
  const labels = new Set(examples.map((e) => e.label));
  if (examples.length < 2 || labels.size < 2) {
    throw new AppError(
      'UNPROCESSABLE',
      `训练需要至少两个不同类别的样本（现有 ${examples.length} 条、${labels.size} 类）`,
    );
  }
  const options = { ...productionTrainOptions, ...input.options };
  const docs = examples.map((e) => textFeatures(e.text.slice(0, maxTrainingTextLength), options.features));
  const { model, report } = trainClassifier(
    docs,
    examples.map((e) => e.label),
    options,
  );
  const weights = model.serialize();
  const stored = await db.transaction().execute((trx) =>
    insertActiveVersion(trx, {
      name: input.name,
      target: input.target,
      source: input.source,
      training_size: examples.length,
      trained_at: input.now,
      held_out_accuracy: report.heldOut?.accuracy ?? null,
      held_out_macro_f1: report.heldOut?.macroF1 ?? null,
      labels: [...model.labels],
      weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64'),
      usual_units: input.usualUnits ? JSON.stringify(input.usualUnits) : null,
    }),
  );
  return {
    id: stored.id,
    name: input.name,
    target: input.target,
    version: stored.version,
    trainingSize: examples.length,
    labels: model.labels.length,
    heldOutAccuracy: report.heldOut?.accuracy ?? null,
    heldOutMacroF1: report.heldOut?.macroF1 ?? null,
    millis: Math.round(performance.now() - started),
  };
}

/** Each category's most frequent handling unit among closed orders. */
export function usualUnitsOf(
  rows: readonly { category_code: string | null; unit_id: number | null }[],
): UsualUnits {
  const counts = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (!r.category_code || r.unit_id === null) continue;
    const m = counts.get(r.category_code) ?? new Map<number, number>();
    m.set(r.unit_id, (m.get(r.unit_id) ?? 0) + 1);
    counts.set(r.category_code, m);
  }
  const out: UsualUnits = {};
  for (const [code, m] of counts) {
    let best: [number, number] | null = null;
    let total = 0;
    for (const [unit, c] of m) {
      total += c;
      if (!best || c > best[1] || (c === best[1] && unit < best[0])) best = [unit, c];
    }
    if (best) out[code] = { unitId: best[0], count: best[1], total };
  }
  return out;
}

/**
 * Trains from the installation's closed orders: content → category code, or → the unit that
 * handled the order. A category model also records each category's usual handling unit.
 */
export async function trainFromHistory(
  db: Db,
  input: { target: ModelTarget; name?: string; now: Date; options?: Partial<TrainOptions> },
): Promise<TrainedModel> {
  const rows = await closedOrderHistory(db);
  const examples =
    input.target === 'category'
      ? rows.flatMap((r) => (r.category_code ? [{ text: r.content, label: r.category_code }] : []))
      : rows.flatMap((r) => (r.unit_id !== null ? [{ text: r.content, label: String(r.unit_id) }] : []));
  if (examples.length < 2) {
    throw new AppError(
      'UNPROCESSABLE',
      `已办结工单不足以训练（${input.target === 'category' ? '有分类' : '有承办单位'}的已办结工单 ${examples.length} 件）`,
    );
  }
  return trainModel(db, {
    name: input.name ?? input.target,
    target: input.target,
    source: 'history',
    examples,
    now: input.now,
    usualUnits: input.target === 'category' ? usualUnitsOf(rows) : null,
    options: input.options,
  });
}
