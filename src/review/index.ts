/** The Secretariat's review: queue of pending suggestions, bulk decisions, history, per-label rates, submitters' own documents. */
export { type BulkItem, type BulkResult, bulkReview } from "./bulk.ts";
export { type MyDocument, myDocuments } from "./mine.ts";
export { type QueueItem, type QueuePage, type QueueQuery, reviewQueue } from "./queue.ts";
export { type PendingSuggestion, type ReviewState, reviewState } from "./state.ts";
export { type HistoryEntry, type HistoryQuery, type LabelStats, reviewHistory, reviewStats } from "./stats.ts";
