import type { FeatureParams, TextFeatures } from './features';
import { argmax, blockWeights, TextClassifier, toVector, type Block } from './classifier';
import { trainBinarySvm, type SparseVector, type SvmLoss } from './linear-svm';
import { quality, stratifiedFolds } from './metrics';
import { fitNaiveBayes, linearScores, type NaiveBayesOptions } from './naive-bayes';
import { choosePool, fitTemperature, poolWeights, type PoolCriterion } from './pool';
import { fitVectorScaling, scaleWeights } from './logistic';
import { seededRandom } from '../../../common/seeded-random';

/**
 * Fitting the text classifier (classifier.ts): the vocabulary and idf per block, one-vs-rest
 * linear SVMs with naive-Bayes feature scaling, the cost chosen and the temperature fitted on
 * inner folds; optionally a naive Bayes learner on the same vectors pooled with the SVMs
 * (pool.ts), its weight chosen on the same inner folds. Deterministic for a given seed.
 * Pure: no I/O, no clock.
 */

export interface PoolOptions {
  /** The second learner, fitted on the same TF-IDF vectors. */
  nb: NaiveBayesOptions;
  /** Candidate weights of the second learner, from 0 (the SVMs alone) up. */
  weights: number[];
  /** How the inner out-of-fold scores choose the weight. */
  criterion: PoolCriterion;
}

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
  /** Loss of the one-vs-rest SVMs. */
  loss: SvmLoss;
  /** Weigh each label's examples inversely to its frequency. */
  balanced: boolean;
  /**
   * Naive-Bayes feature scaling per label (NBSVM, Wang & Manning 2012): each one-vs-rest SVM
   * sees the features scaled by their log-count ratio for that label (0: off; else the smoothing α).
   */
  nbAlpha: number;
  /**
   * How the SVMs' scores become probabilities, fitted on the inner out-of-fold scores: one
   * temperature for all labels, or a scale and a shift per label (vector scaling, logistic.ts),
   * which can also change the top label. Without inner folds: temperature 1.
   */
  calibration: 'temperature' | 'vectorScaling';
  /** A second learner pooled with the SVMs (null: the SVMs alone). Needs inner folds. */
  pool: PoolOptions | null;
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
  loss: 'squaredHinge',
  balanced: false,
  nbAlpha: 0.1,
  calibration: 'temperature',
  pool: null,
  maxIter: 60,
  seed: 1,
};

