import { seededRandom, shuffleInPlace } from '../../../common/seeded-random';

/** Stratified k folds: each label's rows shuffled (seeded) and dealt round-robin. Returns fold per row. */
export function stratifiedFolds(labels: readonly string[], k: number, seed: number): Int32Array {
  const rand = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  labels.forEach((l, i) => {
    const list = byLabel.get(l);
    if (list) list.push(i);
    else byLabel.set(l, [i]);
  });
  const fold = new Int32Array(labels.length);
  let next = 0; // continue dealing across labels so small classes do not all land in fold 0
  for (const key of [...byLabel.keys()].sort()) {
    for (const i of shuffleInPlace(byLabel.get(key) as number[], rand)) {
      fold[i] = next;
      next = (next + 1) % k;
    }
  }
  return fold;
}

export interface QualityFigures {
  n: number;
  accuracy: number;
  macroF1: number;
  perLabel: { label: string; precision: number; recall: number; f1: number; support: number }[];
}

/** Accuracy and macro-F1 (mean of per-label F1 over the labels present in truth or prediction). */
export function quality(truth: readonly string[], predicted: readonly string[]): QualityFigures {
  const labels = [...new Set([...truth, ...predicted])].sort();
  let correct = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  truth.forEach((t, i) => {
    const p = predicted[i] as string;
    if (t === p) {
      correct++;
      inc(tp, t);
    } else {
      inc(fp, p);
      inc(fn, t);
    }
  });
  const perLabel = labels.map((label) => {
    const a = tp.get(label) ?? 0;
    const precision = a + (fp.get(label) ?? 0) > 0 ? a / (a + (fp.get(label) ?? 0)) : 0;
    const recall = a + (fn.get(label) ?? 0) > 0 ? a / (a + (fn.get(label) ?? 0)) : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support: a + (fn.get(label) ?? 0) };
  });
  const macroF1 = perLabel.length ? perLabel.reduce((s, x) => s + x.f1, 0) / perLabel.length : 0;
  return { n: truth.length, accuracy: truth.length ? correct / truth.length : 0, macroF1, perLabel };
}

/**
 * Expected calibration error of the top prediction: predictions binned by confidence
 * (equal-width bins), the weighted mean gap between a bin's mean confidence and its accuracy.
 */
export function expectedCalibrationError(
  confidences: readonly number[],
  correct: readonly boolean[],
  bins = 10,
): number {
  const sumConf = new Float64Array(bins);
  const sumOk = new Float64Array(bins);
  const count = new Float64Array(bins);
  confidences.forEach((c, i) => {
    const b = Math.min(bins - 1, Math.floor(c * bins));
    sumConf[b] = (sumConf[b] as number) + c;
    sumOk[b] = (sumOk[b] as number) + (correct[i] ? 1 : 0);
    count[b] = (count[b] as number) + 1;
  });
  let ece = 0;
  for (let b = 0; b < bins; b++) {
    const c = count[b] as number;
    if (c > 0) {
      ece += (c / confidences.length) * Math.abs((sumConf[b] as number) / c - (sumOk[b] as number) / c);
    }
  }
  return ece;
}
