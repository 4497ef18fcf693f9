import type { Config } from "../config.ts";
import type { Logger } from "../logger.ts";
import type { DocumentStore } from "../store/types.ts";
import { createEmbeddedQueue } from "./queue.ts";
import type { JobQueue } from "./types.ts";

/** A local folder (no `scheme://`) can carry the worker lock; an object-store URI cannot. */
function localDir(uri: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? undefined : uri;
}

/** The embedded queue on `store`, with the DATA_DIR worker lock and the config's lease and backoff. */
export function embeddedQueueFor(store: DocumentStore, config: Config, logger: Logger): JobQueue {
  const lockDir = localDir(config.DATA_DIR);
  if (lockDir === undefined)
    logger.warn("DATA_DIR is not a local folder: run one worker only, or set QUEUE_URL to share a Redis queue");
  return createEmbeddedQueue({
    store,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    leaseMs: config.JOB_LEASE_MS,
    backoffMs: config.JOB_BACKOFF_MS,
    ...(lockDir !== undefined ? { lockDir } : {}),
    onEvent: (e) =>
      e.type === "standby"
        ? logger.warn(
            { holder: e.holder },
            "another worker process holds this DATA_DIR: standing by (set QUEUE_URL to run several workers)",
          )
        : logger.info({ jobs: e.jobIds }, "jobs of a dead worker went back to the queue"),
  });
}

/**
 * The configured job queue: BullMQ on Redis when QUEUE_URL is set (API replicas and workers on
 * any machines share it), else the embedded queue on the store. BullMQ loads only when used.
 */
export async function createQueue(store: DocumentStore, config: Config, logger: Logger): Promise<JobQueue> {
  if (!config.QUEUE_URL) return embeddedQueueFor(store, config, logger);
  const { createRedisQueue } = await import("./internal/bullmq-queue.ts");
  return createRedisQueue({
    url: config.QUEUE_URL,
    blobs: store.blobs,
    maxAttempts: config.JOB_MAX_ATTEMPTS,
    leaseMs: config.JOB_LEASE_MS,
    backoffMs: config.JOB_BACKOFF_MS,
    logger,
  });
}
