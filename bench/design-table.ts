import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { textFeatures, type TextFeatures } from '../server/domain/classify/features';
import { productionTrainOptions } from '../server/features/classify/model-store';
import { arg } from './bench-args';
/**
 * The table of the classifier's design-split benches (classify-design.ts, classify-learners.ts):
 * each model's test figures per seed and fold, printed as a markdown table of the mean per seed
 * with the difference against a base model scored on the same folds in the same run.
 */

export interface SplitFigures {
  acc: number;
  f1: number;
  /** What inner CV chose for this model on this fold (cost, weight…), if anything. */
  note?: string;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f4 = (x: number) => x.toFixed(4);
const sign = (x: number) => (x >= 0 ? '+' : '−') + f4(Math.abs(x));

export class DesignTable {
  /** name → seed → figures of each outer fold */
  private readonly rows = new Map<string, Map<number, SplitFigures[]>>();

  /** Records a model's figures on one outer fold (and reports them on stderr at once). */
  put(name: string, seed: number, r: SplitFigures): void {
    const bySeed = this.rows.get(name) ?? new Map<number, SplitFigures[]>();
    this.rows.set(name, bySeed);
    bySeed.set(seed, [...(bySeed.get(seed) ?? []), r]);
    process.stderr.write(`seed ${seed} ${name}: ${JSON.stringify(r)}\n`);
  }

  markdown(title: string, seeds: readonly number[], base: string, noteHead: string): string {
    const baseRows = this.rows.get(base) ?? new Map<number, SplitFigures[]>();
    const head = seeds.flatMap((s) => [
      `seed ${s} accuracy (Δ)`,
      `seed ${s} macro-F1 (Δ)`,
      `seed ${s} ${noteHead}`,
    ]);
    const out = [
      title,
      '',
      `| model | ${head.join(' | ')} |`,
      `| --- | ${head.map(() => '---:').join(' | ')} |`,
    ];
    for (const [name, bySeed] of this.rows) {
      const cells = seeds.flatMap((s) => {
        const rs = bySeed.get(s) ?? [];
        const b = baseRows.get(s) ?? [];
        const acc = mean(rs.map((r) => r.acc));
        const f1 = mean(rs.map((r) => r.f1));
        return [
          `${f4(acc)} (${sign(acc - mean(b.map((r) => r.acc)))})`,
          `${f4(f1)} (${sign(f1 - mean(b.map((r) => r.f1)))})`,
          rs.map((r) => r.note ?? '').join(', '),
        ];
      });
      out.push(`| ${name} | ${cells.join(' | ')} |`);
    }
    return `${out.join('\n')}\n`;
  }
}

/** The labelled messages of the design splits, with their features as production extracts them. */
export function designData(dataFile: string) {
  const rows = fs
    .readFileSync(dataFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { label: string; text_seg: string });
  const labels = rows.map((r) => r.label);
  const labelSet = [...new Set(labels)].sort();
  const docs: TextFeatures[] = rows.map((r) =>
    textFeatures(r.text_seg.replace(/\s+/g, ''), productionTrainOptions.features),
  );
  return { labels, labelSet, nl: labelSet.length, docs };
}

/** `--data` (the Teddy Cup 2020 development set beside the repository), `--folds 2`, `--seeds 7,11`. */
export function designArgs() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return {
    dataFile: arg(
      'data',
      path.resolve(here, '../../shared/data/teddycup2020_message_classification/messages.jsonl'),
    ),
    k: Number(arg('folds', '2')),
    seeds: arg('seeds', '7,11').split(',').map(Number),
  };
}
