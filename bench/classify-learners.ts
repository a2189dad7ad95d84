/**
 * Design splits of the intake classifier, second round: other learners and a calibration of
 * the one-vs-rest scores, each against the production NBSVM on the same folds in the same run
 * (stratified k-fold CV, seeds 7 and 11 by default; never the figures' seed-2020 folds).
 *
 *   npx tsx bench/classify-learners.ts [--data PATH] [--folds 2] [--seeds 7,11] [--only NAME,…]
 *
 * Per outer fold, the inner 3-fold CV of the production training runs once per learner family;
 * every hyper-parameter (SVM cost, logistic λ, pool weight, calibration) is chosen or fitted on
 * the inner out-of-fold scores only; the test fold is scored once per model, by the serialised
 * and reloaded model.
 */
import { argmax, TextClassifier, toVector } from '../server/domain/classify/classifier';
import { fitSpace, fitSvms, type TrainOptions } from '../server/domain/classify/train';
import { type TextFeatures } from '../server/domain/classify/features';
import type { SparseVector } from '../server/domain/classify/linear-svm';
import { quality, stratifiedFolds } from '../server/domain/classify/metrics';
import { linearScores } from '../server/domain/classify/naive-bayes';
import { choosePool, fitTemperature, poolWeights, type PoolCriterion } from '../server/domain/classify/pool';
import { fitSoftmaxRegression, fitVectorScaling, scaleWeights } from '../server/domain/classify/logistic';
import { productionTrainOptions } from '../server/features/classify/model-store';
import { arg } from './bench-args';
import { DesignTable, designArgs, designData, type SplitFigures } from './design-table';

const { dataFile, k, seeds } = designArgs();
const maxOuter = Number(arg('outer', '99'));
const only = new Set(arg('only', 'hinge,balanced,lr').split(','));
const lambdas = arg('lambdas', '0.00001').split(',').map(Number);
const grid = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

const { labels, labelSet, nl, docs } = designData(dataFile);
const index = new Map(labelSet.map((l, i) => [l, i]));
const yAll = labels.map((l) => index.get(l) as number);
const pick = <T>(xs: readonly T[], idx: number[]) => idx.map((i) => xs[i] as T);
type Lin = { weights: Float32Array; bias: Float32Array };
const f32 = (m: { weights: ArrayLike<number>; bias: ArrayLike<number> }): Lin => ({
  weights: Float32Array.from(m.weights),
  bias: Float32Array.from(m.bias),
});
const macroF1 = (scores: readonly Float64Array[], truth: readonly number[]) =>
  quality(
    truth.map(String),
    scores.map((s) => String(argmax(s))),
  ).macroF1;

/** A learner family: its candidates, fitted on a training part's vectors. */
interface Family {
  name: string;
  params: number[];
  fit: (rows: SparseVector[], y: number[], dim: number, p: number, opts: TrainOptions) => Lin;
}
const svmFamily = (name: string, over: Partial<TrainOptions>, costs: number[]): Family => ({
  name,
  params: costs,
  fit: (r, y, dim, c, opts) => fitSvms(r, y, nl, dim, c, { ...opts, ...over }),
});
const families: Family[] = [svmFamily('NBSVM', {}, productionTrainOptions.costs)];
if (only.has('hinge')) families.push(svmFamily('NBSVM hinge', { loss: 'hinge' }, [0.5, 1, 2, 4]));
if (only.has('balanced')) {
  families.push(svmFamily('NBSVM balanced', { balanced: true }, productionTrainOptions.costs));
}
if (only.has('lr')) {
  families.push({
    name: 'softmax regression',
    params: lambdas,
    fit: (r, y, dim, lambda) =>
      f32(fitSoftmaxRegression(r, y, nl, dim, lambda, { maxIter: Number(arg('lr-iter', '150')) })),
  });
}

const table = new DesignTable();
const put = (name: string, seed: number, r: SplitFigures) => table.put(name, seed, r);

