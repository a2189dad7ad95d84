import { sql, type Kysely } from 'kysely';

/**
 * Text classifiers trained on the installation's own history or on a file (intake
 * suggestions): one row per trained version of a named model, at most one version active per
 * name. `weights` is the serialised model (server/domain/classify), base64; `labels` its classes
 * (category codes or handling-unit ids as text). The held-out figures are out-of-fold scores on
 * the model's own training data. `usual_units` (category models from history) maps each category
 * to the unit that handled most of its closed orders: {code: {unitId, count, total}}.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table classifier_model (
      id bigserial primary key,
      name text not null,
      target text not null check (target in ('category', 'unit')),
      version integer not null,
      active boolean not null default false,
      source text not null check (source in ('history', 'file')),
      training_size integer not null,
      trained_at timestamptz not null,
      held_out_accuracy double precision,
      held_out_macro_f1 double precision,
      labels text[] not null,
      -- base64 (a text column: backups carry it as it is)
      weights text not null,
      -- category models trained from history: each category's usual handling unit
      usual_units jsonb,
      unique (name, version)
    )`.execute(db);
  await sql`create unique index classifier_model_one_active on classifier_model(name) where active`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table classifier_model`.execute(db);
}
