export type { EnqueueInput, JobLease, JobQueue, LeaseProgress } from "./types.ts";
export { createEmbeddedQueue, type EmbeddedQueueDeps } from "./queue.ts";
export { createQueue, embeddedQueueFor } from "./create-queue.ts";
export {
  ingestBytes,
  type IngestDeps,
  type IngestInput,
  type IngestOptions,
  type IngestProgress,
  type IngestResult,
} from "./pipeline.ts";
export { createWorker, type JobOutcome, type Worker, type WorkerDeps, type WorkerProgress } from "./worker.ts";
export { documentIdFor } from "./internal/ids.ts";
export { feedbackExamples } from "./feedback-examples.ts";
export { citeEvidencePages } from "./evidence-pages.ts";
export {
  classifyFile,
  type ClassifyFileDeps,
  type ClassifyFileOptions,
  type FileClassification,
} from "./classify-file.ts";
export { createDocumentReader, type DocumentReader } from "./document-reader.ts";
export {
  prepareDocument,
  prepareOptionsFromConfig,
  type PreparedDocument,
  type PrepareOptions,
} from "./prepare-document.ts";
export { classifyUntagged, type ClassifyUntaggedDeps, type ClassifyUntaggedResult } from "./classify-untagged.ts";
export { type Reviewer, type ReviewDeps, type ReviewOutcome, reviewTags } from "./review-tags.ts";
export { applyTagActions, replayFeedback, type TagAction } from "./tag-actions.ts";
export {
  applyAutoAccept,
  type AutoAcceptThresholds,
  loadAutoAccept,
  publishedTags,
  saveAutoAccept,
} from "./auto-accept.ts";