for (const seed of seeds) {
  const fold = stratifiedFolds(labels, k, seed);
  const opts: TrainOptions = { ...productionTrainOptions, pool: null, seed };
  for (let f = 0; f < Math.min(k, maxOuter); f++) {
    const t0 = performance.now();
    const tr = [...labels.keys()].filter((i) => fold[i] !== f);
    const te = [...labels.keys()].filter((i) => fold[i] === f);
    const trDocs = pick(docs, tr);
    const trY = pick(yAll, tr);
    // Inner out-of-fold scores per family and candidate.
    const inner = stratifiedFolds(pick(labels, tr), opts.innerFolds, seed);
    const oof = families.map((fam) => fam.params.map(() => new Array<Float64Array>(tr.length)));
    for (let g = 0; g < opts.innerFolds; g++) {
      const itr = [...tr.keys()].filter((i) => inner[i] !== g);
      const ite = [...tr.keys()].filter((i) => inner[i] === g);
      const space = fitSpace(pick(trDocs, itr), nl, opts);
      const test = ite.map((i) =>
        toVector(trDocs[i] as TextFeatures, space.words, space.chars, opts.features),
      );
      families.forEach((fam, fi) =>
        fam.params.forEach((p, pi) => {
          const m = fam.fit(space.rows, pick(trY, itr), space.dim, p, opts);
          ite.forEach((i, j) => {
            ((oof[fi] as Float64Array[][])[pi] as Float64Array[])[i] = linearScores(
              m,
              nl,
              test[j] as SparseVector,
            );
          });
        }),
      );
      process.stderr.write(
        `seed ${seed} fold ${f + 1} inner ${g + 1}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    }
    const space = fitSpace(trDocs, nl, opts);
    const make = (m: Lin, t: number) =>
      new TextClassifier(labelSet, opts.features, space.words, space.chars, m.weights, m.bias, t);
    const score = (m: TextClassifier) => {
      const shipped = TextClassifier.deserialize(m.serialize());
      const q = quality(
        pick(labels, te),
        te.map((i) => labelSet[argmax(shipped.scores(shipped.vectorize(docs[i] as TextFeatures)))] as string),
      );
      return { acc: q.accuracy, f1: q.macroF1 };
    };
    const chosen = families.map((fam, fi) => {
      const list = oof[fi] as Float64Array[][];
      let best = 0;
      list.forEach((s, pi) => {
        if (macroF1(s, trY) > macroF1(list[best] as Float64Array[], trY)) best = pi;
      });
      const p = fam.params[best] as number;
      const model = fam.fit(space.rows, trY, space.dim, p, opts);
      const scores = list[best] as Float64Array[];
      put(`${fam.name} alone`, seed, { ...score(make(model, fitTemperature(scores, trY))), note: String(p) });
      const vs = fitVectorScaling(scores, trY);
      put(`${fam.name} + vector scaling`, seed, score(make(scaleWeights(model, nl, vs), 1)));
      return { model, scores, vs };
    });
    const svm = chosen[0] as (typeof chosen)[number];
    chosen.slice(1).forEach((other, i) => {
      const name = (families[i + 1] as Family).name;
      for (const c of ['logLoss', 'macroF1'] as PoolCriterion[]) {
        const pool = choosePool(svm.scores, other.scores, trY, grid, c);
        const pooled = poolWeights(svm.model, other.model, nl, pool);
        put(`NBSVM + ${name}, weight by ${c}`, seed, {
          ...score(make(pooled, pool.temperature)),
          note: String(pool.weight),
        });
        if (c === 'logLoss') {
          const a = (1 - pool.weight) / pool.svmTemperature;
          const b = pool.weight / pool.nbTemperature;
          const oofPooled = svm.scores.map((s, j) => {
            const o = other.scores[j] as Float64Array;
            return Float64Array.from(s, (v, cc) => a * v + b * (o[cc] as number));
          });
          const vs = fitVectorScaling(oofPooled, trY);
          put(
            `NBSVM + ${name}, weight by logLoss, + vector scaling`,
            seed,
            score(make(scaleWeights(pooled, nl, vs), 1)),
          );
        }
      }
    });
    process.stderr.write(`seed ${seed} fold ${f + 1}: ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  }
}

process.stdout.write(
  table.markdown(
    `Design splits: stratified ${k}-fold CV, seeds ${seeds.join(', ')}, ${labels.length} messages; Δ against the NBSVM alone on the same folds.`,
    seeds,
    'NBSVM alone',
    'chosen',
  ),
);
