/**
 * Quality of the intake classifier on real citizen messages: stratified 5-fold cross-validation
 * (seeded) on the development part of the Teddy Cup 2020 message set, the char-bigram linear SVM
 * baseline scored on the same folds in the same run, calibration, model size and throughput.
 *
 *   npm run bench:classify [-- --data PATH] [--folds 5] [--seed 2020]
 *
 * The data stays outside the repository (test-only licence) and no model trained on it is
 * stored: everything here lives in memory. What the model sees: each row's `text_seg` with the
 * spaces removed, i.e. 留言主题 + 留言详情 as published minus stop words and most punctuation
 * (raw text exists for only 923 of 6,448 rows), run through the production feature pipeline.
 * The cost is chosen inside each training part by inner 3-fold CV (as an installation's own
 * training does); the temperature is fitted on the inner out-of-fold scores; the test fold is
 * scored once, by the serialised and reloaded model. With a second learner pooled (the production
 * options' `pool`), the SVMs alone and the naive Bayes alone of the same training are scored too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { argmax, softmax, TextClassifier } from '../server/domain/classify/classifier';
import { fitLinear, trainClassifier } from '../server/domain/classify/train';
import { textFeatures, type FeatureParams, type TextFeatures } from '../server/domain/classify/features';
import { expectedCalibrationError, quality, stratifiedFolds } from '../server/domain/classify/metrics';
import { productionTrainOptions } from '../server/features/classify/model-store';
import { arg } from './bench-args';

const here = path.dirname(fileURLToPath(import.meta.url));
const dataFile = arg(
  'data',
  path.resolve(here, '../../shared/data/teddycup2020_message_classification/messages.jsonl'),
);
const k = Number(arg('folds', '5'));
const seed = Number(arg('seed', '2020'));
const calibration = arg('calibration', productionTrainOptions.calibration) as 'temperature' | 'vectorScaling';

interface Row {
  label: string;
  text_seg: string;
}
const rows = fs
  .readFileSync(dataFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);
const texts = rows.map((r) => r.text_seg.replace(/\s+/g, ''));
const labels = rows.map((r) => r.label);
const labelSet = [...new Set(labels)].sort();
const fold = stratifiedFolds(labels, k, seed);
const baselineFeatures: FeatureParams = { words: false, charMin: 2, charMax: 2 };

const t0 = performance.now();
const docs = texts.map((t) => textFeatures(t, productionTrainOptions.features));
const baseDocs = texts.map((t) => textFeatures(t, baselineFeatures));
process.stderr.write(
  `features of ${rows.length} texts in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);

const pick = <T>(xs: readonly T[], idx: number[]) => idx.map((i) => xs[i] as T);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f4 = (x: number) => x.toFixed(4);

interface FoldResult {
  fold: number;
  acc: number;
  f1: number;
  baseAcc: number;
  baseF1: number;
  svmAcc: number;
  svmF1: number;
  nbAcc: number;
  nbF1: number;
  poolWeight: number;
  cost: number;
  temperature: number;
  ece: number;
  eceRaw: number;
  trainSec: number;
  bytes: number;
  loadMs: number;
  perSec: number;
  perWallSec: number;
}
const results: FoldResult[] = [];
for (let f = 0; f < k; f++) {
  const tr = [...labels.keys()].filter((i) => fold[i] !== f);
  const te = [...labels.keys()].filter((i) => fold[i] === f);
  const truth = pick(labels, te);

  const started = performance.now();
  const { model, report, parts } = trainClassifier(pick(docs, tr), pick(labels, tr), {
    ...productionTrainOptions,
    calibration,
    seed,
  });
  const trainSec = (performance.now() - started) / 1000;
  const bytes = model.serialize();
  const l0 = performance.now();
  const shipped = TextClassifier.deserialize(bytes);
  const loadMs = performance.now() - l0;

  // Throughput: raw text in, prediction out (segmentation included), on one thread. Rated by
  // the process's CPU time (the machine may be shared: wall time would count other work too).
  const p0 = performance.now();
  const c0 = process.cpuUsage();
  const preds = te.map((i) => shipped.predict(texts[i] as string));
  const cpu = process.cpuUsage(c0);
  const perSec = te.length / ((cpu.user + cpu.system) / 1e6);
  const perWallSec = te.length / ((performance.now() - p0) / 1000);
  const q = quality(
    truth,
    preds.map((p) => p.label),
  );
  const conf = preds.map((p) => p.confidence);
  const ok = preds.map((p, j) => p.label === truth[j]);
  const rawConf = te.map((i) => {
    const s = shipped.scores(shipped.vectorize(docs[i] as TextFeatures));
    return softmax(s, 1)[argmax(s)] as number;
  });

  // The learners before pooling or vector scaling, trained in the same run: the SVMs alone with
  // a temperature and the naive Bayes alone, each scored by its serialised form.
  const partScore = (m: TextClassifier | null) => {
    if (!m) return null;
    const s = TextClassifier.deserialize(m.serialize());
    const pq = quality(
      truth,
      te.map((i) => labelSet[argmax(s.scores(s.vectorize(docs[i] as TextFeatures)))] as string),
    );
    return { acc: pq.accuracy, f1: pq.macroF1 };
  };
  const svmAlone = model !== parts.svm || parts.nb ? partScore(parts.svm) : null;
  const nbAlone = partScore(parts.nb);

  const base = fitLinear(pick(baseDocs, tr), pick(labels, tr), labelSet, 1, {
    ...productionTrainOptions,
    features: baselineFeatures,
    nbAlpha: 0,
    seed,
  });
  const baseQ = quality(
    truth,
    te.map((i) => labelSet[argmax(base.scores(base.vectorize(baseDocs[i] as TextFeatures)))] as string),
  );
  const r: FoldResult = {
    fold: f + 1,
    acc: q.accuracy,
    f1: q.macroF1,
    baseAcc: baseQ.accuracy,
    baseF1: baseQ.macroF1,
    svmAcc: svmAlone?.acc ?? q.accuracy,
    svmF1: svmAlone?.f1 ?? q.macroF1,
    nbAcc: nbAlone?.acc ?? NaN,
    nbF1: nbAlone?.f1 ?? NaN,
    poolWeight: report.poolWeight,
    cost: report.cost,
    temperature: report.temperature,
    ece: expectedCalibrationError(conf, ok),
    eceRaw: expectedCalibrationError(rawConf, ok),
    trainSec,
    bytes: bytes.length,
    loadMs,
    perSec,
    perWallSec,
  };
  results.push(r);
  process.stderr.write(`fold ${r.fold}: ${JSON.stringify(r)}\n`);
}

const pool = productionTrainOptions.pool;
const out: string[] = [];
out.push(
  `Stratified ${k}-fold CV (seed ${seed}) on ${rows.length} messages, ${labelSet.length} labels; ` +
    `features: jieba words + char 1-3-grams, TF-IDF (sublinear, l2), one-vs-rest L2-loss linear SVM ` +
    `on NB-scaled features (α = ${productionTrainOptions.nbAlpha}; cost from ${JSON.stringify(productionTrainOptions.costs)} ` +
    `by inner 3-fold CV), ` +
    (calibration === 'vectorScaling'
      ? 'a scale and a shift per label (vector scaling) fitted on the inner out-of-fold scores'
      : 'softmax with fitted temperature') +
    (pool
      ? `, pooled with ${pool.nb.kind} naive Bayes (α = ${pool.nb.alpha}) by a weight from ${JSON.stringify(pool.weights)} chosen by inner ${pool.criterion}`
      : '') +
    `. Baseline: char bigrams, TF-IDF, linear SVM, cost 1.`,
  '',
  '| fold | accuracy | macro-F1 | NBSVM alone accuracy | NBSVM alone macro-F1 | NB alone accuracy | baseline accuracy | baseline macro-F1 | cost | pool weight | temperature | ECE (calibrated) | ECE (T = 1) | training s | model bytes | load ms | predictions/CPU-s | predictions/wall-s |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
);
for (const r of results) {
  out.push(
    `| ${r.fold} | ${f4(r.acc)} | ${f4(r.f1)} | ${f4(r.svmAcc)} | ${f4(r.svmF1)} | ${Number.isNaN(r.nbAcc) ? '—' : f4(r.nbAcc)} | ${f4(r.baseAcc)} | ${f4(r.baseF1)} | ${r.cost} | ${r.poolWeight} | ${r.temperature.toFixed(3)} | ` +
      `${f4(r.ece)} | ${f4(r.eceRaw)} | ${r.trainSec.toFixed(1)} | ${r.bytes} | ${r.loadMs.toFixed(0)} | ${Math.round(r.perSec)} | ${Math.round(r.perWallSec)} |`,
  );
}
const m = (key: keyof FoldResult) => mean(results.map((r) => r[key]));
out.push(
  `| **mean** | **${f4(m('acc'))}** | **${f4(m('f1'))}** | ${f4(m('svmAcc'))} | ${f4(m('svmF1'))} | ${Number.isNaN(m('nbAcc')) ? '—' : f4(m('nbAcc'))} | ${f4(m('baseAcc'))} | ${f4(m('baseF1'))} | | ${m('poolWeight').toFixed(2)} | ${m('temperature').toFixed(3)} | ` +
    `${f4(m('ece'))} | ${f4(m('eceRaw'))} | ${m('trainSec').toFixed(1)} | ${Math.round(m('bytes'))} | ${m('loadMs').toFixed(0)} | ${Math.round(m('perSec'))} | ${Math.round(m('perWallSec'))} |`,
);
process.stdout.write(`${out.join('\n')}\n`);
