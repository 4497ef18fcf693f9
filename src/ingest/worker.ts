import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Classifier } from "../classify/types.ts";
import type { Config } from "../config.ts";
import type { Embedder } from "../embed/types.ts";
import { AppError, isAppError, toAppError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import type { DocumentStore, JobRecord } from "../store/types.ts";
import { isStorageError, loopDelayMs, retryTransition } from "./internal/settle.ts";
import { withTimeout } from "./internal/timeout.ts";
import { releaseBlob } from "./internal/release-blob.ts";
import { ingestBytes, type IngestProgress, type IngestResult } from "./pipeline.ts";
import { embeddedQueueFor } from "./create-queue.ts";
import type { DocumentReader } from "./document-reader.ts";
import type { JobQueue, LeaseProgress } from "./types.ts";

export interface WorkerDeps {
  store: DocumentStore;
  embedder: Embedder;
  classifier?: Classifier;
  config: Config;
  logger: Logger;
  /** The queue to work from; default: an embedded queue on `store` (closed with the worker). */
  queue?: JobQueue;
  /** Reads and chunks documents in bounded worker threads (passed on to ingestBytes). */
  reader?: DocumentReader;
  /** Per-job pipeline progress (the CLI's progress bars). */
  onProgress?: (p: WorkerProgress) => void;
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
  /** This worker's id (host, pid, random): the owner of its leases. */
  readonly id: string;
  /** Starts WORKER_CONCURRENCY polling loops. */
  start(): void;
  /** Stops polling and waits for the jobs in progress to finish. */
  stop(): Promise<void>;
  /** Claims and runs one due job; undefined when none is due. */
  runOnce(): Promise<JobOutcome | undefined>;
  readonly running: boolean;
}

/**
 * The ingest worker. It depends on the JobQueue only: claim a job with a lease, renew the lease
 * (with the pipeline's progress) every JOB_LEASE_MS / 3 while the pipeline runs under
 * JOB_TIMEOUT_MS, then complete or fail it. A lost lease aborts the pipeline before it writes.
 * Transient failures go back to the queue with exponential backoff; bad input fails at once. When
 * the store or queue cannot write (disk full), the loop backs off instead of spinning, and the
 * job's outcome is retried until it is recorded or the lease is gone.
 */
export function createWorker(deps: WorkerDeps): Worker {
  const { config, logger, onProgress } = deps;
  const ownQueue = deps.queue === undefined;
  const queue = deps.queue ?? embeddedQueueFor(deps.store, config, logger);
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const heartbeatMs = Math.max(10, Math.floor(config.JOB_LEASE_MS / 3));
  let running = false;
  let loops: Promise<void>[] = [];
  const wakers = new Set<() => void>();

  async function runOnce(): Promise<JobOutcome | undefined> {
    const lease = await queue.claim(id);
    if (!lease) return undefined;
    const { job } = lease;
    // The store's index refresh waits while the job uses the cores (it took a fifth of the
    // encoder's time when it ran mid-embedding); it runs when the job is done, or after its cap.
    const releaseMaintenance = deps.store.holdMaintenance();
    const log = logger.child({ jobId: job.id, attempt: job.attempts });
    const started = Date.now();
    const leaseLost = new AbortController();
    let latest: LeaseProgress | undefined;
    const beat = setInterval(() => {
      const progress = latest;
      latest = undefined;
      queue.extend(lease, progress).catch((e: unknown) => {
        const err = toAppError(e);
        if (err.code === "conflict") leaseLost.abort(err);
        else log.warn({ code: err.code, err: err.message }, "could not renew the job lease");
      });
    }, heartbeatMs);
    const settle = (what: string, t: () => Promise<JobRecord>) =>
      retryTransition(t, {
        pollMs: config.JOB_POLL_MS,
        capMs: heartbeatMs,
        giveUpAfterMs: config.JOB_LEASE_MS,
        keepTrying: () => !leaseLost.signal.aborted,
        log,
        what,
      });
    try {
      let result: IngestResult;
      try {
        const bytes = await queue.bytes(job);
        const input = { bytes, meta: job.meta, ...(job.documentKey ? { documentKey: job.documentKey } : {}) };
        result = await withTimeout(config.JOB_TIMEOUT_MS, "Ingest job", (signal) =>
          ingestBytes(deps, input, {
            signal: AbortSignal.any([signal, leaseLost.signal]),
            onProgress: (p) => {
              latest = { stage: p.stage, pages: p.pages, chunks: p.chunks, embedded: p.embedded };
              onProgress?.({ jobId: job.id, ...p });
            },
          }),
        );
      } catch (e) {
        // Unknown errors (I/O) may pass on retry; AppErrors say for themselves.
        const error = isAppError(e)
          ? e
          : new AppError("internal", toAppError(e).message, { cause: e, transient: true });
        if (leaseLost.signal.aborted || error.code === "conflict") {
          log.warn({ err: error.message }, "job lease lost: another worker has it, nothing recorded");
          return { job, error: toAppError(leaseLost.signal.reason ?? error) };
        }
        // If even the failure cannot be recorded this throws: the loop backs off, the lease runs out.
        const failed = await settle("fail", () => queue.fail(lease, error));
        // Failed for good: drop the uploaded bytes unless a document or another live job uses them.
        if (failed.state === "failed") await releaseBlob(deps.store, job.blobKey, log);
        log.warn(
          { code: error.code, err: error.message, state: failed.state, notBefore: failed.notBefore },
          "job attempt failed",
        );
        return { job: failed, error };
      }
      let done: JobRecord;
      try {
        done = await settle("complete", () => queue.complete(lease, result.documentId));
      } catch (e) {
        const error = toAppError(e);
        if (error.code !== "conflict") throw error;
        log.warn({ err: error.message }, "job lease lost before it was recorded done: another worker has it");
        return { job, error };
      }
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
      return { job: done, result };
    } finally {
      clearInterval(beat);
      releaseMaintenance();
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
    let storageErrors = 0;
    while (running) {
      let outcome: JobOutcome | undefined;
      let failed = false;
      try {
        outcome = await runOnce();
        failed = outcome?.error !== undefined && isStorageError(outcome.error);
      } catch (e) {
        // The queue or store itself failed (claim, a transition that could not be recorded).
        const err = toAppError(e);
        failed = true;
        if (storageErrors === 0 || Number.isInteger(Math.log2(storageErrors)))
          logger.error(
            { code: err.code, err: err.message, failures: storageErrors + 1 },
            "worker loop error: backing off",
          );
      }
      storageErrors = failed ? storageErrors + 1 : 0;
      // A store that cannot write (disk full) is not retried twice a second: back off exponentially.
      if (failed && running) await sleep(loopDelayMs(config.JOB_POLL_MS, storageErrors, config.JOB_LEASE_MS));
      else if (!outcome && running) await sleep(config.JOB_POLL_MS);
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loops = Array.from({ length: config.WORKER_CONCURRENCY }, () => loop());
      logger.info({ concurrency: config.WORKER_CONCURRENCY, queue: queue.kind, worker: id }, "worker started");
    },
    async stop() {
      if (running) {
        running = false;
        for (const wake of [...wakers]) wake();
        await Promise.all(loops);
        loops = [];
        logger.info("worker stopped");
      }
      if (ownQueue) await queue.close();
    },
    runOnce,
    get running() {
      return running;
    },
  };
}
