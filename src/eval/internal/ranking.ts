import type { ClassificationResult, Suggestion } from "../../classify/types.ts";

/** Ratio that reads 0 (not NaN) when nothing was counted: an empty class scores 0, by convention. */
export function ratio(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

/** Suggestions whose id is in the label space, best score first (ties broken by id, for determinism). */
export function rankInSpace(result: ClassificationResult, space: ReadonlySet<string>): Suggestion[] {
  return result.suggestions
    .filter((s) => space.has(s.id))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Labels counted as predicted positive under each decision mode. */
export function predictedSets(ranked: Suggestion[]): { suggest: Set<string>; suggestReview: Set<string> } {
  const suggest = new Set(ranked.filter((s) => s.decision === "suggest").map((s) => s.id));
  const suggestReview = new Set(ranked.filter((s) => s.decision !== "none").map((s) => s.id));
  return { suggest, suggestReview };
}

/** 1 when the top-ranked label is gold, else 0 (no suggestion at all counts as a miss). */
export function hitAt1(ranked: Suggestion[], gold: ReadonlySet<string>): number {
  const top = ranked[0];
  return top !== undefined && gold.has(top.id) ? 1 : 0;
}

/** Share of the gold labels found among the k best-ranked labels. */
export function recallAtK(ranked: Suggestion[], gold: ReadonlySet<string>, k: number): number {
  const found = ranked.slice(0, k).filter((s) => gold.has(s.id)).length;
  return ratio(found, gold.size);
}

/** 1 when at least one gold label is among the k best-ranked labels. */
export function hitAtK(ranked: Suggestion[], gold: ReadonlySet<string>, k: number): number {
  return ranked.slice(0, k).some((s) => gold.has(s.id)) ? 1 : 0;
}
