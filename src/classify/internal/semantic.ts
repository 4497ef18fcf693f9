/** Zero-shot semantic signal: cosine between a text vector and each label's description vectors. */
import { dot } from "./dot.ts";

export interface LabelVectors {
  labelId: string;
  /** Unit vectors of the label's titles, clauses, keywords and translations. */
  vectors: Float32Array[];
}

export interface SemanticScore {
  /** Best single description match. */
  max: number;
  /** Mean of the three best matches: steadier than the max for long descriptions. */
  top3: number;
}

/** Per-label max and top-3 mean cosine (vectors are unit length, so dot = cosine). */
export function semanticScores(vec: Float32Array, labels: LabelVectors[]): Map<string, SemanticScore> {
  const out = new Map<string, SemanticScore>();
  for (const l of labels) {
    // The three best kept in order as they come: this runs for every piece of every text, and
    // mapping and sorting each label's similarities was a fifth of classification time.
    let a = Number.NEGATIVE_INFINITY;
    let b = a;
    let c = a;
    for (const v of l.vectors) {
      const s = dot(vec, v);
      if (s > a) {
        c = b;
        b = a;
        a = s;
      } else if (s > b) {
        c = b;
        b = s;
      } else if (s > c) c = s;
    }
    const n = Math.min(3, l.vectors.length);
    const sum = (n > 0 ? a : 0) + (n > 1 ? b : 0) + (n > 2 ? c : 0);
    out.set(l.labelId, { max: n ? a : 0, top3: n ? sum / n : 0 });
  }
  return out;
}

/** Splits a long description into sentences and clauses worth embedding on their own. */
export function descriptionClauses(text: string): string[] {
  const parts = text
    .split(
      /(?<=[.;:])\s+|,\s+(?=(?:including|in particular|and|while|through|by|with|y|et|incluid|notamment|en particulier)\b)/u,
    )
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 4);
  return [...new Set(parts)];
}
