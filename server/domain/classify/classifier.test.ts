import { describe, expect, it } from 'vitest';
import { TextClassifier, softmax } from './classifier';
import { trainClassifier } from './train';
import { charNgrams, textFeatures } from './features';
import { expectedCalibrationError, quality, stratifiedFolds } from './metrics';
import { handMadeTopics, topicParams } from './test-topics';

const params = topicParams;
const data = handMadeTopics;

function train(seed = 7) {
  return trainClassifier(
    data.map(([t]) => textFeatures(t, params)),
    data.map(([, l]) => l),
    { features: params, costs: [0.5, 1], innerFolds: 3, minDf: 1, seed },
  );
}

describe('character n-grams', () => {
  it('takes 1-3 grams inside runs of letters and digits, digits folded', () => {
    expect(charNgrams('停水12天', 1, 2)).toEqual(['停', '停水', '水', '水0', '0', '0天', '天']);
    expect(charNgrams('甲，乙', 2, 2)).toEqual([]); // punctuation ends a run
  });
});

describe('text classifier', () => {
  it('learns the topics and ranks the alternatives', () => {
    const { model, report } = train();
    expect(model.labels).toEqual(['noise', 'wage', 'water']);
    const p = model.predict('单位拖欠我两个月工资');
    expect(p.label).toBe('wage');
    expect(p.alternatives.map((a) => a.label).sort()).toEqual(['noise', 'water']);
    expect(p.confidence).toBeGreaterThan(p.alternatives[0]?.confidence ?? 1);
    const sum = p.confidence + p.alternatives.reduce((s, a) => s + a.confidence, 0);
    expect(sum).toBeCloseTo(1, 3);
    expect(model.predict('晚上施工太吵了').label).toBe('noise');
    expect(model.predict('家里停水了').label).toBe('water');
    expect(report.size).toBe(15);
    expect(report.heldOut).not.toBeNull();
    expect(report.temperature).toBeGreaterThan(0);
  });

  it('calibrated by a scale and a shift per label: folded into the weights, temperature 1', () => {
    const { model, parts, report } = trainClassifier(
      data.map(([t]) => textFeatures(t, params)),
      data.map(([, l]) => l),
      { features: params, costs: [0.5, 1], innerFolds: 3, minDf: 1, seed: 7, calibration: 'vectorScaling' },
    );
    expect(report.temperature).toBe(1);
    expect(model).not.toBe(parts.svm);
    expect(parts.svm.temperature).not.toBe(1);
    expect(model.predict('单位拖欠我两个月工资').label).toBe('wage');
    expect(model.predict('晚上施工太吵了').label).toBe('noise');
    expect(model.predict('家里停水了').label).toBe('water');
  });

  it('is deterministic for a seed and survives serialisation', () => {
    const a = train(3).model.serialize();
    const b = train(3).model.serialize();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const model = train(3).model;
    const loaded = TextClassifier.deserialize(a);
    for (const t of ['欠薪', '噪音', '停水', '完全无关的话']) {
      const x = model.predict(t);
      const y = loaded.predict(t);
      expect(y.label).toBe(x.label);
      // int8 weights: the confidence moves by at most a little
      expect(Math.abs(y.confidence - x.confidence)).toBeLessThan(0.02);
    }
    expect(() => TextClassifier.deserialize(new Uint8Array(16))).toThrow(/not a serialised/);
  });

  it('refuses a single label', () => {
    expect(() => trainClassifier([textFeatures('甲', params)], ['a'])).toThrow(/two different labels/);
  });
});

describe('metrics', () => {
  it('accuracy and macro-F1 by hand', () => {
    // a: tp 1, fp 1, fn 1 → P = R = F1 = 0.5; b: tp 1, fp 1, fn 1 → 0.5; c: tp 1 → 1.
    const q = quality(['a', 'a', 'b', 'b', 'c'], ['a', 'b', 'b', 'a', 'c']);
    expect(q.accuracy).toBeCloseTo(3 / 5, 10);
    expect(q.macroF1).toBeCloseTo((0.5 + 0.5 + 1) / 3, 10);
  });

  it('expected calibration error by hand', () => {
    // bin 9: confidences 0.9, 0.9 with one right → |0.9 - 0.5| weighted 2/4; bin 5: 0.5, 0.5, both right → |0.5 - 1| × 2/4.
    expect(expectedCalibrationError([0.9, 0.9, 0.5, 0.5], [true, false, true, true])).toBeCloseTo(0.45, 10);
  });

  it('stratified folds keep each label spread evenly', () => {
    const labels = [...Array<string>(10).fill('a'), ...Array<string>(5).fill('b')];
    const fold = stratifiedFolds(labels, 5, 1);
    for (let f = 0; f < 5; f++) {
      const inFold = labels.filter((_, i) => fold[i] === f);
      expect(inFold.filter((l) => l === 'a')).toHaveLength(2);
      expect(inFold.filter((l) => l === 'b')).toHaveLength(1);
    }
  });

  it('softmax with a temperature', () => {
    const p = softmax(Float64Array.of(Math.log(3), 0), 1);
    expect(p[0]).toBeCloseTo(0.75, 10);
    expect(softmax(Float64Array.of(Math.log(3), 0), 2)[0]).toBeCloseTo(Math.sqrt(3) / (Math.sqrt(3) + 1), 10);
  });
});
