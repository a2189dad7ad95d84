import { describe, expect, it } from 'vitest';
import { softmax } from './classifier';
import { minimize } from './lbfgs';
import { trainBinarySvm, type SparseVector } from './linear-svm';
import { applyScaling, fitSoftmaxRegression, fitVectorScaling, scaleWeights } from './logistic';
import { linearScores } from './naive-bayes';

const vec = (entries: [number, number][]): SparseVector => ({
  idx: Int32Array.from(entries.map((e) => e[0])),
  val: Float32Array.from(entries.map((e) => e[1])),
});

describe('L-BFGS', () => {
  it('finds the minimum of a quadratic: (x − 3)² + 10·(y + 1)² at (3, −1)', () => {
    const r = minimize(
      (x, g) => {
        const a = (x[0] as number) - 3;
        const b = (x[1] as number) + 1;
        g[0] = 2 * a;
        g[1] = 20 * b;
        return a * a + 10 * b * b;
      },
      new Float64Array(2),
      { tol: 0 },
    );
    expect(r.x[0]).toBeCloseTo(3, 6);
    expect(r.x[1]).toBeCloseTo(-1, 6);
    expect(r.value).toBeCloseTo(0, 10);
  });

  it('finds the minimum of the Rosenbrock function at (1, 1)', () => {
    const r = minimize(
      (x, g) => {
        const a = x[0] as number;
        const b = x[1] as number;
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
      },
      Float64Array.of(-1.2, 1),
      { maxIter: 500, tol: 0 },
    );
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
  });
});

describe('softmax regression by hand', () => {
  it('without features the bias gives each label its share of the rows', () => {
    // Three rows of label 0, one of label 1, no features: softmax(b) = (3/4, 1/4), b₀ − b₁ = log 3.
    const rows = [vec([]), vec([]), vec([]), vec([])];
    const m = fitSoftmaxRegression(rows, [0, 0, 0, 1], 2, 1, 0.1, { tol: 0 });
    expect((m.bias[0] as number) - (m.bias[1] as number)).toBeCloseTo(Math.log(3), 5);
    expect([...m.weights]).toEqual([0, 0]);
  });

  it('one feature ±1, λ = 0.5: the weight difference u solves λu/2 = 1/(1 + eᵘ)', () => {
    // Rows x = +1 (label 0) and x = −1 (label 1); by symmetry w₀ = −w₁ = u/2 and equal biases.
    // Objective log(1 + e⁻ᵘ) + λu²/4; its root by bisection: u = 1.0425969140.
    const m = fitSoftmaxRegression([vec([[0, 1]]), vec([[0, -1]])], [0, 1], 2, 1, 0.5, { tol: 0 });
    expect(m.weights[0]).toBeCloseTo(1.042596914 / 2, 5);
    expect(m.weights[1]).toBeCloseTo(-1.042596914 / 2, 5);
    expect((m.bias[0] as number) - (m.bias[1] as number)).toBeCloseTo(0, 6);
  });
});

describe('vector scaling', () => {
  it('fits the label shares at each score point', () => {
    // Scores (1, 0): label 0 three times in four; scores (0, 1): label 1 three times in four.
    const s = [Float64Array.of(1, 0), Float64Array.of(0, 1)];
    const scores = [0, 0, 0, 0, 1, 1, 1, 1].map((i) => s[i] as Float64Array);
    const truth = [0, 0, 0, 1, 1, 1, 1, 0];
    const v = fitVectorScaling(scores, truth, 1e-8, { tol: 0, maxIter: 500 });
    expect(softmax(applyScaling(s[0] as Float64Array, v), 1)[0]).toBeCloseTo(0.75, 4);
    expect(softmax(applyScaling(s[1] as Float64Array, v), 1)[1]).toBeCloseTo(0.75, 4);
  });

  it('folds into the weights: W′ = scale·W per label, b′ = scale·b + shift', () => {
    const m = { weights: Float32Array.of(1, 2), bias: Float32Array.of(0.5, -1) };
    const v = { scale: Float64Array.of(2, 3), shift: Float64Array.of(0.1, 0.2) };
    const out = scaleWeights(m, 2, v);
    expect([...out.weights]).toEqual([2, 6]);
    expect(out.bias[0]).toBeCloseTo(1.1, 6);
    expect(out.bias[1]).toBeCloseTo(-2.8, 6);
    const x = vec([[0, 0.7]]);
    const direct = applyScaling(linearScores(m, 2, x), v);
    const folded = linearScores(out, 2, x);
    expect(folded[0]).toBeCloseTo(direct[0] as number, 5);
    expect(folded[1]).toBeCloseTo(direct[1] as number, 5);
  });
});

describe('binary SVM losses by hand', () => {
  // x = +1 (positive) and x = −1 (negative), bias as a constant feature, C = 0.1 for both.
  const rows = [vec([[0, 1]]), vec([[0, -1]])];
  const y = Int8Array.of(1, -1);
  const opts = { cPos: 0.1, cNeg: 0.1, maxIter: 50, eps: 1e-9, rand: () => 0.5 };

  it('squared hinge: ½w² + C·Σ(1 − w)² gives w = 2C/(1 + 2C) = 2/7', () => {
    const m = trainBinarySvm(rows, y, 1, opts);
    expect(m.w[0]).toBeCloseTo(2 / 7, 9);
    expect(m.b).toBeCloseTo(0, 9);
  });

  it('hinge: ½w² + C·Σ(1 − w) gives w = 2C = 0.2 (both α at their bound C)', () => {
    const m = trainBinarySvm(rows, y, 1, { ...opts, loss: 'hinge' });
    expect(m.w[0]).toBeCloseTo(0.2, 9);
    expect(m.b).toBeCloseTo(0, 9);
  });
});
