import type { LogisticModel } from "./logistic.ts";
import type { SdgModel } from "./sdg-model.ts";

/** Bump when features, fusion or derivation change: cached states of other versions retrain. */
export const CLASSIFIER_VERSION = "gbf-fusion-1.8.0";

/**
 * A float32 vector as JSON numbers: 9 significant digits give back the same float32 exactly,
 * at about half the characters of the doubles `Array.from` would print.
 */
export const vectorJson = (v: Float32Array): number[] => Array.from(v, (x) => Number(x.toPrecision(9)));

/** Everything a trained classifier needs, as plain JSON (cached on disk by loadOrTrainClassifier). */
export interface ClassifierState {
  version: string;
  modelId: string;
  /** label id → unit vectors of its descriptions. */
  labelVectors: Record<string, number[][]>;
  examples: Array<{ key: string; labels: string[]; vector: number[] }>;
  fusion: {
    /** Descriptions + keywords only: every label, with or without examples. */
    base: LogisticModel;
    /** Adds the nearest-examples features; used for labels that have training examples. */
    full?: LogisticModel;
  };
  /** Per-label thresholds: GBF labels, and SDGs when the SDG model was trained. */
  thresholds: Record<string, number>;
  globalThreshold: number;
  /** The calibrated SDG model (Aurora queries, keywords, descriptions), fitted on SDG-labelled texts. */
  sdg?: SdgModel;
  /** Signals in use (all by default; fewer for ablations). */
  signals: SignalName[];
}

export const SIGNALS = ["semantic", "tfidf", "keywords", "examples"] as const;
export type SignalName = (typeof SIGNALS)[number];
