import { textFeatures, type FeatureParams, type TextFeatures } from './features';
import type { SparseVector } from './linear-svm';

/**
 * A text classifier: TF-IDF (sublinear tf, smoothed idf, each block l2-normalised) over jieba
 * words and character n-grams, one-vs-rest linear SVMs, and a softmax over their scores with a
 * temperature fitted on out-of-fold scores so that the confidence reads as a probability.
 * This file is the trained model (predict, serialise); `train.ts` fits it. Pure: no I/O, no clock.
 */

export interface Prediction {
  label: string;
  confidence: number;
  /** The next most likely labels (up to 3), most likely first. */
  alternatives: { label: string; confidence: number }[];
}

export interface Block {
  vocab: Map<string, number>;
  idf: Float32Array;
  offset: number;
}

export class TextClassifier {
  constructor(
    readonly labels: readonly string[],
    readonly features: FeatureParams,
    private readonly words: Block,
    private readonly chars: Block,
    /** Feature-major weights: weights[f * labels.length + k]. */
    private readonly weights: Float32Array,
    private readonly bias: Float32Array,
    readonly temperature: number,
  ) {}

  withTemperature(temperature: number): TextClassifier {
    return new TextClassifier(
      this.labels,
      this.features,
      this.words,
      this.chars,
      this.weights,
      this.bias,
      temperature,
    );
  }

  get dimension(): number {
    return this.words.vocab.size + this.chars.vocab.size;
  }

  vectorize(f: TextFeatures): SparseVector {
    return toVector(f, this.words, this.chars, this.features);
  }

  /** Raw decision scores, one per label. */
  scores(x: SparseVector): Float64Array {
    const k = this.labels.length;
    const s = Float64Array.from(this.bias);
    for (let j = 0; j < x.idx.length; j++) {
      const base = (x.idx[j] as number) * k;
      const v = x.val[j] as number;
      for (let c = 0; c < k; c++) s[c] = (s[c] as number) + v * (this.weights[base + c] as number);
    }
    return s;
  }

  probabilities(x: SparseVector): Float64Array {
    return softmax(this.scores(x), this.temperature);
  }

  predictFeatures(f: TextFeatures, top = 3): Prediction {
    const p = this.probabilities(this.vectorize(f));
    const order = [...p.keys()].sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
    const best = order[0] as number;
    return {
      label: this.labels[best] as string,
      confidence: round4(p[best] as number),
      alternatives: order.slice(1, 1 + top).map((i) => ({
        label: this.labels[i] as string,
        confidence: round4(p[i] as number),
      })),
    };
  }

  predict(text: string, top = 3): Prediction {
    return this.predictFeatures(textFeatures(text, this.features), top);
  }

