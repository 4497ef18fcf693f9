/** Zero-shot semantic signal: cosine between a text vector and each label's description vectors. */

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

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Per-label max and top-3 mean cosine (vectors are unit length, so dot = cosine). */
export function semanticScores(vec: Float32Array, labels: LabelVectors[]): Map<string, SemanticScore> {
  const out = new Map<string, SemanticScore>();
  for (const l of labels) {
    const sims = l.vectors.map((v) => dot(vec, v)).sort((a, b) => b - a);
    const top = sims.slice(0, 3);
    out.set(l.labelId, { max: sims[0] ?? 0, top3: top.length ? top.reduce((s, x) => s + x, 0) / top.length : 0 });
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
