import type { ChunkHit } from "../types.ts";

/** The usual reciprocal-rank-fusion constant (LanceDB's RRFReranker default). */
const RRF_K = 60;

/**
 * Reciprocal rank fusion of a semantic and a keyword ranking: each hit scores
 * Σ 1 / (RRF_K + rank) over the lists it is in (rank from 0), best first. A hit's semantic score
 * comes from the semantic list when it is there; its keyword score only from the keyword list.
 */
export function fuseRanks(semantic: ChunkHit[], keyword: ChunkHit[]): ChunkHit[] {
  const fused = new Map<string, ChunkHit>();
  const add = (hits: ChunkHit[]) =>
    hits.forEach((h, rank) => {
      const prev = fused.get(h.id);
      const score = 1 / (RRF_K + rank);
      // Semantic hits come first, so a hit in both lists keeps their semantic score.
      fused.set(h.id, prev ? { ...prev, keywordScore: h.keywordScore, score: prev.score + score } : { ...h, score });
    });
  add(semantic);
  add(keyword);
  return [...fused.values()].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
