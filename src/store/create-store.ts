import { connect } from "@lancedb/lancedb";
import { mkdir } from "node:fs/promises";
import { cpus } from "node:os";
import { AppError } from "../errors.ts";
import { createArtifacts, openArtifactTable } from "./internal/artifacts.ts";
import { createBlobs, localPath, openBlobTable } from "./internal/blobs.ts";
import { blobInUse, createCascadeDelete } from "./internal/cascade.ts";
import { createChunkSearch } from "./internal/chunk-search.ts";
import { chunksOf, createDocuments } from "./internal/documents.ts";
import { createFeedback } from "./internal/feedback.ts";
import { createJobs } from "./internal/jobs.ts";
import { createChunkWriter } from "./internal/chunk-writer.ts";
import {
  buildVectorIndex,
  compactAndReindex,
  createIndexRefresh,
  hasVectorIndex,
  refreshChunkIndexes,
} from "./internal/maintenance.ts";
import { createMutex } from "./internal/mutex.ts";
import { createSettings } from "./internal/settings.ts";
import { createSubmissions, openSubmissionTable } from "./internal/submissions.ts";
import { openTables } from "./internal/tables.ts";
import { guard } from "./internal/write.ts";
import type { DocumentStore } from "./types.ts";

export interface CreateStoreOptions {
  /** A local folder now; LanceDB calls stay URI-based so an object-store URI can follow. */
  uri: string;
  /** Embedding dimensions; a store built with other dims refuses to open. */
  dims: number;
  /** Embedding model id; a store built with another model refuses to open. */
  embeddingModelId: string;
  /**
   * `optimize()` frees the disk of deleted uploads and submissions once their old table versions
   * are this old (readers may still be on them). Default 10 minutes.
   */
  reclaimAfterMs?: number;
  /** Chunk rows per commit of the single writer (bulk loads, harvests, coalesced puts). Default 20000. */
  writeBatchRows?: number;
  /** Fold new rows into the search indexes this long after a write; 0 (default) = only on `optimize()`. */
  indexRefreshMs?: number;
}

/**
 * Opens (or creates) the chm-lens store at `uri`: LanceDB tables `documents`, `chunks`,
 * `jobs`, `feedback`, `meta`, `submissions`, `artifacts` (the trained classifier) and `blobs` (uploaded bytes by SHA-256), all under
 * the one URI so an object-store `DATA_DIR` holds every part.
 *
 * Writes are serialised per store instance: documents/chunks share one writer, jobs and
 * feedback another, so a long index build never holds up job claims or uploads.
 *
 * @example
 * const store = await createStore({ uri: "./data", dims: 512, embeddingModelId: "use-lite" });
 * await store.documents.put(doc, chunks);
 * const hits = await store.chunks.search({ mode: "hybrid", text: "coral", vector, limit: 10 });
 */
/**
 * Lance's CPU pool gets one blocking thread on a machine with 2 cores or fewer, and its FTS index
 * builder then deadlocks (every thread parked, 0 % CPU) once the text yields more than one
 * posting-list batch (lancedb/lancedb#3568): here `optimize()` hung for good folding 100k chunks
 * into the FTS index, and finished in 9.5 s with LANCE_CPU_THREADS=4. The variable is read when
 * Lance starts its pool, so it is set before the first connect unless the operator set it.
 */
function ensureLanceCpuThreads(): void {
  if (process.env.LANCE_CPU_THREADS === undefined) process.env.LANCE_CPU_THREADS = String(Math.max(4, cpus().length));
}

export async function createStore(opts: CreateStoreOptions): Promise<DocumentStore> {
  if (!Number.isInteger(opts.dims) || opts.dims < 1) {
    throw new AppError("config_invalid", `Embedding dims must be a positive integer, got ${opts.dims}`);
  }
  ensureLanceCpuThreads();
  const local = localPath(opts.uri);
  if (local !== undefined) await mkdir(local, { recursive: true });
  const db = await guard("open the database", () => connect(opts.uri, { readConsistencyInterval: 0 }));
  const tables = await openTables(db, opts);
  const blobTable = await openBlobTable(db);
  const submissionTable = await openSubmissionTable(db);
  const artifacts = createArtifacts(await openArtifactTable(db), createMutex());
  let vectorIndexed = await hasVectorIndex(tables);
  const writer = createMutex();
  const queueWriter = createMutex();
  // Uploads get their own writer: a 25 MB blob write never holds up job claims or feedback.
  const blobWriter = createMutex();

  const documentReads = createDocuments({ tables, writer, dims: opts.dims });
  const refresh = createIndexRefresh({
    delayMs: opts.indexRefreshMs ?? 0,
    run: async () => {
      await writer.run(() => refreshChunkIndexes(tables));
      // Past VECTOR_INDEX_MIN_ROWS the first refresh also builds the ANN index (minutes at 1M rows).
      if (!vectorIndexed) vectorIndexed = await writer.run(() => buildVectorIndex(tables));
    },
  });
  const chunkWriter = createChunkWriter({
    tables,
    writer,
    dims: opts.dims,
    maxBatchRows: opts.writeBatchRows ?? 20_000,
    onCommit: () => refresh.noteWrite(),
  });
  const documents = { ...documentReads, put: chunkWriter.put, putMany: chunkWriter.putMany };
  const feedback = createFeedback(tables, queueWriter);
  const submissions = createSubmissions(submissionTable, queueWriter);
  const blobs = createBlobs({ uri: opts.uri, table: blobTable, writer: blobWriter, inUse: blobInUse(tables) });
  const deleteDocument = createCascadeDelete({ documents, feedback, submissions, blobs });
  const search = createChunkSearch({ tables, dims: opts.dims, vectorIndexed: () => vectorIndexed });

  return {
    uri: opts.uri,
    dims: opts.dims,
    documents: { ...documents, delete: deleteDocument },
    chunks: {
      ...search,
      forDocument: (documentId) => chunksOf({ tables }, documentId),
      count: () => guard("count chunks", () => tables.chunks.countRows()),
    },
    jobs: createJobs(tables, queueWriter),
    feedback: { add: feedback.add, addMany: feedback.addMany, forDocument: feedback.forDocument, all: feedback.all },
    submissions: {
      record: submissions.record,
      submissionsOf: submissions.submissionsOf,
      hasSubmitted: submissions.hasSubmitted,
      bySubmitter: submissions.bySubmitter,
    },
    settings: createSettings(tables, queueWriter),
    blobs,
    artifacts,
    async optimize() {
      await writer.run(() => queueWriter.run(() => compactAndReindex(tables)));
      // Under the documents writer: an index commit racing a chunk rewrite can fail.
      vectorIndexed = await writer.run(() => buildVectorIndex(tables));
      // Deleted uploads stay on disk until their table is compacted and old versions are removed.
      const cleanupOlderThan = new Date(Date.now() - (opts.reclaimAfterMs ?? 10 * 60_000));
      await blobWriter.run(() => guard("compact uploads", () => blobTable.optimize({ cleanupOlderThan })));
      await queueWriter.run(() => guard("compact submissions", () => submissionTable.optimize({ cleanupOlderThan })));
      await artifacts.optimize(cleanupOlderThan);
    },
    idle: () => refresh.idle(),
    holdMaintenance: () => refresh.hold(),
    async close() {
      refresh.stop();
      // Let queued writes finish before the handles go.
      await writer.run(async () => undefined);
      await queueWriter.run(async () => undefined);
      await blobWriter.run(async () => undefined);
      for (const t of [...Object.values(tables), blobTable, submissionTable]) t.close();
      db.close();
    },
  };
}
