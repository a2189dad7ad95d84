/**
 * `civicline classify …`: the intake classifiers, on the same database as `npm start`.
 *
 *   classify train FILE [--model NAME] [--target category|unit]
 *                                   JSON lines {"text","label"}; a new version, made active
 *   classify train --from-history [--target category|unit] [--model NAME]
 *                                   closed orders: content → category code, or → handling unit id
 *   classify predict --batch [--model NAME]
 *                                   stdin JSON lines {"id","text"}; stdout one line per input, in
 *                                   order: {"id","label","confidence","alternatives":[{"label","confidence"}]}
 *   classify models                 every stored version; * marks the active one
 *   classify rollback [--model NAME]
 *                                   the version before the active one back in force
 */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import { textFeatures } from '../../domain/classify/features';
import { listModels, type ModelTarget } from '../../features/classify/classify.repository';
import { activeModel } from '../../features/classify/model-store';
import { rollbackModel } from '../../features/classify/rollback-model';
import {
  trainFromHistory,
  trainModel,
  type TrainedModel,
  type TrainingExample,
} from '../../features/classify/train-model';
import { withPlatform } from '../platform';

/** Longest text `predict` takes (characters). */
export const maxPredictTextLength = 100_000;

function parseTarget(v: string | undefined): ModelTarget {
  if (v === undefined || v === 'category' || v === 'unit') return v ?? 'category';
  throw new Error(`--target must be category or unit, not ${v}`);
}

function describe(m: TrainedModel): string {
  const f = (x: number | null) => (x === null ? '—' : x.toFixed(4));
  return (
    `trained ${m.name} v${m.version} (${m.target}) on ${m.trainingSize} texts, ${m.labels} labels, in ` +
    `${(m.millis / 1000).toFixed(1)} s; held-out accuracy ${f(m.heldOutAccuracy)}, macro-F1 ${f(m.heldOutMacroF1)}; active\n`
  );
}

async function readExamples(file: string): Promise<TrainingExample[]> {
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const rl = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const out: TrainingExample[] = [];
  const errors: string[] = [];
  let n = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { text?: unknown; label?: unknown };
      const label = typeof o.label === 'number' ? String(o.label) : o.label;
      if (typeof o.text !== 'string' || !o.text.trim()) throw new Error('"text" missing or empty');
      if (typeof label !== 'string' || !label.trim()) throw new Error('"label" missing or empty');
      out.push({ text: o.text, label: label.trim() });
    } catch (e) {
      errors.push(`line ${n}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  for (const e of errors.slice(0, 20)) process.stderr.write(`classify train: ${e}\n`);
  if (errors.length > 20) process.stderr.write(`classify train: … ${errors.length - 20} more errors\n`);
  return out;
}

function noModel(name: string): Error {
  return new Error(
    `no active model "${name}": train one first with ` +
      `\`civicline classify train FILE --model ${name}\` or \`civicline classify train --from-history` +
      `${name === 'unit' ? ' --target unit' : ''}\``,
  );
}

export function registerClassifyCommand(program: Command): void {
  const cmd = program
    .command('classify')
    .description('intake classifiers (智能分类): train, predict, versions');

  cmd
    .command('train [file]')
    .description(
      'train a new version from JSON lines {"text","label"} or from the closed orders (--from-history)',
    )
    .option('--from-history', 'train on the closed orders of this installation')
    .option('--target <target>', 'category | unit (what the labels are)', 'category')
    .option('--model <name>', 'model name (default: the target)')
    .action(
      async (file: string | undefined, opts: { fromHistory?: boolean; target?: string; model?: string }) => {
        const target = parseTarget(opts.target);
        const name = opts.model ?? target;
        if (opts.fromHistory) {
          if (file) throw new Error('classify train: give either FILE or --from-history, not both');
          const m = await withPlatform((ctx) =>
            trainFromHistory(ctx.db, { target, name, now: ctx.clock.now() }),
          );
          process.stdout.write(describe(m));
          return;
        }
        if (!file) {
          throw new Error('classify train: give a FILE of JSON lines {"text","label"} or --from-history');
        }
        const examples = await readExamples(file);
        const m = await withPlatform((ctx) =>
          trainModel(ctx.db, { name, target, source: 'file', examples, now: ctx.clock.now() }),
        );
        process.stdout.write(describe(m));
      },
    );

  cmd
    .command('predict')
    .description(
      'stdin JSON lines {"id","text"} → stdout {"id","label","confidence","alternatives"} in order',
    )
    .option('--batch', 'read JSON lines on stdin (the only mode)')
    .option('--model <name>', 'model name', 'category')
    .action(async (opts: { batch?: boolean; model: string }) => {
      if (!opts.batch) throw new Error('classify predict: use --batch and JSON lines {"id","text"} on stdin');
      await withPlatform(async (ctx) => {
        const model = await activeModel(ctx.db, opts.model);
        if (!model) throw noModel(opts.model);
        const c = model.classifier;
        const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
        let failed = 0;
        let n = 0;
        for await (const line of rl) {
          n++;
          if (!line.trim()) continue;
          let id: unknown = null;
          let out: object;
          try {
            const o = JSON.parse(line) as { id?: unknown; text?: unknown };
            id = o.id ?? null;
            if (typeof o.text !== 'string') throw new Error('"text" missing');
            if (!o.text.trim()) throw new Error('"text" is empty');
            if (o.text.length > maxPredictTextLength) {
              throw new Error(`"text" is longer than ${maxPredictTextLength} characters`);
            }
            out = { id, ...c.predictFeatures(textFeatures(o.text, c.features)) };
          } catch (e) {
            failed++;
            const message =
              e instanceof SyntaxError ? 'not a JSON line' : e instanceof Error ? e.message : String(e);
            process.stderr.write(`classify predict: line ${n}: ${message}\n`);
            out = { id, label: null, confidence: 0, alternatives: [], error: message };
          }
          process.stdout.write(`${JSON.stringify(out)}\n`);
        }
        if (failed > 0) process.exitCode = 1;
      });
    });

  cmd
    .command('models')
    .description('every stored model version (* = active)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const rows = await withPlatform((ctx) => listModels(ctx.db));
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify(
            rows.map((r) => ({
              name: r.name,
              target: r.target,
              version: r.version,
              active: r.active,
              source: r.source,
              trainingSize: r.training_size,
              trainedAt: new Date(r.trained_at).toISOString(),
              heldOutAccuracy: r.held_out_accuracy,
              heldOutMacroF1: r.held_out_macro_f1,
              labels: r.labels.length,
            })),
          )}\n`,
        );
        return;
      }
      if (rows.length === 0) {
        process.stdout.write('no models yet: civicline classify train --from-history (or FILE)\n');
        return;
      }
      for (const r of rows) {
        const f = (x: number | null) => (x === null ? '—' : x.toFixed(4));
        process.stdout.write(
          `${r.active ? '*' : ' '} ${r.name} v${r.version}  ${r.target}  ${r.source}  ${r.training_size} texts  ` +
            `${r.labels.length} labels  ${new Date(r.trained_at).toISOString()}  acc ${f(r.held_out_accuracy)}  ` +
            `macro-F1 ${f(r.held_out_macro_f1)}\n`,
        );
      }
    });

  cmd
    .command('rollback')
    .description('put the version before the active one back in force')
    .option('--model <name>', 'model name', 'category')
    .action(async (opts: { model: string }) => {
      const r = await withPlatform((ctx) => rollbackModel(ctx.db, opts.model));
      process.stdout.write(`${opts.model}: v${r.from} → v${r.to} active\n`);
    });
}
