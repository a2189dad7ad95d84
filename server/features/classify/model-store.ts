import { TextClassifier } from '../../domain/classify/classifier';
import { defaultTrainOptions, type TrainOptions } from '../../domain/classify/train';
import type { UsualUnits } from '../../db/tables/classify';
import type { Db } from '../../platform/db';
import { activeModelId, loadModel, type ModelTarget } from './classify.repository';

/** Training options of the models an installation trains (the bench measures the same). */
export const productionTrainOptions: TrainOptions = defaultTrainOptions;

/** Longest text a training example contributes (characters); longer ones are cut. */
export const maxTrainingTextLength = 20_000;

export interface LoadedModel {
  id: number;
  name: string;
  target: ModelTarget;
  version: number;
  classifier: TextClassifier;
  usualUnits: UsualUnits | null;
}

/**
 * The active version of each named model, deserialised once and kept while it stays active
 * (each lookup asks the database for the active id only, so another process's training or
 * rollback is seen at once).
 */
const caches = new WeakMap<Db, Map<string, LoadedModel>>();

export async function activeModel(db: Db, name: string): Promise<LoadedModel | null> {
  const id = await activeModelId(db, name);
  if (id === null) return null;
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(name);
  if (hit && hit.id === id) return hit;
  const row = await loadModel(db, id);
  if (!row) return null;
  const loaded: LoadedModel = {
    id: row.id,
    name: row.name,
    target: row.target,
    version: row.version,
    classifier: TextClassifier.deserialize(new Uint8Array(Buffer.from(row.weights, 'base64'))),
    usualUnits: row.usual_units,
  };
  cache.set(name, loaded);
  return loaded;
}
