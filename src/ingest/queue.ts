import { randomUUID } from "node:crypto";
import { AppError } from "../errors.ts";
import type { DocumentStore, JobRecord } from "../store/types.ts";
import { failurePatch } from "./internal/backoff.ts";
import { createWorkerLock, type LockHolder } from "./internal/worker-lock.ts";
import type { EnqueueInput, JobLease, JobQueue } from "./types.ts";

export interface EmbeddedQueueDeps {
  store: DocumentStore;
  /** Attempts a job gets before it fails for good (JOB_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Worker lease (JOB_LEASE_MS); a job whose lease runs out is claimed again. Default 30 s. */
  leaseMs?: number;
  /** First retry delay (JOB_BACKOFF_MS), doubled for each attempt. Default 2 s. */
  backoffMs?: number;
  /**
   * Local folder for the one-worker-per-DATA_DIR lock (the DATA_DIR itself); undefined for an
   * object-store DATA_DIR, where only one worker may run unless QUEUE_URL points at Redis.
   */
  lockDir?: string;
  /** Told when another process holds the lock (once per holder) and when jobs are recovered. */
  onEvent?: (e: { type: "standby"; holder: LockHolder } | { type: "recovered"; jobIds: string[] }) => void;
  /** Clock, for tests. */
  now?: () => Date;
}

const lost = (job: JobRecord) =>
  new AppError("conflict", `Job ${job.id}: this worker no longer holds its lease (another worker took it over)`);

/**
 * A job queue on the store's own jobs table and blob storage: no broker to run, and jobs survive
 * restarts. The bytes are saved as a blob before the job row is written, so a job never points at
 * missing bytes. Only one process claims jobs per DATA_DIR (a lock file); a second worker stands
 * by and takes over when the first dies. When a worker takes the lock, every job still `running`
 * belongs to a dead worker, so it goes back to the queue at once instead of waiting out its lease.
 */
export function createEmbeddedQueue(deps: EmbeddedQueueDeps): JobQueue {
  const { store, maxAttempts, leaseMs = 30_000, backoffMs = 2000, onEvent, now = () => new Date() } = deps;
  const lock = deps.lockDir === undefined ? undefined : createWorkerLock(deps.lockDir, leaseMs);
  const owner = lock?.owner ?? randomUUID().slice(0, 8);
  let seq = 0;
  let standbyFor: string | undefined;
  let closed = false;

  async function recoverAbandoned(): Promise<void> {
    const running = await store.jobs.list({ state: "running" });
    const at = now().toISOString();
    const ids: string[] = [];
    for (const job of running) {
      const patch: Partial<JobRecord> =
        job.attempts >= job.maxAttempts
          ? {
              state: "failed",
              errorCode: "internal",
              errorMessage: "The worker running this job stopped (crashed or was killed) on its last attempt",
            }
          : { state: "queued", notBefore: at };
      const full = { ...patch, leaseUntil: undefined, leaseOwner: undefined, progress: undefined, updatedAt: at };
      if (job.leaseOwner) await store.jobs.transition(job.id, job.leaseOwner, full);
      else await store.jobs.update(job.id, full);
      ids.push(job.id);
    }
    if (ids.length > 0) onEvent?.({ type: "recovered", jobIds: ids });
  }

  async function transition(lease: JobLease, patch: Partial<JobRecord>): Promise<JobRecord> {
    const full = { ...patch, updatedAt: now().toISOString() };
    if (!(await store.jobs.transition(lease.job.id, lease.token, full))) throw lost(lease.job);
    return { ...lease.job, ...full };
  }

  return {
    kind: "embedded",
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
    async claim(_worker) {
      if (closed) return undefined;
      if (lock) {
        const got = await lock.acquire();
        if (got.status === "busy") {
          if (standbyFor !== got.holder.owner) onEvent?.({ type: "standby", holder: got.holder });
          standbyFor = got.holder.owner;
          return undefined;
        }
        standbyFor = undefined;
        if (got.status === "taken") await recoverAbandoned();
      }
      // One token per claim: a stale copy of this very worker (an earlier attempt) is refused too.
      const token = `${owner}#${++seq}`;
      const job = await store.jobs.claim(now(), leaseMs, token);
      return job ? { job, token } : undefined;
    },
    async extend(lease, progress) {
      await lock?.acquire(); // keeps the lock file fresh for workers on other hosts
      const t = now();
      const patch: Partial<JobRecord> = { leaseUntil: new Date(t.getTime() + leaseMs).toISOString() };
      if (progress) patch.progress = { ...progress, at: t.toISOString() };
      lease.job = await transition(lease, patch);
    },
    complete(lease, documentId) {
      return transition(lease, {
        state: "done",
        documentId,
        // Clear what an earlier failed attempt left (an undefined key clears the field).
        errorCode: undefined,
        errorMessage: undefined,
        leaseUntil: undefined,
        leaseOwner: undefined,
        progress: undefined,
      });
    },
    fail(lease, error) {
      return transition(lease, {
        ...failurePatch(lease.job, error, now(), backoffMs),
        leaseOwner: undefined,
        progress: undefined,
      });
    },
    bytes: (job) => store.blobs.get(job.blobKey),
    async close() {
      closed = true;
      await lock?.release();
    },
  };
}
