import type { SparseVector } from './linear-svm';

/**
 * Naive Bayes over the same TF-IDF vectors the SVMs see (Rennie et al., ICML 2003, "Tackling the
 * poor assumptions of naive Bayes text classifiers": TF-IDF with length normalisation as the
 * counts). Both kinds are linear in the features, scores = bias + Wᵀx, so they can be pooled
 * with the SVMs into one linear model (pool.ts).
 *
 * - multinomial: θ_cf = (α + Σ_{y=c} x_f) / (αV + Σ_{y=c} Σ_g x_g); score_c = log π_c + Σ_f x_f log θ_cf,
 *   with the prior smoothed by one, π_c = (n_c + 1) / (n + K), so an unseen label stays finite.
 * - complement: θ̃_cf as above over the rows of every other label; score_c = −Σ_f x_f log θ̃_cf
 *   (no prior, as in Rennie et al. and scikit-learn's ComplementNB).
 */
export type NaiveBayesKind = 'multinomial' | 'complement';

export interface NaiveBayesOptions {
  kind: NaiveBayesKind;
  /** Additive smoothing of the feature mass per label. */
  alpha: number;
}

/** A linear scorer: feature-major weights[f * k + c] and one bias per label. */
export interface LinearScorer {
  weights: Float64Array | Float32Array;
  bias: Float64Array | Float32Array;
}

export function fitNaiveBayes(
  rows: readonly SparseVector[],
  yIdx: readonly number[],
  k: number,
  dim: number,
  opts: NaiveBayesOptions,
): { weights: Float64Array; bias: Float64Array } {
  const mass = new Float64Array(dim * k); // feature mass per label
  const total = new Float64Array(k);
  const count = new Float64Array(k);
  rows.forEach((x, i) => {
    const c = yIdx[i] as number;
    count[c] = (count[c] as number) + 1;
    for (let j = 0; j < x.idx.length; j++) {
      const at = (x.idx[j] as number) * k + c;
      mass[at] = (mass[at] as number) + (x.val[j] as number);
      total[c] = (total[c] as number) + (x.val[j] as number);
    }
  });
  const weights = new Float64Array(dim * k);
  const bias = new Float64Array(k);
  const a = opts.alpha;
  if (opts.kind === 'multinomial') {
    for (let c = 0; c < k; c++) {
      bias[c] = Math.log(((count[c] as number) + 1) / (rows.length + k));
      const denom = a * dim + (total[c] as number);
      for (let f = 0; f < dim; f++) weights[f * k + c] = Math.log((a + (mass[f * k + c] as number)) / denom);
    }
  } else {
    let all = 0;
    for (let c = 0; c < k; c++) all += total[c] as number;
    for (let f = 0; f < dim; f++) {
      let row = 0;
      for (let c = 0; c < k; c++) row += mass[f * k + c] as number;
      for (let c = 0; c < k; c++) {
        const other = row - (mass[f * k + c] as number);
        weights[f * k + c] = -Math.log((a + other) / (a * dim + all - (total[c] as number)));
      }
    }
  }
  return { weights, bias };
}

/** bias + Wᵀx for one row. */
export function linearScores(m: LinearScorer, k: number, x: SparseVector): Float64Array {
  const s = Float64Array.from(m.bias);
  for (let j = 0; j < x.idx.length; j++) {
    const base = (x.idx[j] as number) * k;
    const v = x.val[j] as number;
    for (let c = 0; c < k; c++) s[c] = (s[c] as number) + v * (m.weights[base + c] as number);
  }
  return s;
}
