import type { Suggestion } from "../types.ts";

/** What the cap needs of a suggestion: its id, score and decision. */
export interface Bounded {
  id: string;
  score: number;
  decision: Suggestion["decision"];
}

/**
 * Bounds the suggestions of a space without calibration examples (subjects, SDGs): a long report
 * can push dozens over threshold, so the best `cap` stay suggested, the next `cap` become review
 * and the rest are dropped. Ranks count only strictly higher scores, so labels tied with the last
 * suggested one keep their decision.
 *
 * A narrower label implies its broader ones, so each broader label of a suggested one is suggested
 * too and scores at least as high as its best suggested narrower label (a text about invasive
 * species is at least as surely about the cross-cutting issues). Without that lift the implied
 * parent kept the low score `deriveHierarchy` gives it to stay out of the ranking, and the page
 * showed a subject at 72 % "suggested" beside one at 100 % "review". Returns the block re-sorted.
 *
 * @example
 * boundUncalibrated(subjects, 6, (id) => vocab.broaderOf(id));
 */
export function boundUncalibrated<T extends Bounded>(
  block: T[],
  cap: number,
  broaderOf: (id: string) => string[],
): T[] {
  const sorted = [...block].sort((a, b) => b.score - a.score);
  const capped = sorted.map((s) => {
    const rank = sorted.findIndex((o) => o.score === s.score);
    if (rank >= cap * 2) return { ...s, decision: "none" as const };
    return rank >= cap && s.decision === "suggest" ? { ...s, decision: "review" as const } : s;
  });
  const lift = new Map<string, number>();
  const visit = (id: string, score: number, seen: Set<string>) => {
    for (const b of broaderOf(id)) {
      if (seen.has(b)) continue;
      seen.add(b);
      lift.set(b, Math.max(lift.get(b) ?? 0, score));
      visit(b, score, seen);
    }
  };
  for (const s of capped) if (s.decision === "suggest") visit(s.id, s.score, new Set());
  return capped
    .map((s) => {
      const floor = lift.get(s.id);
      return floor === undefined ? s : { ...s, decision: "suggest" as const, score: Math.max(s.score, floor) };
    })
    .sort((a, b) => b.score - a.score);
}
