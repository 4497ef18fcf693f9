export type LabelSpace = "gbf" | "subject" | "sdg";

export interface Evidence {
  chunkId?: string;
  page?: number;
  /** Offsets into the source text (the chunk text for stored documents). */
  start: number;
  end: number;
  text: string;
  signal: "semantic" | "lexical" | "example";
}

export interface Suggestion {
  id: string;
  space: LabelSpace;
  score: number;
  decision: "suggest" | "review" | "none";
  evidence: Evidence[];
}

export interface ClassificationResult {
  suggestions: Suggestion[];
  modelId: string;
  classifierVersion: string;
  thresholds: Record<string, number>;
}

export interface ClassifyInputChunk {
  id?: string;
  text: string;
  page?: number;
  /** Offset of the chunk in the whole document text. */
  start?: number;
  vector?: Float32Array;
}

/**
 * Scores texts against every label. It takes no language: every lexical signal matches the label
 * vocabulary in all six languages and keeps the best, which scored as well on the dev set as
 * restricting it to the text's own (gold) language did (README, "Classifier").
 */
export interface Classifier {
  readonly version: string;
  classifyText(text: string): Promise<ClassificationResult>;
  classifyChunks(chunks: ClassifyInputChunk[]): Promise<ClassificationResult>;
}

/** A labelled text: a development-set line, an eval dataset line, or accepted feedback. */
export interface LabelledExample {
  id: string;
  text: string;
  labels: string[];
  language?: string;
  /** Translations of one question share a key; keep them in one cross-validation fold. */
  key?: string;
  /** Kind of text (`question`, `report`, `abstract`, `title`…), for per-genre eval figures. */
  genre?: string;
  /** Gold label → the passage of `text` that states it, for the eval's evidence check. */
  evidence?: Record<string, string>;
}

/** Trains a classifier on labelled examples (the eval's cross-validation calls it per fold). */
export interface ClassifierTrainer {
  /** `holdOut`: ids of texts an eval will score, kept out of every exemplar pool. */
  train(examples: LabelledExample[], opts?: { holdOut?: ReadonlySet<string> }): Promise<Classifier>;
}
