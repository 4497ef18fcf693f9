/** Nearest SDG-labelled abstracts: how close a text is to the texts people tagged with each SDG. */
import { dot } from "./dot.ts";
import type { ExampleVector } from "./knn.ts";

export interface SdgKnnScore {
  /** Highest similarity to a text of the SDG. */
  max: number;
  /** Mean similarity of the SDG's `TOP` closest texts: one near-duplicate counts less. */
  top: number;
}

const TOP = 5;

/** The exemplars as one row-major matrix, with each row's labels as small integers. */
interface NeighbourIndex {
  dims: number;
  matrix: Float32Array;
  keys: string[];
  labelsOf: number[][];
  labelIds: string[];
}

// Built once per exemplar array: every classified text is compared with all ~2,400 of them, and
// reading one contiguous matrix took a third of the time of visiting 2,400 separate vectors.
const indexes = new WeakMap<readonly ExampleVector[], NeighbourIndex>();

function indexOf(exemplars: readonly ExampleVector[]): NeighbourIndex {
  const known = indexes.get(exemplars);
  if (known) return known;
  const dims = exemplars[0]?.vector.length ?? 0;
  const matrix = new Float32Array(exemplars.length * dims);
  const labelIds: string[] = [];
  const slot = new Map<string, number>();
  const labelsOf = exemplars.map((ex, r) => {
    matrix.set(ex.vector, r * dims);
    return ex.labels.map((l) => {
      if (!slot.has(l)) slot.set(l, labelIds.push(l) - 1);
      return slot.get(l)!;
    });
  });
  const index = { dims, matrix, keys: exemplars.map((e) => e.key), labelsOf, labelIds };
  indexes.set(exemplars, index);
  return index;
}

/**
 * Per SDG, the similarity of `vec` to that SDG's exemplars (unit vectors, so dot = cosine).
 * `excludeKey` leaves out the text's own group, so training features are out-of-sample.
 */
export function sdgKnnScores(
  vec: Float32Array,
  exemplars: readonly ExampleVector[],
  excludeKey?: string,
): Map<string, SdgKnnScore> {
  const { dims, matrix, keys, labelsOf, labelIds } = indexOf(exemplars);
  // Each label's best TOP similarities, in descending order.
  const best = new Float64Array(labelIds.length * TOP).fill(Number.NEGATIVE_INFINITY);
  const seen = new Int32Array(labelIds.length);
  for (let r = 0; r < keys.length; r++) {
    if (excludeKey !== undefined && keys[r] === excludeKey) continue;
    const s = dot(vec, matrix, r * dims);
    for (const l of labelsOf[r]!) {
      seen[l]!++;
      let k = l * TOP + TOP - 1;
      if (s <= best[k]!) continue;
      while (k > l * TOP && best[k - 1]! < s) {
        best[k] = best[k - 1]!;
        k--;
      }
      best[k] = s;
    }
  }
  const out = new Map<string, SdgKnnScore>();
  labelIds.forEach((id, l) => {
    const n = Math.min(seen[l]!, TOP);
    if (n === 0) return;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += best[l * TOP + k]!;
    out.set(id, { max: best[l * TOP]!, top: sum / n });
  });
  return out;
}
