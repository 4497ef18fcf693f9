import type { Calibration, CalibrationBin } from "../types.ts";
import { ratio } from "./ranking.ts";

/** One (text, label) pair: the classifier's score and whether the label is gold. */
export interface ScoredPair {
  score: number;
  gold: boolean;
}

/**
 * Reliability curve over equal-width score bins, with the Brier score and the expected
 * calibration error (bin-size-weighted gap between mean score and observed frequency).
 * Scores are clamped to [0, 1] because the curve reads them as probabilities.
 */
export function calibrate(pairs: ScoredPair[], binCount = 10): Calibration {
  const sums = Array.from({ length: binCount }, () => ({ count: 0, score: 0, gold: 0 }));
  let brierSum = 0;
  for (const p of pairs) {
    const s = Math.min(1, Math.max(0, p.score));
    const y = p.gold ? 1 : 0;
    brierSum += (s - y) ** 2;
    const bin = sums[Math.min(binCount - 1, Math.floor(s * binCount))]!;
    bin.count += 1;
    bin.score += s;
    bin.gold += y;
  }
  const bins: CalibrationBin[] = sums.map((b, i) => ({
    lower: i / binCount,
    upper: (i + 1) / binCount,
    count: b.count,
    meanScore: ratio(b.score, b.count),
    observed: ratio(b.gold, b.count),
  }));
  const ece = bins.reduce((acc, b) => acc + ratio(b.count, pairs.length) * Math.abs(b.meanScore - b.observed), 0);
  return { bins, pairs: pairs.length, brier: ratio(brierSum, pairs.length), ece };
}
