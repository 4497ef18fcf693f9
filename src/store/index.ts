/** The store stage: LanceDB-backed documents, chunks (vector + full-text search), jobs, feedback, blobs. */
export { createStore } from "./create-store.ts";
export type { CreateStoreOptions } from "./create-store.ts";
export { ISO_DATE_RE } from "./internal/where.ts";
export { classificationOf, StoredClassificationSchema, type StoredClassification } from "./classification.ts";
export { ANN_TUNING, refineFactorFor } from "./internal/chunk-search.ts";
export type {
  ChunkFilter,
  ChunkHit,
  ChunkRecord,
  DocumentMeta,
  DocumentRecord,
  DocumentSource,
  DocumentStore,
  DocumentSummary,
  FeedbackRecord,
  JobProgress,
  JobRecord,
  JobState,
  SearchChunksRequest,
  SubmissionRecord,
  TagSet,
} from "./types.ts";
