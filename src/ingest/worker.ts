import type { Classifier } from "../classify/types.ts";
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/types.ts";
import { toAppError, type AppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { DocumentStore, JobRecord } from "../store/types.ts";
import { failurePatch } from "./internal/backoff.ts";
import { withTimeout } from "./internal/timeout.ts";
import { ingestBytes, type IngestProgress, type IngestResult } from "./pipeline.ts";

export interface WorkerDeps {
  store: DocumentStore;
  embedder: Embedder;
  classifier?: Classifier;
  config: Config;
  logger: Logger;
  /** Per-job pipeline progress (the CLI's progress bars). */
  onProgress?: (p: WorkerProgress) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface WorkerProgress extends IngestProgress {
  jobId: string;
}

/** What one job attempt ended as; `job` is the record as written after the attempt. */
export interface JobOutcome {
  job: JobRecord;
  result?: IngestResult;
  error?: AppError;
}

export interface Worker {
  /** Starts WORKER_CONCURRENCY polling loops. */
  start(): void;
  /** Stops polling and waits for the jobs in progress to finish. */
  stop(): Promise<void>;
  /** Claims and runs one due job; undefined when none is due. */
  runOnce(): Promise<JobOutcome | undefined>;
  readonly running: boolean;
}

/**
 * The ingest worker: claims due jobs with a lease (JOB_TIMEOUT_MS), runs the pipeline under the same
 * timeout and records the outcome. Transient failures go back to the queue with exponential backoff
 * up to the job's maxAttempts; bad input fails at once. A job whose worker died is claimed again
 * once its lease expires.
 */
export function createWorker(deps: WorkerDeps): Worker {
  const { store, config, logger, onProgress, now = () => new Date() } = deps;
  let running = false;
  let loops: Promise<void>[] = [];
  const wakers = new Set<() => void>();

  async function runOnce(): Promise<JobOutcome | undefined> {
    const job = await store.jobs.claim(now(), config.JOB_TIMEOUT_MS);
    if (!job) return undefined;
    const log = logger.child({ jobId: job.id, attempt: job.attempts });
    const started = Date.now();
    try {
      const bytes = await store.blobs.get(job.blobKey);
      const input = { bytes, meta: job.meta, ...(job.documentKey ? { documentKey: job.documentKey } : {}) };
      const result = await withTimeout(config.JOB_TIMEOUT_MS, "Ingest job", (signal) =>
        ingestBytes(deps, input, { signal, onProgress: (p) => onProgress?.({ jobId: job.id, ...p }) }),
      );
      const patch: Partial<JobRecord> = {
        state: "done",
        documentId: result.documentId,
        updatedAt: now().toISOString(),
        // Clear what an earlier failed attempt left (an undefined key clears the field).
        errorCode: undefined,
        errorMessage: undefined,
        leaseUntil: undefined,
      };
      await store.jobs.update(job.id, patch);
      log.info(
        {
          documentId: result.documentId,
          skipped: result.skipped,
          pages: result.pageCount,
          chunks: result.chunkCount,
          ms: Date.now() - started,
        },
        "job done",
      );
      return { job: { ...job, ...patch }, result };
    } catch (e) {
      const error = toAppError(e);
      const patch = failurePatch(job, e, now(), config.JOB_BACKOFF_MS);
      await store.jobs.update(job.id, patch);
      log.warn(
        { code: error.code, err: error.message, state: patch.state, notBefore: patch.notBefore },
        "job attempt failed",
      );
      return { job: { ...job, ...patch }, error };
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });
  }

  async function loop(): Promise<void> {
    while (running) {
      let outcome: JobOutcome | undefined;
      try {
        outcome = await runOnce();
      } catch (e) {
        // The store itself failed (claim/update); keep the worker alive and try again later.
        logger.error({ err: toAppError(e).message }, "worker loop error");
      }
      if (!outcome && running) await sleep(config.JOB_POLL_MS);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loops = Array.from({ length: config.WORKER_CONCURRENCY }, () => loop());
      logger.info({ concurrency: config.WORKER_CONCURRENCY }, "worker started");
    },
    async stop() {
      if (!running) return;
      running = false;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
      loops = [];
      logger.info("worker stopped");
    },
    runOnce,
    get running() {
      return running;
    },
  };
}