  /** Compact binary form: a JSON header (labels, vocabularies) then idf, bias and int8 weights. */
  serialize(): Uint8Array {
    const k = this.labels.length;
    const dim = this.dimension;
    const scales = new Float32Array(k);
    for (let f = 0; f < dim; f++) {
      for (let c = 0; c < k; c++) {
        const a = Math.abs(this.weights[f * k + c] as number);
        if (a > (scales[c] as number)) scales[c] = a;
      }
    }
    for (let c = 0; c < k; c++) scales[c] = (scales[c] as number) / 127 || 1;
    const q = new Int8Array(dim * k);
    for (let f = 0; f < dim; f++) {
      for (let c = 0; c < k; c++) {
        q[f * k + c] = Math.round((this.weights[f * k + c] as number) / (scales[c] as number));
      }
    }
    const header = new TextEncoder().encode(
      JSON.stringify({
        format: FORMAT,
        labels: this.labels,
        features: this.features,
        temperature: this.temperature,
        words: vocabList(this.words.vocab).join('\n'),
        chars: vocabList(this.chars.vocab).join('\n'),
      }),
    );
    const idf = new Float32Array(dim);
    idf.set(this.words.idf, 0);
    idf.set(this.chars.idf, this.words.vocab.size);
    const parts: Uint8Array[] = [
      new Uint8Array(Uint32Array.of(MAGIC, header.length).buffer),
      header,
      new Uint8Array(4 - (header.length % 4 || 4)),
      new Uint8Array(idf.buffer),
      new Uint8Array(this.bias.slice().buffer),
      new Uint8Array(scales.buffer),
      new Uint8Array(q.buffer),
    ];
    const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  static deserialize(bytes: Uint8Array): TextClassifier {
    const buf = bytes.slice().buffer; // own, aligned copy
    const [magic, headerLen] = new Uint32Array(buf, 0, 2);
    if (magic !== MAGIC || headerLen === undefined) throw new Error('not a serialised text classifier');
    const h = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, headerLen))) as {
      format: number;
      labels: string[];
      features: FeatureParams;
      temperature: number;
      words: string;
      chars: string;
    };
    if (h.format !== FORMAT) throw new Error(`unknown classifier format ${h.format}`);
    const k = h.labels.length;
    const wordList = h.words ? h.words.split('\n') : [];
    const charList = h.chars ? h.chars.split('\n') : [];
    const dim = wordList.length + charList.length;
    let at = 8 + headerLen + (4 - (headerLen % 4 || 4));
    const idf = new Float32Array(buf, at, dim);
    at += dim * 4;
    const bias = new Float32Array(buf, at, k).slice();
    at += k * 4;
    const scales = new Float32Array(buf, at, k);
    at += k * 4;
    const q = new Int8Array(buf, at, dim * k);
    const weights = new Float32Array(dim * k);
    for (let f = 0; f < dim; f++) {
      for (let c = 0; c < k; c++) weights[f * k + c] = (q[f * k + c] as number) * (scales[c] as number);
    }
    const words: Block = { vocab: vocabMap(wordList), idf: idf.slice(0, wordList.length), offset: 0 };
    const chars: Block = {
      vocab: vocabMap(charList),
      idf: idf.slice(wordList.length),
      offset: wordList.length,
    };
    return new TextClassifier(h.labels, h.features, words, chars, weights, bias, h.temperature);
  }
}

const MAGIC = 0x4d434c43; // "CLCM"
const FORMAT = 1;

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function vocabList(vocab: Map<string, number>): string[] {
  const out = new Array<string>(vocab.size);
  for (const [t, i] of vocab) out[i] = t;
  return out;
}

function vocabMap(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  list.forEach((t, i) => m.set(t, i));
  return m;
}

export function softmax(scores: Float64Array, temperature: number): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  const out = new Float64Array(scores.length);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(((scores[i] as number) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

export function blockWeights(p: FeatureParams): { words: number; chars: number } {
  const hasChars = p.charMax >= 1;
  if (p.words && hasChars) return { words: Math.SQRT1_2, chars: Math.SQRT1_2 };
  return { words: p.words ? 1 : 0, chars: hasChars ? 1 : 0 };
}

function addBlock(
  terms: readonly string[],
  block: Block,
  weight: number,
  idx: number[],
  val: number[],
): void {
  if (weight === 0 || terms.length === 0) return;
  const tf = new Map<number, number>();
  for (const t of terms) {
    const i = block.vocab.get(t);
    if (i !== undefined) tf.set(i, (tf.get(i) ?? 0) + 1);
  }
  if (tf.size === 0) return;
  const first = val.length;
  let norm = 0;
  for (const [i, c] of tf) {
    const v = (1 + Math.log(c)) * (block.idf[i] as number);
    idx.push(block.offset + i);
    val.push(v);
    norm += v * v;
  }
  const scale = weight / Math.sqrt(norm);
  for (let j = first; j < val.length; j++) val[j] = (val[j] as number) * scale;
}

export function toVector(f: TextFeatures, words: Block, chars: Block, p: FeatureParams): SparseVector {
  const w = blockWeights(p);
  const idx: number[] = [];
  const val: number[] = [];
  addBlock(f.words, words, w.words, idx, val);
  addBlock(f.chars, chars, w.chars, idx, val);
  return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
}

export function argmax(xs: Float64Array): number {
  let best = 0;
  for (let i = 1; i < xs.length; i++) if ((xs[i] as number) > (xs[best] as number)) best = i;
  return best;
}
