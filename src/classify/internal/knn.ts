/** Labelled-examples signal: similarity-weighted nearest neighbours among training examples. */
import { dot } from "./dot.ts";

export interface ExampleVector {
  key: string;
  labels: string[];
  vector: Float32Array;
}

export interface KnnScore {
  /** Highest similarity to any example of the label. */
  max: number;
  /** Share of the k nearest neighbours' similarity mass that carries the label. */
  vote: number;
}

/**
 * Scores labels by their nearest examples. `excludeKey` drops the examples of one group (the
 * translations of the text being scored) so training features are out-of-fold.
 */
export function knnScores(
  vec: Float32Array,
  examples: ExampleVector[],
  k = 7,
  excludeKey?: string,
): Map<string, KnnScore> {
  const sims: Array<{ ex: ExampleVector; sim: number }> = [];
  for (const ex of examples) {
    if (excludeKey !== undefined && ex.key === excludeKey) continue;
    sims.push({ ex, sim: dot(vec, ex.vector) });
  }
  sims.sort((a, b) => b.sim - a.sim);
  const out = new Map<string, KnnScore>();
  for (const { ex, sim } of sims) {
    for (const l of ex.labels) if (!out.has(l)) out.set(l, { max: sim, vote: 0 });
  }
  const nearest = sims.slice(0, k);
  // Similarities of USE vectors sit in ~[0.2, 0.9]; a sharpened weight lets close matches dominate.
  const weights = nearest.map((n) => Math.exp(10 * n.sim));
  const total = weights.reduce((s, w) => s + w, 0) || 1;
  nearest.forEach((n, i) => {
    for (const l of n.ex.labels) out.get(l)!.vote += weights[i]! / total;
  });
  return out;
}
