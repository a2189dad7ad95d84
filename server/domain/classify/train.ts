import type { FeatureParams, TextFeatures } from './features';
import { argmax, blockWeights, softmax, TextClassifier, toVector, type Block } from './classifier';
import { trainBinarySvm, type SparseVector } from './linear-svm';
import { quality, stratifiedFolds } from './metrics';
import { seededRandom } from '../../../common/seeded-random';

/**
 * Fitting the text classifier (classifier.ts): the vocabulary and idf per block, one-vs-rest
 * linear SVMs with naive-Bayes feature scaling, the cost chosen and the temperature fitted on
 * inner folds. Deterministic for a given seed. Pure: no I/O, no clock.
 */

export interface TrainOptions {
  features: FeatureParams;
  /** Candidate SVM costs; with more than one, the best macro-F1 over inner folds is chosen. */
  costs: number[];
  /** Inner folds for choosing the cost, calibrating and the held-out figures (0: none). */
  innerFolds: number;
  /** Minimum number of training texts a term must occur in. */
  minDf: number;
  /** Weight budget: the vocabulary is cut (rarest first) so features × labels stays under it. */
  maxWeights: number;
  /** Most features kept whatever the number of labels (model size and load time). */
  maxFeatures: number;
  /** Weigh each label's examples inversely to its frequency. */
  balanced: boolean;
  /**
   * Naive-Bayes feature scaling per label (NBSVM, Wang & Manning 2012): each one-vs-rest SVM
   * sees the features scaled by their log-count ratio for that label (0: off; else the smoothing α).
   */
  nbAlpha: number;
  maxIter: number;
  seed: number;
}

export const defaultTrainOptions: TrainOptions = {
  features: { words: true, charMin: 1, charMax: 3 },
  costs: [1, 2, 4, 8],
  innerFolds: 3,
  minDf: 2,
  maxWeights: 3_000_000,
  maxFeatures: 200_000,
  balanced: false,
  nbAlpha: 0.1,
  maxIter: 60,
  seed: 1,
};

export interface TrainReport {
  size: number;
  cost: number;
  temperature: number;
  /** Out-of-fold figures on the training data (null when too small for folds). */
  heldOut: { accuracy: number; macroF1: number } | null;
}

function fitBlock(
  docs: readonly (readonly string[])[],
  minDf: number,
  maxTerms: number,
  offset: number,
): Block {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const kept = [...df].filter(([, c]) => c >= minDf);
  kept.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  kept.length = Math.min(kept.length, maxTerms);
  kept.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab = new Map<string, number>();
  const idf = new Float32Array(kept.length);
  const n = docs.length;
  kept.forEach(([t, c], i) => {
    vocab.set(t, i);
    idf[i] = Math.log((1 + n) / (1 + c)) + 1;
  });
  return { vocab, idf, offset };
}

/** Fits the vocabulary and the one-vs-rest SVMs with one cost; no calibration (temperature 1). */
export function fitLinear(
  docs: readonly TextFeatures[],
  labels: readonly string[],
  labelSet: readonly string[],
  cost: number,
  opts: TrainOptions,
): TextClassifier {
  const k = labelSet.length;
  const bw = blockWeights(opts.features);
  const budget = Math.max(1000, Math.min(opts.maxFeatures, Math.floor(opts.maxWeights / Math.max(k, 1))));
  const wordBudget = bw.words && bw.chars ? Math.floor(budget / 3) : budget;
  const words = fitBlock(bw.words ? docs.map((d) => d.words) : [], opts.minDf, wordBudget, 0);
  const chars = fitBlock(
    bw.chars ? docs.map((d) => d.chars) : [],
    opts.minDf,
    budget - words.vocab.size,
    words.vocab.size,
  );
  const dim = words.vocab.size + chars.vocab.size;
  const rows = docs.map((d) => toVector(d, words, chars, opts.features));
  const labelIndex = new Map(labelSet.map((l, i) => [l, i]));
  const yIdx = labels.map((l) => labelIndex.get(l) as number);
  const counts = new Array<number>(k).fill(0);
  for (const y of yIdx) counts[y] = (counts[y] as number) + 1;
  const weights = new Float32Array(dim * k);
  const bias = new Float32Array(k);
  const rand = seededRandom(opts.seed);
  for (let c = 0; c < k; c++) {
    const y = Int8Array.from(yIdx, (v) => (v === c ? 1 : -1));
    const pos = counts[c] as number;
    const neg = docs.length - pos;
    const cPos = opts.balanced && pos > 0 ? (cost * docs.length) / (2 * pos) : cost;
    const cNeg = opts.balanced && neg > 0 ? (cost * docs.length) / (2 * neg) : cost;
    const r = opts.nbAlpha > 0 ? logCountRatio(rows, y, dim, opts.nbAlpha) : null;
    const seen = r
      ? rows.map((x) => ({ idx: x.idx, val: x.val.map((v, j) => v * (r[x.idx[j] as number] as number)) }))
      : rows;
    const m = trainBinarySvm(seen, y, dim, { cPos, cNeg, maxIter: opts.maxIter, eps: 0.1, rand });
    // w·(x∘r) = (w∘r)·x: the scaling folds into the weights, prediction is unchanged.
    for (let f = 0; f < dim; f++) weights[f * k + c] = (m.w[f] as number) * (r ? (r[f] as number) : 1);
    bias[c] = m.b;
  }
  return new TextClassifier(labelSet, opts.features, words, chars, weights, bias, 1);
}

