import { randomUUID } from "node:crypto";
import { type Job, type JobType, Queue, UnrecoverableError, Worker as BullWorker } from "bullmq";
import { AppError, isAppError } from "../../errors.ts";
import type { Logger } from "../../logger.ts";
import type { DocumentStore, JobRecord, JobState } from "../../store/types.ts";
import type { JobLease, JobQueue } from "../types.ts";
import { type JobData, type JobResult, redisConnection, toRecord } from "./bullmq-records.ts";

/** The BullMQ queue name; QUEUE_URL's database (`/n`) separates deployments on one Redis. */
export const QUEUE_NAME = "chm-ingest";

export interface RedisQueueDeps {
  url: string;
  /** Where the bytes live: under the store URI, which every worker machine reads. */
  blobs: DocumentStore["blobs"];
  maxAttempts: number;
  leaseMs: number;
  backoffMs: number;
  logger: Logger;
}

const BULL_STATES: Record<JobState, JobType[]> = {
  queued: ["waiting", "delayed", "prioritized"],
  running: ["active"],
  done: ["completed"],
  failed: ["failed"],
};

/** BullMQ's lock errors (another worker took the job after our lock expired) mean the lease is lost. */
function leaseError(e: unknown, id: string): unknown {
  const msg = e instanceof Error ? e.message : String(e);
  return /Missing lock|Lock mismatch|not in the active state|Missing key/.test(msg)
    ? new AppError("conflict", `Job ${id}: this worker no longer holds its lease (${msg})`, { cause: e })
    : e;
}

/**
 * The JobQueue on BullMQ 6 / Redis. The API only enqueues and reads; a worker claims jobs by hand
 * (`getNextJob` with its own token), renews the lock while it works and completes or fails the job
 * with that token, so Redis checks lease ownership on every transition. A worker that dies stops
 * renewing; BullMQ's stalled-job check then puts the job back (after about JOB_LEASE_MS). The job's
 * bytes are a blob under the store URI, never in Redis.
 */
export function createRedisQueue(deps: RedisQueueDeps): JobQueue {
  const { blobs, maxAttempts, leaseMs, backoffMs, logger } = deps;
  const connection = redisConnection(deps.url);
  const queue = new Queue<JobData, JobResult>(QUEUE_NAME, { connection });
  queue.on("error", (e) => logger.warn({ err: e.message }, "redis queue error"));
  let worker: BullWorker<JobData, JobResult> | undefined;
  const held = new Map<string, Job<JobData, JobResult>>();
  let seq = 0;
  let closed = false;

  // Created on the first claim only, so an API-only process never holds a worker connection.
  function bullWorker(): BullWorker<JobData, JobResult> {
    if (!worker) {
      worker = new BullWorker<JobData, JobResult>(QUEUE_NAME, null, {
        connection,
        autorun: false,
        lockDuration: leaseMs,
        stalledInterval: leaseMs,
        // A job whose worker died is retried like a failed attempt, up to JOB_MAX_ATTEMPTS.
        maxStalledCount: maxAttempts,
      });
      worker.on("error", (e) => logger.warn({ err: e.message }, "redis worker error"));
      void worker.startStalledCheckTimer();
    }
    return worker;
  }

  async function record(job: Job<JobData, JobResult>): Promise<JobRecord> {
    const state = await job.getState();
    return toRecord(job, state, maxAttempts);
  }

  function heldJob(lease: JobLease): Job<JobData, JobResult> {
    const job = held.get(lease.token);
    if (!job) throw new AppError("conflict", `Job ${lease.job.id}: not claimed by this process`);
    return job;
  }

  return {
    kind: "redis",
    async enqueue(input) {
      const blobKey = await blobs.put(input.bytes);
      const data: JobData = {
        blobKey,
        meta: input.meta,
        ...(input.documentKey ? { documentKey: input.documentKey } : {}),
      };
      const job = await queue.add("ingest", data, {
        jobId: randomUUID(),
        attempts: maxAttempts,
        backoff: { type: "exponential", delay: backoffMs },
      });
      return toRecord(job, "waiting", maxAttempts);
    },
    async get(id) {
      const job = await queue.getJob(id);
      return job ? record(job) : undefined;
    },
    async list(opts = {}) {
      const limit = Math.max(0, Math.floor(opts.limit ?? 1000));
      if (limit === 0) return [];
      const states = opts.state ? [opts.state] : (Object.keys(BULL_STATES) as JobState[]);
      const out: JobRecord[] = [];
      for (const state of states) {
        for (const t of BULL_STATES[state]) {
          const jobs = await queue.getJobs([t], 0, limit - 1, false);
          out.push(...jobs.map((j) => toRecord(j, t, maxAttempts)));
        }
      }
      return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, limit);
    },
    async claim(owner) {
      if (closed) return undefined;
      const token = `${owner}#${++seq}`;
      const job = await bullWorker().getNextJob(token, { block: false });
      if (!job) return undefined;
      held.set(token, job);
      return { job: toRecord(job, "active", maxAttempts), token };
    },
    async extend(lease, progress) {
      const job = heldJob(lease);
      const ok = await job.extendLock(lease.token, leaseMs).catch((e: unknown) => {
        throw leaseError(e, job.id!);
      });
      if (!ok) throw new AppError("conflict", `Job ${job.id}: the lease ran out and another worker may have it`);
      if (progress) await job.updateProgress({ ...progress, at: new Date().toISOString() });
    },
    async complete(lease, documentId) {
      const job = heldJob(lease);
      try {
        await job.moveToCompleted({ documentId }, lease.token, false);
      } catch (e) {
        throw leaseError(e, job.id!);
      } finally {
        held.delete(lease.token);
      }
      return record(job);
    },
    async fail(lease, error) {
      const job = heldJob(lease);
      const reason = `${error.code}: ${error.message}`;
      // Bad input never retries; BullMQ retries the rest with exponential backoff up to `attempts`.
      const err = isAppError(error) && !error.transient ? new UnrecoverableError(reason) : new Error(reason);
      try {
        await job.moveToFailed(err, lease.token, false);
      } catch (e) {
        throw leaseError(e, job.id!);
      } finally {
        held.delete(lease.token);
      }
      return record(job);
    },
    bytes: (job) => blobs.get(job.blobKey),
    async close() {
      closed = true;
      await worker?.close();
      await queue.close();
    },
  };
}
