import type { ColumnType, Generated } from 'kysely';

/** Each category's usual handling unit in the history a model was trained on. */
export type UsualUnits = Record<string, { unitId: number; count: number; total: number }>;

/** One trained version of a named text classifier (server/features/classify). */
export interface ClassifierModelTable {
  id: Generated<number>;
  name: string;
  target: 'category' | 'unit';
  version: number;
  active: Generated<boolean>;
  source: 'history' | 'file';
  training_size: number;
  trained_at: ColumnType<Date, Date | string, Date | string>;
  held_out_accuracy: number | null;
  held_out_macro_f1: number | null;
  labels: string[];
  /** The serialised model, base64. */
  weights: string;
  usual_units: ColumnType<UsualUnits | null, string | null | undefined, string | null>;
}

export interface ClassifyTables {
  classifier_model: ClassifierModelTable;
}
