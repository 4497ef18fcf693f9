import type { KnnScore } from "./knn.ts";
import type { SemanticScore } from "./semantic.ts";

/** Raw per-label signals for one text. */
export interface RawSignals {
  sem: Map<string, SemanticScore>;
  tfidf: Map<string, number>;
  kw: Map<string, number>;
  /** Absent when the classifier has no labelled examples. */
  knn?: Map<string, KnnScore>;
}

export const BASE_FEATURES = [
  "sem_max",
  "sem_top3",
  "sem_z",
  "sem_rr",
  "tfidf",
  "tfidf_z",
  "tfidf_rr",
  "kw",
  "kw_z",
  "kw_rr",
  "is_goal",
] as const;
export const KNN_FEATURES = ["knn_max", "knn_vote", "knn_z", "knn_rr"] as const;

/** Which evidence signal a feature belongs to (to say what drove a score). */
export function signalOf(feature: string): "semantic" | "lexical" | "example" {
  if (feature.startsWith("sem")) return "semantic";
  if (feature.startsWith("knn")) return "example";
  if (feature === "is_goal") return "semantic";
  return "lexical";
}

/** z-scores and reciprocal ranks across the labels of one space, so texts are comparable. */
export function normalise(values: number[]): { z: number[]; rr: number[] } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / n) || 1;
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
  const rr = new Array<number>(n).fill(0);
  order.forEach(([v, i], r) => (rr[i] = v > 0 ? 1 / (r + 1) : 0));
  return { z: values.map((v) => (v - mean) / sd), rr };
}

export interface LabelFeatures {
  base: number[];
  knn: number[];
}

/** Feature rows for every label of one space (`labelIds`), from one text's raw signals. */
export function featureRows(raw: RawSignals, labelIds: string[]): Map<string, LabelFeatures> {
  const semMax = labelIds.map((id) => raw.sem.get(id)?.max ?? 0);
  const semTop = labelIds.map((id) => raw.sem.get(id)?.top3 ?? 0);
  const tf = labelIds.map((id) => raw.tfidf.get(id) ?? 0);
  const kw = labelIds.map((id) => Math.log1p(raw.kw.get(id) ?? 0));
  const kMax = labelIds.map((id) => raw.knn?.get(id)?.max ?? 0);
  const kVote = labelIds.map((id) => raw.knn?.get(id)?.vote ?? 0);
  const s = normalise(semTop);
  const t = normalise(tf);
  const k = normalise(kw);
  const n = normalise(kMax);
  const out = new Map<string, LabelFeatures>();
  labelIds.forEach((id, i) => {
    out.set(id, {
      // Goals are broad: the kind of label is a prior the fusion calibrates (few texts are about a goal).
      base: [
        semMax[i]!,
        semTop[i]!,
        s.z[i]!,
        s.rr[i]!,
        tf[i]!,
        t.z[i]!,
        t.rr[i]!,
        kw[i]!,
        k.z[i]!,
        k.rr[i]!,
        id.startsWith("GBF-GOAL-") ? 1 : 0,
      ],
      // A label with no examples gets zeros: the fusion then falls back on the base model.
      knn: raw.knn?.has(id) ? [kMax[i]!, kVote[i]!, n.z[i]!, n.rr[i]!] : [0, 0, 0, 0],
    });
  });
  return out;
}
