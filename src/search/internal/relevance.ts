import type { ChunkHit } from "../../store/types.ts";
import type { SearchMode } from "../types.ts";
import { termsPresent } from "./highlight.ts";

/**
 * Anchors of the 0–1 relevance scale on the cosine of USE-lite query and chunk vectors, from the
 * distributions `bench/search-relevance.ts` measured on the samples (README, Search relevance):
 * off-topic queries' best chunk has a median cosine of 0.23, the best on-topic matches reach 0.75.
 */
export const COSINE_ZERO = 0.25;
export const COSINE_FULL = 0.75;
/** Share of relevance that comes from the query's words being in the passage (hybrid, keyword). */
export const WORDS_WEIGHT = 0.3;
/**
 * Share of a document's score from its mean passage relevance over all its chunks (those not
 * retrieved count 0): a document wholly about the query beats a long report that mentions it once.
 */
export const FOCUS_WEIGHT = 0.25;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Cosine similarity → 0–1 on the calibrated scale. */
export function meaningRelevance(cosine: number | undefined): number {
  return cosine === undefined ? 0 : clamp01((cosine - COSINE_ZERO) / (COSINE_FULL - COSINE_ZERO));
}

/** Edit distance of two words, giving up past `max` (then returns max + 1). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** The typos the keyword search forgives (store: keywordQuery): 1 edit from 4 letters, 2 from 6. */
const allowedEdits = (term: string) => (term.length >= 6 ? 2 : term.length >= 4 ? 1 : 0);

/**
 * Share of the query's terms that occur in the text: word-prefix match (as highlighted) or, when
 * `fuzzy`, a word within the forgiven typos (same first letter), so "islnds" counts for "islands".
 */
export function termCoverage(text: string, terms: string[], fuzzy = false): number {
  if (terms.length === 0) return 0;
  const found = termsPresent(text, terms);
  const words = fuzzy ? [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])] : [];
  const near = (t: string) =>
    allowedEdits(t) > 0 &&
    words.some((w) => w[0] === t[0] && editDistance(t, w.slice(0, t.length + 2), allowedEdits(t)) <= allowedEdits(t));
  return terms.filter((t) => found.has(t) || (fuzzy && near(t))).length / terms.length;
}

/**
 * One passage's relevance on the one 0–1 scale every mode shows: meaning alone in semantic mode;
 * meaning and the query's words in hybrid and keyword modes (the mode also decides which
 * passages are candidates). The component scores stay in the hit's "why".
 */
export function passageRelevance(hit: ChunkHit, terms: string[], mode: SearchMode, fuzzy = false): number {
  const meaning = meaningRelevance(hit.semanticScore);
  if (mode === "semantic") return meaning;
  return (1 - WORDS_WEIGHT) * meaning + WORDS_WEIGHT * termCoverage(hit.text, terms, fuzzy);
}

/** Re-scores chunk hits on the relevance scale, best first (ties: keep the store's order). */
export function rescore(hits: ChunkHit[], terms: string[], mode: SearchMode, fuzzy = false): ChunkHit[] {
  return hits
    .map((h, i) => ({ h: { ...h, score: passageRelevance(h, terms, mode, fuzzy) }, i }))
    .sort((a, b) => b.h.score - a.h.score || a.i - b.i)
    .map((x) => x.h);
}

/** A document's score from its retrieved passages (best first) and its chunk count. */
export function documentRelevance(passages: ChunkHit[], chunkCount: number): number {
  const best = passages[0]?.score ?? 0;
  const mean = passages.reduce((s, p) => s + p.score, 0) / Math.max(chunkCount, passages.length, 1);
  return (1 - FOCUS_WEIGHT) * best + FOCUS_WEIGHT * mean;
}
