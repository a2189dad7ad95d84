/**
 * Limited-memory BFGS (Nocedal & Wright, "Numerical Optimization", 2nd ed., algorithm 7.4 and
 * 7.5) with a backtracking line search on the Armijo condition, for smooth convex objectives
 * (the softmax regression and the score calibration of this folder). Pure: no I/O, no clock.
 */

/** Value at x; writes the gradient into `grad` (same length as x). */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  /** Most iterations (each one gradient step and its line search). */
  maxIter: number;
  /** Pairs of updates kept. */
  memory: number;
  /** Stop when the objective's relative decrease over one iteration falls below this. */
  tol: number;
}

export const defaultLbfgsOptions: LbfgsOptions = { maxIter: 200, memory: 7, tol: 1e-7 };

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

/** Minimises f from x0 (x0 is not changed); returns the point reached and its value. */
export function minimize(
  f: Objective,
  x0: Float64Array,
  options: Partial<LbfgsOptions> = {},
): { x: Float64Array; value: number; iterations: number } {
  const o = { ...defaultLbfgsOptions, ...options };
  const n = x0.length;
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = f(x, g);
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const alpha = new Float64Array(o.memory);
  const d = new Float64Array(n);
  let xNew = new Float64Array(n);
  let gNew = new Float64Array(n);
  let it = 0;
  for (; it < o.maxIter; it++) {
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
    for (let j = s.length - 1; j >= 0; j--) {
      const a = (rho[j] as number) * dot(s[j] as Float64Array, d);
      alpha[j] = a;
      const yj = y[j] as Float64Array;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) - a * (yj[i] as number);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma =
        dot(s[last] as Float64Array, y[last] as Float64Array) /
        dot(y[last] as Float64Array, y[last] as Float64Array);
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) * gamma;
    }
    for (let j = 0; j < s.length; j++) {
      const b = (rho[j] as number) * dot(y[j] as Float64Array, d);
      const sj = s[j] as Float64Array;
      const a = alpha[j] as number;
      for (let i = 0; i < n; i++) d[i] = (d[i] as number) + (a - b) * (sj[i] as number);
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from the steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -(g[i] as number);
      slope = dot(g, d);
      if (!(slope < 0)) break; // zero gradient: at the minimum
    }
    let step = s.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) xNew[i] = (x[i] as number) + step * (d[i] as number);
      fNew = f(xNew, gNew);
      if (fNew <= fx + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(fNew <= fx)) break; // no decrease found
    // Reuse the oldest pair's arrays once the memory is full.
    const full = s.length === o.memory;
    const sk = full ? (s.shift() as Float64Array) : new Float64Array(n);
    const yk = full ? (y.shift() as Float64Array) : new Float64Array(n);
    if (full) rho.shift();
    for (let i = 0; i < n; i++) {
      sk[i] = (xNew[i] as number) - (x[i] as number);
      yk[i] = (gNew[i] as number) - (g[i] as number);
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const decrease = fx - fNew;
    [x, xNew] = [xNew, x];
    [g, gNew] = [gNew, g];
    fx = fNew;
    if (decrease <= o.tol * Math.max(1, Math.abs(fx))) {
      it++;
      break;
    }
  }
  return { x, value: fx, iterations: it };
}
