import { fitLogistic, predictLogistic, type LogisticModel } from "./logistic.ts";
import type { ScoredLabel } from "./thresholds.ts";

/** One (training text, label) pair with its out-of-fold features. */
export interface FusionRow {
  key: string;
  labelId: string;
  base: number[];
  knn: number[];
  hasKnn: boolean;
  y: number;
}

export interface FusionOptions {
  /** Leave the nearest-examples model out entirely (ablation: descriptions + keywords only). */
  useExamples: boolean;
  l2: number;
}

/** Fits the base model on every row and the full model on rows whose label has examples. */
export function fitFusion(rows: FusionRow[], opts: FusionOptions): { base: LogisticModel; full?: LogisticModel } {
  const base = fitLogistic(
    rows.map((r) => r.base),
    rows.map((r) => r.y),
    { l2: opts.l2 },
  );
  const withKnn = rows.filter((r) => r.hasKnn);
  if (!opts.useExamples || !withKnn.some((r) => r.y === 1)) return { base };
  const full = fitLogistic(
    withKnn.map((r) => [...r.base, ...r.knn]),
    withKnn.map((r) => r.y),
    { l2: opts.l2 },
  );
  return { base, full };
}

export function predictRow(fusion: { base: LogisticModel; full?: LogisticModel }, r: FusionRow): number {
  return fusion.full && r.hasKnn
    ? predictLogistic(fusion.full, [...r.base, ...r.knn])
    : predictLogistic(fusion.base, r.base);
}

/**
 * Out-of-fold fusion scores: the fusion is refitted without each group of keys and scores that
 * group, so thresholds are chosen on scores the model did not see.
 */
export function outOfFoldScores(rows: FusionRow[], opts: FusionOptions, folds = 5): ScoredLabel[] {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const foldOf = new Map(keys.map((k) => [k, hash(k) % Math.min(folds, keys.length)]));
  const out: ScoredLabel[] = [];
  for (let f = 0; f < Math.min(folds, keys.length); f++) {
    const train = rows.filter((r) => foldOf.get(r.key) !== f);
    const test = rows.filter((r) => foldOf.get(r.key) === f);
    if (!test.length || !train.some((r) => r.y === 1)) continue;
    const fusion = fitFusion(train, opts);
    for (const r of test) out.push({ labelId: r.labelId, score: predictRow(fusion, r), positive: r.y === 1 });
  }
  return out;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
