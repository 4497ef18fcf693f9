export { computeMetrics, gbfLabelSpace, type MetricsOptions } from "./metrics.ts";
export { mulberry32 } from "./prng.ts";
export { crossValidate, groupedKFold, type CrossValidateInput, type Fold } from "./cross-validate.ts";
export { type DatasetProblem, type ParsedDataset, parseDatasetJsonl } from "../classify/index.ts";
export { renderReport, renderReportBody, REPORT_CSS } from "./report-html.ts";
export { formatSummary } from "./summary-text.ts";
export { type CheckSummary, readLatestCheck, readLatestChecks, writeLatestCheck } from "./checks.ts";
export {
  EVAL_SPACES,
  readLatestEval,
  writeEvalOutputs,
  writeLatestEval,
  METRICS_FILE,
  REPORT_FILE,
  type EvalSpace,
  type LatestEval,
} from "./outputs.ts";
export type {
  Calibration,
  CalibrationBin,
  Confusion,
  DecisionMode,
  EvalMeta,
  EvalMetrics,
  EvalRecord,
  EvalReportFile,
  ExampleOutcome,
  LabelMetrics,
  LanguageRow,
  PRF,
  RankedLabel,
  Summary,
  WorstError,
} from "./types.ts";
