/** The store stage: LanceDB-backed documents, chunks (vector + full-text search), jobs, feedback, blobs. */
export { createStore } from "./create-store.ts";
export type { CreateStoreOptions } from "./create-store.ts";
export { classificationOf, StoredClassificationSchema, type StoredClassification } from "./classification.ts";
export { ISO_DATE_RE } from "./internal/where.ts";
export type {
  ChunkFilter,
  ChunkHit,
  ChunkRecord,
  DocumentMeta,
  DocumentRecord,
  DocumentSource,
  DocumentStore,
  FeedbackRecord,
  JobProgress,
  JobRecord,
  JobState,
  SearchChunksRequest,
  SubmissionRecord,
  TagSet,
} from "./types.ts";
