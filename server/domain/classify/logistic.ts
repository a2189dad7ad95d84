import { minimize, type LbfgsOptions } from './lbfgs';
import type { SparseVector } from './linear-svm';

/**
 * Two multinomial logistic fits by L-BFGS (lbfgs.ts). Pure: no I/O, no clock.
 *
 * - Softmax regression on the feature vectors, a second learner beside the SVMs: minimises
 *   (1/n)·Σᵢ −log softmax(Wᵀxᵢ + b)_{yᵢ} + (λ/2)·‖W‖² (the bias is not penalised).
 * - Vector scaling of scores (Guo et al., ICML 2017, "On calibration of modern neural
 *   networks"): z_c = a_c·s_c + b_c fitted on out-of-fold scores by the same log-loss, so that
 *   one-vs-rest scores on different scales become comparable before the argmax. Both results
 *   are linear, so they fold into one set of weights.
 */

/** Softmax regression: feature-major weights[f * k + c] and one bias per label. */
export function fitSoftmaxRegression(
  rows: readonly SparseVector[],
  yIdx: readonly number[],
  k: number,
  dim: number,
  lambda: number,
  options: Partial<LbfgsOptions> = {},
): { weights: Float64Array; bias: Float64Array } {
  const n = rows.length;
  const z = new Float64Array(k);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    const wb = dim * k;
    for (let i = 0; i < n; i++) {
      const x = rows[i] as SparseVector;
      for (let c = 0; c < k; c++) z[c] = theta[wb + c] as number;
      for (let j = 0; j < x.idx.length; j++) {
        const base = (x.idx[j] as number) * k;
        const v = x.val[j] as number;
        for (let c = 0; c < k; c++) z[c] = (z[c] as number) + v * (theta[base + c] as number);
      }
      const y = yIdx[i] as number;
      let max = -Infinity;
      for (let c = 0; c < k; c++) if ((z[c] as number) > max) max = z[c] as number;
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp((z[c] as number) - max);
        z[c] = e;
        sum += e;
      }
      loss -= Math.log((z[y] as number) / sum);
      for (let c = 0; c < k; c++) z[c] = ((z[c] as number) / sum - (c === y ? 1 : 0)) / n;
      for (let c = 0; c < k; c++) grad[wb + c] = (grad[wb + c] as number) + (z[c] as number);
      for (let j = 0; j < x.idx.length; j++) {
        const base = (x.idx[j] as number) * k;
        const v = x.val[j] as number;
        for (let c = 0; c < k; c++) grad[base + c] = (grad[base + c] as number) + v * (z[c] as number);
      }
    }
    let reg = 0;
    for (let p = 0; p < wb; p++) {
      const w = theta[p] as number;
      reg += w * w;
      grad[p] = (grad[p] as number) + lambda * w;
    }
    return loss / n + (lambda / 2) * reg;
  };
  const { x } = minimize(objective, new Float64Array(dim * k + k), options);
  return { weights: x.slice(0, dim * k), bias: x.slice(dim * k) };
}

/** Per-label affine map of scores: z_c = scale_c·s_c + shift_c. */
export interface VectorScaling {
  scale: Float64Array;
  shift: Float64Array;
}

export function applyScaling(s: Float64Array, v: VectorScaling): Float64Array {
  const out = new Float64Array(s.length);
  for (let c = 0; c < s.length; c++) {
    out[c] = (v.scale[c] as number) * (s[c] as number) + (v.shift[c] as number);
  }
  return out;
}

/**
 * Fits the per-label scale and shift on out-of-fold scores by the mean log-loss of the true
 * labels, plus (μ/2)·(Σ(scale_c − ā)² + Σ shift_c²) with ā the mean scale: a light pull
 * towards one common temperature and no shift, so a label with few rows cannot drift far.
 */
export function fitVectorScaling(
  scores: readonly Float64Array[],
  truth: readonly number[],
  mu = 1e-3,
  options: Partial<LbfgsOptions> = {},
): VectorScaling {
  const k = scores[0]?.length ?? 0;
  const n = scores.length;
  const z = new Float64Array(k);
  const objective = (theta: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i] as Float64Array;
      let max = -Infinity;
      for (let c = 0; c < k; c++) {
        z[c] = (theta[c] as number) * (s[c] as number) + (theta[k + c] as number);
        if ((z[c] as number) > max) max = z[c] as number;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp((z[c] as number) - max);
        z[c] = e;
        sum += e;
      }
      const y = truth[i] as number;
      loss -= Math.log((z[y] as number) / sum);
      for (let c = 0; c < k; c++) {
        const r = ((z[c] as number) / sum - (c === y ? 1 : 0)) / n;
        grad[c] = (grad[c] as number) + r * (s[c] as number);
        grad[k + c] = (grad[k + c] as number) + r;
      }
    }
    let mean = 0;
    for (let c = 0; c < k; c++) mean += theta[c] as number;
    mean /= k;
    let reg = 0;
    for (let c = 0; c < k; c++) {
      const da = (theta[c] as number) - mean;
      const b = theta[k + c] as number;
      reg += da * da + b * b;
      // d/da_c of Σ(a − ā)²: 2(a_c − ā) (the terms through ā sum to zero).
      grad[c] = (grad[c] as number) + mu * da;
      grad[k + c] = (grad[k + c] as number) + mu * b;
    }
    return (n ? loss / n : 0) + (mu / 2) * reg;
  };
  const start = new Float64Array(2 * k);
  start.fill(1, 0, k);
  const { x } = minimize(objective, start, options);
  return { scale: x.slice(0, k), shift: x.slice(k) };
}

/** Folds a scaling into a linear model: W'_{fc} = scale_c·W_{fc}, b'_c = scale_c·b_c + shift_c. */
export function scaleWeights(
  m: { weights: Float32Array; bias: Float32Array },
  k: number,
  v: VectorScaling,
): { weights: Float32Array; bias: Float32Array } {
  const weights = new Float32Array(m.weights.length);
  for (let p = 0; p < weights.length; p++) weights[p] = (m.weights[p] as number) * (v.scale[p % k] as number);
  const bias = new Float32Array(k);
  for (let c = 0; c < k; c++) {
    bias[c] = (v.scale[c] as number) * (m.bias[c] as number) + (v.shift[c] as number);
  }
  return { weights, bias };
}
