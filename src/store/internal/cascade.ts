import type { DocumentStore } from "../types.ts";
import type { Feedback } from "./feedback.ts";
import type { StoreTables } from "./tables.ts";
import type { Submissions } from "./submissions.ts";
import { sqlCode } from "./where.ts";
import { guard } from "./write.ts";

const SHA256 = /^[a-f0-9]{64}$/;

/** Job states whose worker will still read the job's blob. */
const LIVE_JOB = "state IN ('queued', 'running')";

/** Whether a stored document or a live job still uses the blob `key` (its bytes' SHA-256). */
export function blobInUse(tables: Pick<StoreTables, "documents" | "jobs">) {
  return async (key: string): Promise<boolean> => {
    const k = sqlCode(key, "blobKey");
    return guard("check who uses the upload", async () => {
      if ((await tables.documents.countRows(`contentHash = ${k}`)) > 0) return true;
      return (await tables.jobs.countRows(`blobKey = ${k} AND ${LIVE_JOB}`)) > 0;
    });
  };
}

export interface CascadeDeps {
  documents: DocumentStore["documents"];
  feedback: Feedback;
  submissions: Submissions;
  blobs: DocumentStore["blobs"];
}

/**
 * Deleting a document deletes everything stored for it: the document row (so it disappears from
 * search at once), its chunks, reviewers' feedback, submissions and the uploaded bytes. Ids come
 * from the content hash, so anything left behind would come back with a re-upload of the same
 * bytes. Every step is idempotent and runs even when the row is already gone, so deleting again
 * finishes an interrupted delete.
 */
export function createCascadeDelete(deps: CascadeDeps): (id: string) => Promise<boolean> {
  return async (id) => {
    const doc = await deps.documents.get(id);
    const existed = await deps.documents.delete(id);
    await deps.feedback.deleteFor(id);
    await deps.submissions.deleteFor(id);
    // Kept while another document with the same bytes or a queued/running job still uses them.
    // (Only real SHA-256 hashes name a blob; records built by hand may carry other hashes.)
    if (doc && SHA256.test(doc.contentHash)) await deps.blobs.release(doc.contentHash);
    return existed;
  };
}
