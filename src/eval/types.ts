import type { ClassificationResult, Evidence, LabelledExample } from "../classify/types.ts";

/** One scored example: the gold labels and what the classifier said about the text. */
export interface EvalRecord {
  example: LabelledExample;
  result: ClassificationResult;
  /** Cross-validation fold (0-based) that held this example out; absent for a held-out dataset. */
  fold?: number;
  /**
   * Labels implied by the gold ones (a gold target's GBF goal): neither required nor wrong, so
   * they are left out of this example's ranking, decisions and calibration.
   */
  implied?: string[];
}

/** Which decisions count as "predicted positive" for F1 and coverage. */
export type DecisionMode = "suggest" | "suggestReview";

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface LabelMetrics {
  id: string;
  /** Examples carrying this gold label. */
  support: number;
  suggest: PRF;
  suggestReview: PRF;
}

export interface Summary {
  /** Examples scored (those with at least one gold label in the label space). */
  n: number;
  precisionAt1: number;
  recallAt3: number;
  hitAt3: number;
  microF1: Record<DecisionMode, number>;
  microPrecision: Record<DecisionMode, number>;
  microRecall: Record<DecisionMode, number>;
  macroF1: Record<DecisionMode, number>;
  coverage: Record<DecisionMode, number>;
  /** Share of right (text, label) decisions over every label of the space (gold-implied ones aside). */
  accuracy: Record<DecisionMode, number>;
  /**
   * Mean of recall and true-negative rate over the same decisions: the accuracy a yes/no benchmark
   * with as many right "yes" as right "no" pairs would measure. Optional: older metrics files lack it.
   */
  balancedAccuracy?: Record<DecisionMode, number>;
  /** The same per label (labels with gold examples), averaged: every label weighs the same. */
  macroBalancedAccuracy?: Record<DecisionMode, number>;
  brier: number;
  ece: number;
  /** Set when the dataset names the sentence behind each gold label (`evidence` lines). */
  evidence?: EvidenceAgreement;
}

/** Suggested gold labels whose first evidence passage lies in the sentence the dataset names. */
export interface EvidenceAgreement {
  judged: number;
  hits: number;
  rate: number;
}

export interface CalibrationBin {
  /** Inclusive lower edge; the last bin also includes 1. */
  lower: number;
  upper: number;
  count: number;
  meanScore: number;
  /** Share of the bin's (text, label) pairs whose label is gold. */
  observed: number;
}

export interface Calibration {
  bins: CalibrationBin[];
  pairs: number;
  brier: number;
  ece: number;
}

export interface Confusion {
  /** Row and column order (gold labels and predicted labels seen, in label-space order). */
  labels: string[];
  /** matrix[row = gold][col = top-1 prediction]; the extra last column counts "no prediction". */
  matrix: number[][];
}

export interface LanguageRow {
  language: string;
  n: number;
  precisionAt1: number;
  recallAt3: number;
  hitAt3: number;
  microF1: number;
}

export interface RankedLabel {
  id: string;
  score: number;
  decision: "suggest" | "review" | "none";
}

export interface WorstError {
  exampleId: string;
  language?: string;
  text: string;
  /** `missed`: a gold label scored low; `wrong`: a non-gold label scored high. */
  kind: "missed" | "wrong";
  label: string;
  score: number;
  /** How bad the error is: 1 − score for a miss, the score for a wrong label. */
  severity: number;
  gold: string[];
  top: RankedLabel[];
  evidence: Evidence[];
}

/** Per-example outcome, kept in metrics.json so every number can be recomputed. */
export interface ExampleOutcome {
  id: string;
  language?: string;
  fold?: number;
  gold: string[];
  /** Label-space suggestions, best first (top 5). */
  top: RankedLabel[];
  suggested: string[];
  reviewed: string[];
}

export interface EvalMetrics {
  labelSpace: string[];
  summary: Summary;
  perLabel: LabelMetrics[];
  confusion: Confusion;
  calibration: Calibration;
  perLanguage: LanguageRow[];
  /** The same figures per text genre (`language` holds the genre); "unknown" when not given. */
  perGenre: LanguageRow[];
  /** Labels of the space with no gold example in the data: "no data", not a score of 0. */
  noData: string[];
  worstErrors: WorstError[];
  examples: ExampleOutcome[];
  /** Examples left out because none of their gold labels is in the label space. */
  skippedNoGold: string[];
}

/** Facts about the run that the report prints beside the numbers. */
export interface EvalMeta {
  dataset: string;
  mode: "cross-validation" | "held-out";
  /** The file the classifier was trained on for a held-out run, when not the dev set (`--train-on`). */
  trainedOn?: string;
  /** Name of the label space scored, e.g. `gbf` (goals + targets) or `gbf-targets`. */
  labelSpace?: string;
  folds?: number;
  createdAt: string;
  modelId: string;
  classifierVersion: string;
  /** Thresholds per scope: "all" for one classifier, "fold 1".."fold k" under cross-validation. */
  thresholds: Array<{ scope: string; values: Record<string, number> }>;
  /** Human titles of label ids, for chart tooltips and tables. */
  labelTitles?: Record<string, string>;
  /** Dataset lines that were skipped, with the reason. */
  skippedLines?: Array<{ line: number; message: string }>;
  /** How gold labels were read, e.g. that a gold target also makes its GBF goal gold. */
  goldPolicy?: string;
}

/** The metrics.json file: the run's facts plus every metric. */
export interface EvalReportFile extends EvalMetrics {
  schemaVersion: 1;
  meta: EvalMeta;
}
