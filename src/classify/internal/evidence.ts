import type { Evidence } from "../types.ts";
import type { KeywordHit } from "./lexical.ts";
import type { DescriptionIndex } from "./tfidf.ts";
import { sentenceSpans, type Span } from "./text.ts";

export interface ChunkView {
  id?: string;
  page?: number;
  text: string;
  /** Where `text` starts in the chunk (a window of it); evidence offsets are into the chunk. */
  offset?: number;
  hits: KeywordHit[];
}

/**
 * The sentence of a chunk that best supports a label: the one with the heaviest keyword hits for
 * it, else the one closest to the label's descriptions (TF-IDF), else the chunk's first sentence.
 * Offsets are into the chunk text.
 */
export function bestSentence(
  chunk: ChunkView,
  labelId: string,
  index: DescriptionIndex,
  cache: Map<string, Span[]>,
): Span {
  const cacheKey = `${chunk.id ?? chunk.text.slice(0, 64)}@${chunk.offset ?? 0}`;
  let spans = cache.get(cacheKey);
  if (!spans) {
    spans = sentenceSpans(chunk.text);
    cache.set(cacheKey, spans);
  }
  if (!spans.length) return { start: 0, end: chunk.text.length };
  const mine = chunk.hits.filter((h) => h.labelId === labelId);
  if (mine.length) {
    let best = spans[0]!;
    let bestW = -1;
    for (const s of spans) {
      const w = mine.filter((h) => h.start >= s.start && h.end <= s.end).reduce((a, h) => a + h.weight, 0);
      if (w > bestW) [best, bestW] = [s, w];
    }
    if (bestW > 0) return best;
  }
  if (spans.length === 1) return spans[0]!;
  let best = spans[0]!;
  let bestScore = -1;
  for (const s of spans.slice(0, 60)) {
    const score = index.score(chunk.text.slice(s.start, s.end)).get(labelId) ?? 0;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

export function toEvidence(chunk: ChunkView, span: Span, signal: Evidence["signal"]): Evidence {
  return {
    ...(chunk.id !== undefined ? { chunkId: chunk.id } : {}),
    ...(chunk.page !== undefined ? { page: chunk.page } : {}),
    start: span.start + (chunk.offset ?? 0),
    end: span.end + (chunk.offset ?? 0),
    text: chunk.text.slice(span.start, span.end),
    signal,
  };
}
