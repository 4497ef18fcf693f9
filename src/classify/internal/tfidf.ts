import { ara, eng, fra, rus, spa } from "stopword";
import { terms } from "./text.ts";

export interface LabelDoc {
  labelId: string;
  lang: string;
  text: string;
}

type SparseVec = Map<string, number>;

/**
 * Function words of five of the UN languages (the `stopword` package's lists), stemmed as text is.
 * Without them "of" and "the" made up half of a short description such as "Conference of the
 * Parties", which then matched every English text. Han is left alone: its tokens are characters.
 */
const STOP = new Set([...eng, ...fra, ...spa, ...ara, ...rus].flatMap((w) => terms(w)));

/** Stemmed unigrams and bigrams of the words left after function words (Han: character unigrams and bigrams). */
function features(text: string): Map<string, number> {
  const t = terms(text).filter((x) => !STOP.has(x));
  const out = new Map<string, number>();
  const add = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
  for (let i = 0; i < t.length; i++) {
    if (t[i]!.length > 1 || /[\u3400-\u9fff]/.test(t[i]!)) add(t[i]!);
    if (i + 1 < t.length) add(`${t[i]} ${t[i + 1]}`);
  }
  return out;
}

export interface DescriptionIndex {
  /** label id → best cosine between the text and the label's description in any language. */
  score(text: string): Map<string, number>;
}

/**
 * TF-IDF (sublinear tf, smoothed idf) between a text and each label's descriptions in each of
 * the six languages; the best language wins, so no language detection is needed.
 */
export function createDescriptionIndex(docs: LabelDoc[]): DescriptionIndex {
  const raw = docs.map((d) => ({ labelId: d.labelId, f: features(d.text) }));
  const df = new Map<string, number>();
  for (const d of raw) for (const k of d.f.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = raw.length;
  const idf = (k: string) => Math.log((1 + n) / (1 + (df.get(k) ?? 0))) + 1;
  const vectorize = (f: Map<string, number>): SparseVec => {
    const v: SparseVec = new Map();
    let norm = 0;
    for (const [k, c] of f) {
      if (!df.has(k)) continue; // terms no description has cannot add to any dot product
      const w = (1 + Math.log(c)) * idf(k);
      v.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
    return v;
  };
  const vectors = raw.map((d) => ({ labelId: d.labelId, v: vectorize(d.f) }));
  // Inverted index: term → (doc, weight), so scoring touches only shared terms.
  const postings = new Map<string, Array<[number, number]>>();
  vectors.forEach((d, i) => {
    for (const [k, w] of d.v) postings.set(k, [...(postings.get(k) ?? []), [i, w]]);
  });
  return {
    score(text) {
      const q = vectorize(features(text));
      const dots = new Float64Array(vectors.length);
      for (const [k, w] of q) for (const [i, dw] of postings.get(k) ?? []) dots[i] = dots[i]! + w * dw;
      const out = new Map<string, number>();
      vectors.forEach((d, i) => out.set(d.labelId, Math.max(out.get(d.labelId) ?? 0, dots[i]!)));
      return out;
    },
  };
}
