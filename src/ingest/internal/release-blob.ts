import type { Logger } from "../../logger.ts";
import type { DocumentStore } from "../../store/types.ts";

/**
 * Drops the bytes of a job that failed for good (random uploads must not fill the disk). The store
 * keeps them while a document or another queued/running job uses the same bytes. A failure here
 * is logged, never thrown: the job's outcome is already recorded.
 */
export async function releaseBlob(store: DocumentStore, blobKey: string, log: Pick<Logger, "warn">): Promise<void> {
  try {
    await store.blobs.release(blobKey);
  } catch (e) {
    log.warn({ err: e instanceof Error ? e.message : String(e), blobKey }, "could not drop a failed upload's bytes");
  }
}
