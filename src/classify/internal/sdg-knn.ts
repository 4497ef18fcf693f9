/** Nearest SDG-labelled abstracts: how close a text is to the texts people tagged with each SDG. */
import type { ExampleVector } from "./knn.ts";

export interface SdgKnnScore {
  /** Highest similarity to a text of the SDG. */
  max: number;
  /** Mean similarity of the SDG's `TOP` closest texts: one near-duplicate counts less. */
  top: number;
}

const TOP = 5;

/**
 * Per SDG, the similarity of `vec` to that SDG's exemplars (unit vectors, so dot = cosine).
 * `excludeKey` leaves out the text's own group, so training features are out-of-sample.
 */
export function sdgKnnScores(
  vec: Float32Array,
  exemplars: readonly ExampleVector[],
  excludeKey?: string,
): Map<string, SdgKnnScore> {
  const sims = new Map<string, number[]>();
  for (const ex of exemplars) {
    if (excludeKey !== undefined && ex.key === excludeKey) continue;
    let s = 0;
    for (let i = 0; i < vec.length; i++) s += vec[i]! * ex.vector[i]!;
    for (const l of ex.labels) {
      const list = sims.get(l);
      if (list) list.push(s);
      else sims.set(l, [s]);
    }
  }
  const out = new Map<string, SdgKnnScore>();
  for (const [id, list] of sims) {
    const best = list.sort((a, b) => b - a).slice(0, TOP);
    out.set(id, { max: best[0]!, top: best.reduce((s, x) => s + x, 0) / best.length });
  }
  return out;
}
