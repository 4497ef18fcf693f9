export { createClassifierTrainer, type ClassifierTrainerWithState, type TrainerOptions } from "./trainer.ts";
export { loadDevSet } from "./dev-set.ts";
export { type DatasetProblem, type ParsedDataset, parseDatasetJsonl } from "./labelled-jsonl.ts";
export { CLASSIFIER_VERSION, SIGNALS, type ClassifierState, type SignalName } from "./internal/state.ts";
export type {
  ClassificationResult,
  Classifier,
  ClassifierTrainer,
  ClassifyInputChunk,
  Evidence,
  LabelledExample,
  LabelSpace,
  Suggestion,
} from "./types.ts";
export { dirStateCache, loadOrTrainClassifier, type LoadOrTrainInput, type StateCache } from "./cache.ts";
export {
  type ClassifierStatus,
  classifierProgress,
  classifierStatus,
  deferClassifier,
  type DeferredClassifier,
  readyClassifier,
} from "./deferred.ts";
export { examplesFromFeedback } from "./feedback.ts";
export { trackProgress, type TrainingProgress } from "./progress.ts";
export { deriveHierarchy } from "./internal/derive.ts";
export { chooseThresholds, decide } from "./internal/thresholds.ts";
