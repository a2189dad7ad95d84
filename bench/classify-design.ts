/**
 * Design splits of the intake classifier: 2-fold stratified CV of the Teddy Cup 2020
 * development set with other seeds (7 and 11) than the figures' 5-fold run (seed 2020), to
 * compare variants of the second learner pooled with the SVMs against the SVMs alone, trained
 * and scored on the same folds in the same run. A variant is adopted only if it gains on every
 * seed; the 5-fold figures (`npm run bench:classify`) are never used to choose.
 *
 *   npx tsx bench/classify-design.ts [--data PATH] [--folds 2] [--seeds 7,11]
 *
 * Per outer fold: the inner 3-fold CV of the production training runs once, giving out-of-fold
 * scores of the SVMs (cost chosen as in production) and of every naive Bayes variant; each
 * variant's pool weight is chosen on them by each criterion; the test fold is scored once per
 * model, by the serialised and reloaded model. Everything stays in memory.
 */
import { argmax, TextClassifier } from '../server/domain/classify/classifier';
import { fitSpace, fitSvms, innerScores, type TrainOptions } from '../server/domain/classify/train';
import { type TextFeatures } from '../server/domain/classify/features';
import { quality, stratifiedFolds } from '../server/domain/classify/metrics';
import { fitNaiveBayes, type NaiveBayesOptions } from '../server/domain/classify/naive-bayes';
import { choosePool, fitTemperature, poolWeights, type PoolCriterion } from '../server/domain/classify/pool';
import { productionTrainOptions } from '../server/features/classify/model-store';
import { DesignTable, designArgs, designData, type SplitFigures } from './design-table';

const { dataFile, k, seeds } = designArgs();
const grid = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
const variants: NaiveBayesOptions[] = (['multinomial', 'complement'] as const).flatMap((kind) =>
  [0.001, 0.01, 0.1].map((alpha) => ({ kind, alpha })),
);
const criteria: PoolCriterion[] = ['logLoss', 'macroF1'];

const { labels, labelSet, nl, docs } = designData(dataFile);
const pick = <T>(xs: readonly T[], idx: number[]) => idx.map((i) => xs[i] as T);
const vname = (v: NaiveBayesOptions) => `${v.kind} NB α ${v.alpha}`;

/** Scores of a test fold by the serialised and reloaded model. */
function score(m: TextClassifier, te: number[]): { acc: number; f1: number } {
  const shipped = TextClassifier.deserialize(m.serialize());
  const q = quality(
    pick(labels, te),
    te.map((i) => labelSet[argmax(shipped.scores(shipped.vectorize(docs[i] as TextFeatures)))] as string),
  );
  return { acc: q.accuracy, f1: q.macroF1 };
}

const table = new DesignTable();
const put = (name: string, seed: number, r: SplitFigures) => table.put(name, seed, r);

for (const seed of seeds) {
  const fold = stratifiedFolds(labels, k, seed);
  const opts: TrainOptions = { ...productionTrainOptions, pool: null, seed };
  for (let f = 0; f < k; f++) {
    const tr = [...labels.keys()].filter((i) => fold[i] !== f);
    const te = [...labels.keys()].filter((i) => fold[i] === f);
    const t0 = performance.now();
    const inner = innerScores(pick(docs, tr), pick(labels, tr), labelSet, opts, variants);
    if (!inner) throw new Error('too few rows for inner folds');
    const space = fitSpace(pick(docs, tr), nl, opts);
    const index = new Map(labelSet.map((l, i) => [l, i]));
    const yIdx = pick(labels, tr).map((l) => index.get(l) as number);
    const svm = fitSvms(space.rows, yIdx, nl, space.dim, inner.cost, opts);
    const make = (m: { weights: Float32Array; bias: Float32Array }, t: number) =>
      new TextClassifier(labelSet, opts.features, space.words, space.chars, m.weights, m.bias, t);
    put('NBSVM alone (production)', seed, score(make(svm, fitTemperature(inner.svm, inner.truth)), te));
    variants.forEach((v, vi) => {
      const nb = fitNaiveBayes(space.rows, yIdx, nl, space.dim, v);
      const nbOof = inner.nb[vi] as Float64Array[];
      put(
        `${vname(v)} alone`,
        seed,
        score(make({ weights: Float32Array.from(nb.weights), bias: Float32Array.from(nb.bias) }, 1), te),
      );
      for (const c of criteria) {
        const pool = choosePool(inner.svm, nbOof, inner.truth, grid, c);
        put(`NBSVM + ${vname(v)}, weight by ${c}`, seed, {
          ...score(make(poolWeights(svm, nb, nl, pool), pool.temperature), te),
          note: String(pool.weight),
        });
      }
    });
    process.stderr.write(
      `seed ${seed} fold ${f + 1}: cost ${inner.cost}, ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
    );
  }
}

process.stdout.write(
  table.markdown(
    `Design splits: stratified ${k}-fold CV, seeds ${seeds.join(', ')}, ${labels.length} messages; Δ against the NBSVM alone on the same folds.`,
    seeds,
    'NBSVM alone (production)',
    'weights',
  ),
);
