import { describe, expect, it } from 'vitest';
import { argmax, softmax } from './classifier';
import { fitNaiveBayes, linearScores } from './naive-bayes';
import type { SparseVector } from './linear-svm';
import { choosePool, poolWeights, pooledScores } from './pool';
import { trainClassifier } from './train';
import { textFeatures } from './features';
import { handMadeTopics, topicParams } from './test-topics';

const vec = (...v: number[]): SparseVector => ({
  idx: Int32Array.from(v.keys()),
  val: Float32Array.from(v),
});

/** Two features, two labels: label 0 has rows (1, 0) and (1, 1), label 1 has (0, 2); α = 1. */
const rows = [vec(1, 0), vec(1, 1), vec(0, 2)];
const y = [0, 0, 1];

describe('naive Bayes by hand', () => {
  it('multinomial: smoothed feature shares per label and a smoothed prior', () => {
    // label 0: mass (2, 1), total 3 → θ = (3/5, 2/5); label 1: mass (0, 2), total 2 → θ = (1/4, 3/4).
    // prior (n_c + 1)/(n + K): 3/5 and 2/5.
    const m = fitNaiveBayes(rows, y, 2, 2, { kind: 'multinomial', alpha: 1 });
    expect(m.bias[0]).toBeCloseTo(Math.log(3 / 5), 12);
    expect(m.bias[1]).toBeCloseTo(Math.log(2 / 5), 12);
    expect(m.weights[0 * 2 + 0]).toBeCloseTo(Math.log(3 / 5), 12);
    expect(m.weights[1 * 2 + 0]).toBeCloseTo(Math.log(2 / 5), 12);
    expect(m.weights[0 * 2 + 1]).toBeCloseTo(Math.log(1 / 4), 12);
    expect(m.weights[1 * 2 + 1]).toBeCloseTo(Math.log(3 / 4), 12);
    // P(0 | (1, 1)) = (3/5·3/5·2/5) / (3/5·3/5·2/5 + 2/5·1/4·3/4) = 0.144 / 0.219 = 48/73
    const p = softmax(linearScores(m, 2, vec(1, 1)), 1);
    expect(p[0]).toBeCloseTo(48 / 73, 12);
  });

  it('complement: each label scored against the other labels’ shares, no prior', () => {
    // complement of 0 = label 1's mass (0, 2) → θ̃ = (1/4, 3/4); complement of 1 = (2, 1) → (3/5, 2/5).
    const m = fitNaiveBayes(rows, y, 2, 2, { kind: 'complement', alpha: 1 });
    expect([...m.bias]).toEqual([0, 0]);
    expect(m.weights[0 * 2 + 0]).toBeCloseTo(-Math.log(1 / 4), 12);
    expect(m.weights[1 * 2 + 0]).toBeCloseTo(-Math.log(3 / 4), 12);
    expect(m.weights[0 * 2 + 1]).toBeCloseTo(-Math.log(3 / 5), 12);
    expect(m.weights[1 * 2 + 1]).toBeCloseTo(-Math.log(2 / 5), 12);
    // (1, 0): scores log 4 and log 5/3 → P(0) = 4 / (4 + 5/3) = 12/17
    expect(softmax(linearScores(m, 2, vec(1, 0)), 1)[0]).toBeCloseTo(12 / 17, 12);
  });
});

describe('pooling', () => {
  it('stores the pool as one linear model with the same probabilities', () => {
    const svm = { weights: Float32Array.of(1, -1, -0.5, 0.5), bias: Float32Array.of(0.25, -0.25) };
    const nb = fitNaiveBayes(rows, y, 2, 2, { kind: 'multinomial', alpha: 1 });
    const pool = { weight: 0.5, svmTemperature: 2, nbTemperature: 1, temperature: 0.8 };
    const m = poolWeights(svm, nb, 2, pool);
    // feature 0, label 0: 0.5/2·1 + 0.5/1·(log 3/5 − (log 3/5 + log 1/4)/2)
    expect(m.weights[0]).toBeCloseTo(0.25 + 0.5 * ((Math.log(3 / 5) - Math.log(1 / 4)) / 2), 6);
    expect(m.bias[1]).toBeCloseTo(0.25 * -0.25 + 0.5 * Math.log(2 / 5), 6);
    for (const x of [vec(1, 0), vec(0.3, 0.7), vec(2, 1)]) {
      const direct = pooledScores(linearScores(svm, 2, x), linearScores(nb, 2, x), pool);
      const stored = linearScores(m, 2, x);
      expect(softmax(stored, 0.8)[0]).toBeCloseTo(softmax(direct, 0.8)[0] as number, 6);
    }
  });

  it('chooses weight 0 against a contrary learner and a positive weight for one that mends an error', () => {
    const truth = [0, 1, 0, 1];
    const svm = [Float64Array.of(0, 1), Float64Array.of(0, 1), Float64Array.of(1, 0), Float64Array.of(0, 1)];
    const contrary = truth.map((t) => (t === 0 ? Float64Array.of(0, 2) : Float64Array.of(2, 0)));
    const right = truth.map((t) => (t === 0 ? Float64Array.of(3, 0) : Float64Array.of(0, 3)));
    const grid = [0, 0.5, 1];
    for (const c of ['logLoss', 'macroF1'] as const) {
      expect(choosePool(svm, contrary, truth, grid, c).weight).toBe(0);
      const p = choosePool(svm, right, truth, grid, c);
      expect(p.weight).toBeGreaterThan(0);
      const pooled = svm.map((s, i) => pooledScores(s, right[i] as Float64Array, p));
      expect(pooled.map((s) => argmax(s))).toEqual(truth);
    }
  });
});

describe('training with a pooled naive Bayes learner', () => {
  const params = topicParams;
  const data = handMadeTopics;

  const docs = data.map(([t]) => textFeatures(t, params));
  const labels = data.map(([, l]) => l);
  const base = { features: params, costs: [1], innerFolds: 3, minDf: 1, seed: 5 };
  const nb = { kind: 'multinomial', alpha: 0.1 } as const;

  it('with weight 0 as the only choice, the model is the SVMs alone, byte for byte', () => {
    const alone = trainClassifier(docs, labels, { ...base, pool: null });
    const pooled = trainClassifier(docs, labels, {
      ...base,
      pool: { nb, weights: [0], criterion: 'logLoss' },
    });
    expect(pooled.report.poolWeight).toBe(0);
    expect(Buffer.from(pooled.model.serialize()).equals(Buffer.from(alone.model.serialize()))).toBe(true);
    expect(pooled.parts.nb).not.toBeNull();
  });

  it('pools with a chosen weight and still predicts the topics', () => {
    const { model, report, parts } = trainClassifier(docs, labels, {
      ...base,
      pool: { nb, weights: [0.5, 1], criterion: 'logLoss' },
    });
    expect([0.5, 1]).toContain(report.poolWeight);
    expect(parts.nb?.predict('拖欠工资').label).toBe('wage');
    expect(model.predict('单位拖欠我两个月工资').label).toBe('wage');
    expect(model.predict('家里停水了').label).toBe('water');
    expect(model.temperature).toBe(report.temperature);
  });
});
