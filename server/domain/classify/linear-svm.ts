/**
 * L2-regularised linear SVM trained by dual coordinate descent, as in liblinear (Hsieh et al.,
 * ICML 2008, "A dual coordinate descent method for large-scale linear SVM"), with a bias term as
 * a constant feature of value 1: squared hinge loss (dual without upper bound, diagonal 1/(2C))
 * or hinge loss (0 ≤ α ≤ C, no diagonal). Binary; one-vs-rest is built on top.
 */

/** A sparse row: feature indices (each at most once, any order) and their values. */
export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

export interface BinarySvmOptions {
  /** Cost for positive and negative examples. */
  cPos: number;
  cNeg: number;
  /** Squared hinge (default) or hinge loss. */
  loss?: SvmLoss;
  maxIter: number;
  /** Stop when the projected-gradient spread falls below this (liblinear's default 0.1). */
  eps: number;
  rand: () => number;
}

export type SvmLoss = 'squaredHinge' | 'hinge';

/** Trains one binary SVM; returns its weights (length dim) and bias. */
export function trainBinarySvm(
  rows: readonly SparseVector[],
  y: Int8Array,
  dim: number,
  opts: BinarySvmOptions,
): { w: Float64Array; b: number } {
  const n = rows.length;
  const w = new Float64Array(dim);
  let b = 0;
  const alpha = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  const upper = new Float64Array(n);
  const hinge = opts.loss === 'hinge';
  for (let i = 0; i < n; i++) {
    const r = rows[i] as SparseVector;
    let sq = 1; // the bias feature
    for (let k = 0; k < r.val.length; k++) sq += (r.val[k] as number) ** 2;
    const cost = (y[i] as number) > 0 ? opts.cPos : opts.cNeg;
    diag[i] = hinge ? 0 : 0.5 / cost;
    upper[i] = hinge ? cost : Infinity;
    qd[i] = sq + (diag[i] as number);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let iter = 0; iter < opts.maxIter; iter++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(opts.rand() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < n; s++) {
      const i = order[s] as number;
      const r = rows[i] as SparseVector;
      const yi = y[i] as number;
      let dot = b;
      for (let k = 0; k < r.idx.length; k++) dot += (w[r.idx[k] as number] as number) * (r.val[k] as number);
      const a = alpha[i] as number;
      const g = yi * dot - 1 + (diag[i] as number) * a;
      const u = upper[i] as number;
      const pg = a === 0 ? Math.min(g, 0) : a === u ? Math.max(g, 0) : g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const na = Math.min(Math.max(a - g / (qd[i] as number), 0), u);
        const d = (na - a) * yi;
        alpha[i] = na;
        if (d !== 0) {
          for (let k = 0; k < r.idx.length; k++) {
            const f = r.idx[k] as number;
            w[f] = (w[f] as number) + d * (r.val[k] as number);
          }
          b += d;
        }
      }
    }
    if (pgMax - pgMin <= opts.eps) break;
  }
  return { w, b };
}
