/**
 * SDGs as a calibrated label space of their own: per (text, SDG) features from the Aurora expert
 * queries, the curated SDG keywords, TF-IDF against the SDG descriptions, the embedding and the
 * GBF crosswalk, fused by a label-agnostic logistic model fitted on SDG-labelled abstracts, with
 * thresholds chosen on out-of-fold scores.
 */
import { type AuroraHit, auroraScores } from "./aurora-load.ts";
import { normalise } from "./features.ts";
import { fitLogistic, type LogisticModel, predictLogistic } from "./logistic.ts";
import type { SdgKnnScore } from "./sdg-knn.ts";
import type { SemanticScore } from "./semantic.ts";
import { chooseThresholds, type ScoredLabel } from "./thresholds.ts";

export const SDG_FEATURES = [
  "aurora_targets",
  "aurora_lines",
  "aurora_rr",
  "kw",
  "kw_z",
  "kw_rr",
  "tfidf",
  "tfidf_z",
  "tfidf_rr",
  "sem_max",
  "sem_z",
  "knn_max",
  "knn_top",
  "knn_z",
] as const;

/** Raw signals of one text restricted to what the SDG model reads. */
export interface SdgRaw {
  aurora: AuroraHit[];
  kw: Map<string, number>;
  tfidf: Map<string, number>;
  sem: Map<string, SemanticScore>;
  /** Similarity to the SDG-labelled exemplar texts (empty without a vector or exemplars). */
  knn: Map<string, SdgKnnScore>;
}

export interface SdgModel {
  model: LogisticModel;
  thresholds: Record<string, number>;
  global: number;
  /** Features switched off (zeroed), e.g. `sem_*` and `knn_*` when training had no vectors. */
  off: string[];
  /** SDG-labelled texts the `knn_*` features compare with (unit vectors as plain arrays). */
  exemplars?: Array<{ key: string; labels: string[]; vector: number[] }>;
  /**
   * The same fusion on the keyword and TF-IDF features alone (`LEXICAL_OFF` zeroed), for text that
   * is not English: the Aurora queries, the offline encoder and the labelled abstracts are English.
   */
  lexical?: SdgModel;
}

/** Features the lexical model goes without. */
export const LEXICAL_OFF = ["aurora", "sem", "knn"];

/**
 * A lexical-model probability on the full model's scale for one SDG: the lexical threshold lands
 * on the full model's, linearly on either side, so the classifier's thresholds decide both.
 */
export function onFullScale(p: number, lexicalThr: number, fullThr: number): number {
  if (p <= lexicalThr) return (p * fullThr) / Math.max(1e-9, lexicalThr);
  return fullThr + ((p - lexicalThr) * (1 - fullThr)) / Math.max(1e-9, 1 - lexicalThr);
}

/** Feature rows for every SDG of one text. */
export function sdgFeatureRows(raw: SdgRaw, sdgIds: string[], off: readonly string[] = []): Map<string, number[]> {
  const targets = auroraScores(raw.aurora);
  const lines = new Map<string, number>();
  for (const h of raw.aurora) lines.set(h.labelId, (lines.get(h.labelId) ?? 0) + 1);
  const at = sdgIds.map((id) => Math.log1p(targets.get(id) ?? 0));
  const al = sdgIds.map((id) => Math.log1p(lines.get(id) ?? 0));
  const kw = sdgIds.map((id) => Math.log1p(raw.kw.get(id) ?? 0));
  const tf = sdgIds.map((id) => raw.tfidf.get(id) ?? 0);
  const sem = sdgIds.map((id) => raw.sem.get(id)?.max ?? 0);
  const knnMax = sdgIds.map((id) => raw.knn.get(id)?.max ?? 0);
  const knnTop = sdgIds.map((id) => raw.knn.get(id)?.top ?? 0);
  const a = normalise(al);
  const k = normalise(kw);
  const t = normalise(tf);
  const s = normalise(sem);
  const n = normalise(knnTop);
  const mask = SDG_FEATURES.map((f) => (off.some((o) => f.startsWith(o)) ? 0 : 1));
  const out = new Map<string, number[]>();
  sdgIds.forEach((id, i) => {
    const row = [
      at[i]!,
      al[i]!,
      a.rr[i]!,
      kw[i]!,
      k.z[i]!,
      k.rr[i]!,
      tf[i]!,
      t.z[i]!,
      t.rr[i]!,
      sem[i]!,
      s.z[i]!,
      knnMax[i]!,
      knnTop[i]!,
      n.z[i]!,
    ];
    out.set(
      id,
      row.map((v, j) => v * mask[j]!),
    );
  });
  return out;
}

export interface SdgTrainingRow {
  key: string;
  labelId: string;
  x: number[];
  y: number;
}

const fitRows = (rows: SdgTrainingRow[]) =>
  fitLogistic(
    rows.map((r) => r.x),
    rows.map((r) => r.y),
    { l2: 1e-3 },
  );

/**
 * Fits the SDG fusion and chooses per-SDG thresholds (a shared one for SDGs with few positives)
 * on out-of-fold scores, folds grouped by `key`. Rows are one per (training text, SDG).
 */
export function trainSdgModel(rows: SdgTrainingRow[], sdgIds: string[], off: string[], folds = 5): SdgModel {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const foldOf = new Map(keys.map((key, i) => [key, i % folds]));
  const oof: ScoredLabel[] = [];
  for (let f = 0; f < folds; f++) {
    const train = rows.filter((r) => foldOf.get(r.key) !== f);
    const test = rows.filter((r) => foldOf.get(r.key) === f);
    if (!test.length || !train.some((r) => r.y === 1)) continue;
    const m = fitRows(train);
    for (const r of test) oof.push({ labelId: r.labelId, score: predictLogistic(m, r.x), positive: r.y === 1 });
  }
  const { global, perLabel } = chooseThresholds(oof, sdgIds, { minPositives: 20, floor: 0.15, ceiling: 0.6 });
  return { model: fitRows(rows), thresholds: perLabel, global, off };
}

/**
 * Calibrated probability per SDG for one text; with `lexicalOnly` (text that is not English) from
 * the lexical model, mapped onto the full model's thresholds.
 */
export function scoreSdgs(model: SdgModel, raw: SdgRaw, sdgIds: string[], lexicalOnly = false): Map<string, number> {
  const out = new Map<string, number>();
  const lex = lexicalOnly ? model.lexical : undefined;
  if (!lex) {
    for (const [id, x] of sdgFeatureRows(raw, sdgIds, model.off)) out.set(id, predictLogistic(model.model, x));
    return out;
  }
  for (const [id, x] of sdgFeatureRows(raw, sdgIds, lex.off)) {
    const thr = (m: SdgModel) => m.thresholds[id] ?? m.global;
    out.set(id, onFullScale(predictLogistic(lex.model, x), thr(lex), thr(model)));
  }
  return out;
}
