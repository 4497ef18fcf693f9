import type { DocumentMeta, JobRecord, JobState } from "../store/types.ts";

export interface EnqueueInput {
  bytes: Uint8Array;
  meta: DocumentMeta;
  /** Stable caller key (a path, a URL): a changed file under the same key replaces the old one. */
  documentKey?: string;
}

/**
 * The job queue behind an interface: embedded on the store's jobs table now, a real broker later.
 * Jobs survive restarts; states go queued → running → done | failed.
 */
export interface JobQueue {
  enqueue(input: EnqueueInput): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | undefined>;
  list(opts?: { state?: JobState; limit?: number }): Promise<JobRecord[]>;
}
