/** Decision thresholds chosen on out-of-fold scores. */

export interface ScoredLabel {
  labelId: string;
  score: number;
  positive: boolean;
}

export interface ThresholdOptions {
  /** Labels with fewer positives than this use the global threshold. */
  minPositives?: number;
  /** No threshold below this (keeps precision on labels with few examples). */
  floor?: number;
  ceiling?: number;
}

function bestF1(items: ScoredLabel[], floor: number, ceiling: number): { threshold: number; f1: number } {
  const positives = items.filter((i) => i.positive).length;
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let best = { threshold: ceiling, f1: -1 };
  let tp = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.positive) tp++;
    const next = sorted[i + 1]?.score ?? 0;
    if (next === sorted[i]!.score && i + 1 < sorted.length) continue; // cannot split tied scores
    // Midway to the next score: the same decisions on these data, more margin on new data.
    const threshold = Math.min(ceiling, Math.max(floor, (sorted[i]!.score + next) / 2));
    if (threshold > sorted[i]!.score) continue; // clamped above this score: predicts fewer
    const f1 = positives ? (2 * tp) / (i + 1 + positives) : 0;
    if (f1 > best.f1 + 1e-9) best = { threshold, f1 };
    if (threshold === floor) break;
  }
  return best;
}

/**
 * Per-label thresholds maximising F1 on held-out scores, a global one (maximising pooled F1) for
 * labels with too few positives, all clamped to [floor, ceiling].
 */
export function chooseThresholds(
  items: ScoredLabel[],
  labelIds: string[],
  opts: ThresholdOptions = {},
): { global: number; perLabel: Record<string, number> } {
  // The ceiling keeps a confident calibrated score (≥ 0.7) a suggestion even when the training
  // texts separate so cleanly that F1 alone would allow any threshold up to 0.99.
  const { minPositives = 8, floor = 0.2, ceiling = 0.7 } = opts;
  const global = items.length ? bestF1(items, floor, ceiling).threshold : 0.5;
  const perLabel: Record<string, number> = {};
  for (const id of labelIds) {
    const mine = items.filter((i) => i.labelId === id);
    const pos = mine.filter((i) => i.positive).length;
    perLabel[id] = pos >= minPositives ? bestF1(mine, floor, ceiling).threshold : global;
  }
  return { global, perLabel };
}

/** `suggest` at or above the threshold, `review` within the band below it, else `none`. */
export function decide(score: number, threshold: number, band = 0.6): "suggest" | "review" | "none" {
  if (score >= threshold) return "suggest";
  if (score >= threshold * band) return "review";
  return "none";
}
