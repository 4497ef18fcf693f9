import { l2normalize } from "../../embed/index.ts";
import type { Country } from "../../geo/index.ts";
import type { MatchComponents } from "../types.ts";

/** Weights of the match score; semantic similarity leads, tags and place refine it. */
export const WEIGHTS: MatchComponents = { semantic: 0.55, targets: 0.25, subjects: 0.1, place: 0.05, language: 0.05 };

export const SCORING =
  "0.55 × semantic similarity (closest passages) + 0.25 × shared GBF targets (Jaccard) + 0.10 × shared CBD " +
  "subjects (Jaccard) + 0.05 × place (same country 1, sub-region 0.75, region 0.5, an offer with no country 0.5) " +
  "+ 0.05 × same language";

export function jaccard(a: string[], b: string[]): number {
  const A = new Set(a);
  const B = new Set(b);
  const inter = [...A].filter((x) => B.has(x)).length;
  const union = new Set([...A, ...B]).size;
  return union === 0 ? 0 : inter / union;
}

/** Place fit and its wording; an offer without a country is taken to serve every country. */
export function placeFit(own: Country | undefined, theirs: Country | undefined): { fit: number; place: string } {
  if (!own || !theirs) return theirs || own ? { fit: 0.5, place: "global offer" } : { fit: 0.5, place: "" };
  if (own.code === theirs.code) return { fit: 1, place: "same country" };
  if (own.subregion === theirs.subregion) return { fit: 0.75, place: `same sub-region (${own.subregion})` };
  if (own.region === theirs.region) return { fit: 0.5, place: `same region (${own.region})` };
  return { fit: 0, place: "" };
}

export function combine(c: MatchComponents): number {
  return (
    WEIGHTS.semantic * c.semantic +
    WEIGHTS.targets * c.targets +
    WEIGHTS.subjects * c.subjects +
    WEIGHTS.place * c.place +
    WEIGHTS.language * c.language
  );
}

/** Mean direction of vectors (unit length), the document's fingerprint for matching. */
export function meanVector(vectors: Float32Array[]): Float32Array {
  const sum = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < sum.length; i++) sum[i]! += v[i]!;
  return l2normalize(sum);
}
