import type { AppError } from "../errors.ts";
import type { DocumentMeta, JobProgress, JobRecord, JobState } from "../store/types.ts";

export interface EnqueueInput {
  bytes: Uint8Array;
  meta: DocumentMeta;
  /** Stable caller key (a path, a URL): a changed file under the same key replaces the old one. */
  documentKey?: string;
}

/** A claimed job and the token that proves the lease; every transition presents it. */
export interface JobLease {
  job: JobRecord;
  token: string;
}

/** Progress as the pipeline reports it; the queue stamps the time. */
export type LeaseProgress = Omit<JobProgress, "at">;

/**
 * The boundary between the API, the CLI and the worker on one side and a job broker on the other.
 * Two implementations: the embedded queue on the store's jobs table (default, no server) and
 * BullMQ on Redis (`QUEUE_URL`). Delivery is at-least-once: a job whose lease runs out (its worker
 * died) is claimed again, so the work it does must be idempotent (a document replace keyed by id).
 * Every transition checks the lease: a worker that lost its job gets `conflict` and writes nothing.
 */
export interface JobQueue {
  /** `embedded` (store jobs table, one claiming process per DATA_DIR) or `redis` (BullMQ). */
  readonly kind: "embedded" | "redis";
  enqueue(input: EnqueueInput): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | undefined>;
  list(opts?: { state?: JobState; limit?: number }): Promise<JobRecord[]>;
  /**
   * Takes the next due job for `owner` (a worker id) with a lease of JOB_LEASE_MS; undefined when
   * none is due or (embedded) when another live process is the DATA_DIR's worker.
   */
  claim(owner: string): Promise<JobLease | undefined>;
  /** Renews the lease and records progress; throws AppError `conflict` when the lease was lost. */
  extend(lease: JobLease, progress?: LeaseProgress): Promise<void>;
  /** Marks the job done with its document; throws `conflict` when the lease was lost. */
  complete(lease: JobLease, documentId: string): Promise<JobRecord>;
  /**
   * Records a failed attempt: transient errors go back to the queue with exponential backoff until
   * the job's attempts are used up, bad input fails at once. Throws `conflict` when the lease was lost.
   */
  fail(lease: JobLease, error: AppError): Promise<JobRecord>;
  /** The uploaded bytes of a job (kept under the store URI, so every worker machine can read them). */
  bytes(job: JobRecord): Promise<Uint8Array>;
  /** Stops claiming and releases what the queue holds (the DATA_DIR lock, Redis connections). */
  close(): Promise<void>;
}
