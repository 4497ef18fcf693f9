import type { Job } from "bullmq";
import type { DocumentMeta, JobProgress, JobRecord, JobState } from "../../store/types.ts";

/** What a BullMQ job carries: a pointer to the bytes (a blob under the store URI), never the bytes. */
export interface JobData {
  blobKey: string;
  meta: DocumentMeta;
  documentKey?: string;
}

export interface JobResult {
  documentId: string;
}

/** ioredis options from a `redis://[user:pass@]host:port[/db]` URL (`rediss://` for TLS). */
export function redisConnection(url: string) {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, "") || 0);
  return {
    host: u.hostname || "127.0.0.1",
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
    // BullMQ workers need commands to wait for a reconnect instead of failing after N retries.
    maxRetriesPerRequest: null,
  };
}

function chmState(bull: string): JobState {
  if (bull === "active") return "running";
  if (bull === "completed") return "done";
  if (bull === "failed") return "failed";
  return "queued";
}

const iso = (ms: number | undefined) => new Date(ms ?? 0).toISOString();

/** A BullMQ job as the chm-lens job record the API and CLI show. */
export function toRecord(job: Job<JobData, JobResult>, bullState: string, maxAttempts: number): JobRecord {
  const state = chmState(bullState);
  const rec: JobRecord = {
    id: String(job.id),
    state,
    blobKey: job.data.blobKey,
    meta: job.data.meta ?? {},
    // attemptsStarted also counts a start whose worker died (a stalled job), like the embedded queue.
    attempts: Math.max(job.attemptsStarted ?? 0, job.attemptsMade ?? 0),
    maxAttempts: job.opts.attempts ?? maxAttempts,
    notBefore: iso(job.timestamp + (job.delay ?? 0)),
    createdAt: iso(job.timestamp),
    updatedAt: iso(job.finishedOn ?? job.processedOn ?? job.timestamp),
  };
  if (job.data.documentKey) rec.documentKey = job.data.documentKey;
  if (state === "done" && job.returnvalue?.documentId) rec.documentId = job.returnvalue.documentId;
  if (job.failedReason && state !== "done") {
    // fail() writes "<code>: <message>"; BullMQ's own reasons (a stalled job) have no code.
    const m = /^([a-z_]+): ([\s\S]*)$/.exec(job.failedReason);
    rec.errorCode = m ? m[1]! : "internal";
    rec.errorMessage = m ? m[2]! : job.failedReason;
  }
  const p = job.progress as Partial<JobProgress> | number | undefined;
  if (state === "running" && p && typeof p === "object" && typeof p.stage === "string") rec.progress = p as JobProgress;
  return rec;
}