/** log((p/|p|₁)/(q/|q|₁)) with p, q the smoothed feature sums of the positive and negative rows. */
function logCountRatio(
  rows: readonly SparseVector[],
  y: Int8Array,
  dim: number,
  alpha: number,
): Float64Array {
  const p = new Float64Array(dim).fill(alpha);
  const q = new Float64Array(dim).fill(alpha);
  rows.forEach((x, i) => {
    const t = (y[i] as number) > 0 ? p : q;
    for (let j = 0; j < x.idx.length; j++) {
      const f = x.idx[j] as number;
      t[f] = (t[f] as number) + (x.val[j] as number);
    }
  });
  let sp = 0;
  let sq = 0;
  for (let f = 0; f < dim; f++) {
    sp += p[f] as number;
    sq += q[f] as number;
  }
  const r = new Float64Array(dim);
  for (let f = 0; f < dim; f++) r[f] = Math.log((p[f] as number) / sp / ((q[f] as number) / sq));
  return r;
}

/** Temperature minimising the negative log-likelihood of the true labels (golden-section on log T). */
export function fitTemperature(scores: readonly Float64Array[], truth: readonly number[]): number {
  if (scores.length === 0) return 1;
  const nll = (logT: number) => {
    const t = Math.exp(logT);
    let s = 0;
    scores.forEach((sc, i) => {
      const p = softmax(sc, t)[truth[i] as number] as number;
      s -= Math.log(Math.max(p, 1e-12));
    });
    return s;
  };
  let lo = Math.log(0.01);
  let hi = Math.log(10);
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let i = 0; i < 60; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * Trains a calibrated classifier. With enough data, inner stratified folds choose the cost
 * (best macro-F1), give the out-of-fold scores the temperature is fitted on, and the held-out
 * figures; the final model is then fitted on everything.
 */
export function trainClassifier(
  docs: readonly TextFeatures[],
  labels: readonly string[],
  options: Partial<TrainOptions> = {},
): { model: TextClassifier; report: TrainReport } {
  const opts: TrainOptions = { ...defaultTrainOptions, ...options };
  if (docs.length !== labels.length) throw new Error('texts and labels differ in number');
  const labelSet = [...new Set(labels)].sort();
  if (labelSet.length < 2) throw new Error('training needs at least two different labels');
  const minPerLabel = Math.min(...labelSet.map((l) => labels.filter((x) => x === l).length));
  const k = opts.innerFolds;
  const canFold = k >= 2 && docs.length >= 4 * k && minPerLabel >= 1;
  let cost = opts.costs[0] ?? 1;
  let temperature = 1;
  let heldOut: TrainReport['heldOut'] = null;
  if (canFold) {
    const fold = stratifiedFolds(labels, k, opts.seed);
    let best: { f1: number; acc: number; cost: number; scores: Float64Array[]; seen: number[] } | null = null;
    for (const c of opts.costs) {
      const scores = new Array<Float64Array>(docs.length);
      const predicted = new Array<string>(docs.length);
      for (let f = 0; f < k; f++) {
        const tr = [...docs.keys()].filter((i) => fold[i] !== f);
        const te = [...docs.keys()].filter((i) => fold[i] === f);
        const trLabels = tr.map((i) => labels[i] as string);
        if (new Set(trLabels).size < 2) continue;
        const m = fitLinear(
          tr.map((i) => docs[i] as TextFeatures),
          trLabels,
          labelSet,
          c,
          opts,
        );
        for (const i of te) {
          const s = m.scores(m.vectorize(docs[i] as TextFeatures));
          scores[i] = s;
          predicted[i] = labelSet[argmax(s)] as string;
        }
      }
      const seen = [...docs.keys()].filter((i) => scores[i] !== undefined);
      const q = quality(
        seen.map((i) => labels[i] as string),
        seen.map((i) => predicted[i] as string),
      );
      if (!best || q.macroF1 > best.f1) {
        best = {
          f1: q.macroF1,
          acc: q.accuracy,
          cost: c,
          scores: seen.map((i) => scores[i] as Float64Array),
          seen,
        };
      }
    }
    if (best) {
      cost = best.cost;
      heldOut = { accuracy: best.acc, macroF1: best.f1 };
      const idx = new Map(labelSet.map((l, i) => [l, i]));
      temperature = fitTemperature(
        best.scores,
        best.seen.map((i) => idx.get(labels[i] as string) as number),
      );
    }
  }
  const fitted = fitLinear(docs, labels, labelSet, cost, opts);
  const model = fitted.withTemperature(temperature);
  return { model, report: { size: docs.length, cost, temperature, heldOut } };
}
