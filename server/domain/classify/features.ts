import { normalizeText, tokenize } from '../kb/segment';

/**
 * Text features for classification: jieba words (the knowledge base's segmentation, with its
 * government-term dictionary and stopwords) and character n-grams inside runs of letters and
 * digits. Digit runs are folded to one `0` for the character grams (house numbers and dates
 * carry no topic); words keep them.
 */
export interface FeatureParams {
  /** Use jieba words as a feature block. */
  words: boolean;
  /** Character n-gram lengths, inclusive; [0, 0] for none. */
  charMin: number;
  charMax: number;
}

export interface TextFeatures {
  words: string[];
  chars: string[];
}

const NON_WORD_RUN = /[^\p{L}\p{N}]+/u;
const DIGIT_RUN = /\p{N}+/gu;

export function charNgrams(text: string, minN: number, maxN: number): string[] {
  const out: string[] = [];
  if (maxN < 1) return out;
  for (const run of normalizeText(text).replace(DIGIT_RUN, '0').split(NON_WORD_RUN)) {
    if (!run) continue;
    const cps = Array.from(run);
    for (let i = 0; i < cps.length; i++) {
      let gram = '';
      for (let n = 1; n <= maxN && i + n <= cps.length; n++) {
        gram += cps[i + n - 1];
        if (n >= minN) out.push(gram);
      }
    }
  }
  return out;
}

export function textFeatures(text: string, p: FeatureParams): TextFeatures {
  return { words: p.words ? tokenize(text) : [], chars: charNgrams(text, p.charMin, p.charMax) };
}
