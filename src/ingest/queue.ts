import { randomUUID } from "node:crypto";
import type { DocumentStore, JobRecord } from "../store/types.ts";
import type { EnqueueInput, JobQueue } from "./types.ts";

export interface EmbeddedQueueDeps {
  store: DocumentStore;
  /** Attempts a job gets before it fails for good (JOB_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Clock, for tests. */
  now?: () => Date;
}

/**
 * A job queue on the store's own jobs table and blob storage: no broker to run, and jobs survive
 * restarts. The bytes are saved as a blob before the job row is written, so a job never points at
 * missing bytes.
 */
export function createEmbeddedQueue({ store, maxAttempts, now = () => new Date() }: EmbeddedQueueDeps): JobQueue {
  return {
    async enqueue(input: EnqueueInput): Promise<JobRecord> {
      const blobKey = await store.blobs.put(input.bytes);
      const at = now().toISOString();
      const job: JobRecord = {
        id: randomUUID(),
        state: "queued",
        blobKey,
        meta: input.meta,
        ...(input.documentKey ? { documentKey: input.documentKey } : {}),
        attempts: 0,
        maxAttempts,
        notBefore: at,
        createdAt: at,
        updatedAt: at,
      };
      await store.jobs.create(job);
      return job;
    },
    get: (id) => store.jobs.get(id),
    list: (opts) => store.jobs.list(opts),
  };
}
