import { argmax, softmax } from './classifier';
import type { LinearScorer } from './naive-bayes';
import { quality } from './metrics';

/**
 * Calibration and pooling of two linear learners over the same features. Each learner's scores
 * get a softmax temperature fitted on out-of-fold scores; the pool is the weighted mean of the
 * two calibrated log-probabilities, (1 − w)·log p_svm + w·log p_nb, with a final temperature.
 * Log-probabilities differ from the scores divided by the temperature by a constant per text,
 * so the pool is again linear in the features: it is stored as one set of weights.
 */

export type PoolCriterion = 'logLoss' | 'macroF1';

export interface Pool {
  /** Weight of the second learner (0: the SVMs alone). */
  weight: number;
  svmTemperature: number;
  nbTemperature: number;
  /** Temperature of the pooled scores. */
  temperature: number;
}

/** Mean negative log-likelihood of the true labels under softmax(scores / t). */
export function meanLogLoss(scores: readonly Float64Array[], truth: readonly number[], t: number): number {
  let s = 0;
  scores.forEach((sc, i) => {
    const p = softmax(sc, t)[truth[i] as number] as number;
    s -= Math.log(Math.max(p, 1e-12));
  });
  return scores.length ? s / scores.length : 0;
}

/** Temperature minimising the negative log-likelihood of the true labels (golden-section on log T). */
export function fitTemperature(scores: readonly Float64Array[], truth: readonly number[]): number {
  if (scores.length === 0) return 1;
  const nll = (logT: number) => meanLogLoss(scores, truth, Math.exp(logT));
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

/** (1 − w)·s/T_svm + w·n/T_nb: the pooled log-probabilities up to a constant per text. */
export function pooledScores(
  svm: Float64Array,
  nb: Float64Array,
  p: Omit<Pool, 'temperature'>,
): Float64Array {
  const out = new Float64Array(svm.length);
  for (let c = 0; c < svm.length; c++) {
    out[c] =
      ((1 - p.weight) * (svm[c] as number)) / p.svmTemperature +
      (p.weight * (nb[c] as number)) / p.nbTemperature;
  }
  return out;
}

/**
 * Chooses the pool weight on out-of-fold scores of both learners: each weight of the grid is
 * scored by the criterion (log-loss at its own fitted temperature, or macro-F1 of the top label;
 * the first of equals wins, so list the weights from 0 up to prefer the SVMs alone).
 */
export function choosePool(
  svm: readonly Float64Array[],
  nb: readonly Float64Array[],
  truth: readonly number[],
  grid: readonly number[],
  criterion: PoolCriterion,
): Pool {
  const svmTemperature = fitTemperature(svm, truth);
  const nbTemperature = fitTemperature(nb, truth);
  let best: { pool: Pool; score: number } | null = null;
  for (const weight of grid) {
    const base = { weight, svmTemperature, nbTemperature };
    const pooled = svm.map((s, i) => pooledScores(s, nb[i] as Float64Array, base));
    const temperature = fitTemperature(pooled, truth);
    const score =
      criterion === 'logLoss'
        ? -meanLogLoss(pooled, truth, temperature)
        : quality(
            truth.map(String),
            pooled.map((s) => String(argmax(s))),
          ).macroF1;
    if (!best || score > best.score) best = { pool: { ...base, temperature }, score };
  }
  return best?.pool ?? { weight: 0, svmTemperature, nbTemperature, temperature: 1 };
}

/**
 * One linear model from the pool: W = (1 − w)/T_svm·W_svm + w/T_nb·(W_nb − its mean over the
 * labels, per feature), and the same for the bias. Centring changes no probability (it adds the
 * same amount to every label's score) and keeps the weights small for the int8 serialisation.
 */
export function poolWeights(
  svm: { weights: Float32Array; bias: Float32Array },
  nb: LinearScorer,
  k: number,
  p: Pool,
): { weights: Float32Array; bias: Float32Array } {
  const a = (1 - p.weight) / p.svmTemperature;
  const b = p.weight / p.nbTemperature;
  const weights = new Float32Array(svm.weights.length);
  for (let base = 0; base < weights.length; base += k) {
    let mean = 0;
    for (let c = 0; c < k; c++) mean += nb.weights[base + c] as number;
    mean /= k;
    for (let c = 0; c < k; c++) {
      weights[base + c] =
        a * (svm.weights[base + c] as number) + b * ((nb.weights[base + c] as number) - mean);
    }
  }
  const bias = new Float32Array(k);
  for (let c = 0; c < k; c++) bias[c] = a * (svm.bias[c] as number) + b * (nb.bias[c] as number);
  return { weights, bias };
}