export interface TrainReport {
  size: number;
  cost: number;
  /** Temperature of the final model's scores (1 with vector scaling: folded into the weights). */
  temperature: number;
  /** Weight of the pooled naive Bayes learner (0: the SVMs alone). */
  poolWeight: number;
  /** Out-of-fold figures of the SVMs on the training data (null when too small for folds). */
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

/** The vocabulary and idf of each block fitted on `docs`, and their vectors. */
export interface FeatureSpace {
  words: Block;
  chars: Block;
  dim: number;
  rows: SparseVector[];
}

export function fitSpace(docs: readonly TextFeatures[], k: number, opts: TrainOptions): FeatureSpace {
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
  const rows = docs.map((d) => toVector(d, words, chars, opts.features));
  return { words, chars, dim: words.vocab.size + chars.vocab.size, rows };
}

/** One-vs-rest SVMs with one cost on the rows; feature-major weights (NB scaling folded in). */
export function fitSvms(
  rows: readonly SparseVector[],
  yIdx: readonly number[],
  k: number,
  dim: number,
  cost: number,
  opts: TrainOptions,
): { weights: Float32Array; bias: Float32Array } {
  const counts = new Array<number>(k).fill(0);
  for (const y of yIdx) counts[y] = (counts[y] as number) + 1;
  const weights = new Float32Array(dim * k);
  const bias = new Float32Array(k);
  const rand = seededRandom(opts.seed);
  for (let c = 0; c < k; c++) {
    const y = Int8Array.from(yIdx, (v) => (v === c ? 1 : -1));
    const pos = counts[c] as number;
    const neg = rows.length - pos;
    const cPos = opts.balanced && pos > 0 ? (cost * rows.length) / (2 * pos) : cost;
    const cNeg = opts.balanced && neg > 0 ? (cost * rows.length) / (2 * neg) : cost;
    const r = opts.nbAlpha > 0 ? logCountRatio(rows, y, dim, opts.nbAlpha) : null;
    const seen = r
      ? rows.map((x) => ({ idx: x.idx, val: x.val.map((v, j) => v * (r[x.idx[j] as number] as number)) }))
      : rows;
    const m = trainBinarySvm(seen, y, dim, {
      cPos,
      cNeg,
      loss: opts.loss,
      maxIter: opts.maxIter,
      eps: 0.1,
      rand,
    });
    // w·(x∘r) = (w∘r)·x: the scaling folds into the weights, prediction is unchanged.
    for (let f = 0; f < dim; f++) weights[f * k + c] = (m.w[f] as number) * (r ? (r[f] as number) : 1);
    bias[c] = m.b;
  }
  return { weights, bias };
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
  const space = fitSpace(docs, k, opts);
  const svm = fitSvms(space.rows, labelIndices(labels, labelSet), k, space.dim, cost, opts);
  return new TextClassifier(labelSet, opts.features, space.words, space.chars, svm.weights, svm.bias, 1);
}

function labelIndices(labels: readonly string[], labelSet: readonly string[]): number[] {
  const index = new Map(labelSet.map((l, i) => [l, i]));
  return labels.map((l) => index.get(l) as number);
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

/** Out-of-fold scores on the training data, indexed like `seen`. */
export interface InnerScores {
  cost: number;
  heldOut: { accuracy: number; macroF1: number };
  /** The rows that were scored (those of folds whose training part had two labels or more). */
  seen: number[];
  truth: number[];
  /** SVM scores with the chosen cost. */
  svm: Float64Array[];
  /** Naive Bayes scores, one list per requested variant. */
  nb: Float64Array[][];
}

/**
 * Inner stratified folds: per fold the vocabulary is fitted on its training part once, then the
 * SVMs with each cost and each naive Bayes variant; the cost with the best out-of-fold macro-F1
 * is chosen. Null when the data is too small for folds.
 */
export function innerScores(
  docs: readonly TextFeatures[],
  labels: readonly string[],
  labelSet: readonly string[],
  opts: TrainOptions,
  nbVariants: readonly NaiveBayesOptions[],
): InnerScores | null {
  const k = opts.innerFolds;
  const minPerLabel = Math.min(...labelSet.map((l) => labels.filter((x) => x === l).length));
  if (!(k >= 2 && docs.length >= 4 * k && minPerLabel >= 1)) return null;
  const nl = labelSet.length;
  const yAll = labelIndices(labels, labelSet);
  const fold = stratifiedFolds(labels, k, opts.seed);
  const svm = opts.costs.map(() => new Array<Float64Array>(docs.length));
  const nb = nbVariants.map(() => new Array<Float64Array>(docs.length));
  for (let f = 0; f < k; f++) {
    const tr = [...docs.keys()].filter((i) => fold[i] !== f);
    const te = [...docs.keys()].filter((i) => fold[i] === f);
    const yTr = tr.map((i) => yAll[i] as number);
    if (new Set(yTr).size < 2) continue;
    const space = fitSpace(
      tr.map((i) => docs[i] as TextFeatures),
      nl,
      opts,
    );
    const test = te.map((i) => toVector(docs[i] as TextFeatures, space.words, space.chars, opts.features));
    opts.costs.forEach((c, ci) => {
      const m = fitSvms(space.rows, yTr, nl, space.dim, c, opts);
      const scorer = { weights: m.weights, bias: m.bias };
      te.forEach((i, j) => {
        (svm[ci] as Float64Array[])[i] = linearScores(scorer, nl, test[j] as SparseVector);
      });
    });
    nbVariants.forEach((v, vi) => {
      const m = fitNaiveBayes(space.rows, yTr, nl, space.dim, v);
      te.forEach((i, j) => {
        (nb[vi] as Float64Array[])[i] = linearScores(m, nl, test[j] as SparseVector);
      });
    });
  }
  const seen = [...docs.keys()].filter((i) => svm[0]?.[i] !== undefined);
  if (seen.length === 0) return null;
  const truth = seen.map((i) => yAll[i] as number);
  let best: { ci: number; q: { accuracy: number; macroF1: number } } | null = null;
  opts.costs.forEach((_, ci) => {
    const q = quality(
      truth.map(String),
      seen.map((i) => String(argmax((svm[ci] as Float64Array[])[i] as Float64Array))),
    );
    if (!best || q.macroF1 > best.q.macroF1) best = { ci, q };
  });
  const chosen = best as unknown as { ci: number; q: { accuracy: number; macroF1: number } };
  return {
    cost: opts.costs[chosen.ci] as number,
    heldOut: { accuracy: chosen.q.accuracy, macroF1: chosen.q.macroF1 },
    seen,
    truth,
    svm: seen.map((i) => (svm[chosen.ci] as Float64Array[])[i] as Float64Array),
    nb: nb.map((list) => seen.map((i) => list[i] as Float64Array)),
  };
}

/**
 * Trains a calibrated classifier. With enough data, inner stratified folds choose the cost
 * (best macro-F1), give the out-of-fold scores the temperature (and, with a second learner,
 * the pool weight) is fitted on, and the held-out figures; the final model is then fitted on
 * everything. `parts` are the learners before pooling, each with its own temperature.
 */
export function trainClassifier(
  docs: readonly TextFeatures[],
  labels: readonly string[],
  options: Partial<TrainOptions> = {},
): {
  model: TextClassifier;
  report: TrainReport;
  parts: { svm: TextClassifier; nb: TextClassifier | null };
} {
  const opts: TrainOptions = { ...defaultTrainOptions, ...options };
  if (docs.length !== labels.length) throw new Error('texts and labels differ in number');
  const labelSet = [...new Set(labels)].sort();
  if (labelSet.length < 2) throw new Error('training needs at least two different labels');
  const k = labelSet.length;
  const inner = innerScores(docs, labels, labelSet, opts, opts.pool ? [opts.pool.nb] : []);
  const cost = inner?.cost ?? opts.costs[0] ?? 1;
  const svmTemperature = inner ? fitTemperature(inner.svm, inner.truth) : 1;
  const pool =
    inner && opts.pool
      ? choosePool(
          inner.svm,
          inner.nb[0] as Float64Array[],
          inner.truth,
          opts.pool.weights,
          opts.pool.criterion,
        )
      : null;

  const space = fitSpace(docs, k, opts);
  const yIdx = labelIndices(labels, labelSet);
  const svm = fitSvms(space.rows, yIdx, k, space.dim, cost, opts);
  const make = (m: { weights: Float32Array; bias: Float32Array }, t: number) =>
    new TextClassifier(labelSet, opts.features, space.words, space.chars, m.weights, m.bias, t);
  const svmModel = make(svm, svmTemperature);
  let nbModel: TextClassifier | null = null;
  let model = svmModel;
  if (pool && opts.pool) {
    const nb = fitNaiveBayes(space.rows, yIdx, k, space.dim, opts.pool.nb);
    nbModel = make(
      { weights: Float32Array.from(nb.weights), bias: Float32Array.from(nb.bias) },
      pool.nbTemperature,
    );
    if (pool.weight > 0) model = make(poolWeights(svm, nb, k, pool), pool.temperature);
  }
  if (inner && model === svmModel && opts.calibration === 'vectorScaling') {
    model = make(scaleWeights(svm, k, fitVectorScaling(inner.svm, inner.truth)), 1);
  }
  return {
    model,
    report: {
      size: docs.length,
      cost,
      temperature: model.temperature,
      poolWeight: model === svmModel ? 0 : (pool?.weight ?? 0),
      heldOut: inner?.heldOut ?? null,
    },
    parts: { svm: svmModel, nb: nbModel },
  };
}
