import { Index } from "@lancedb/lancedb";
import type { StoreTables } from "./tables.ts";
import { guard } from "./write.ts";

/** Below this many chunks exact (flat) search is fast enough and an index would only cost recall. */
export const VECTOR_INDEX_MIN_ROWS = 10_000;
/** Old table versions are kept this long for readers still on them, then cleaned up. */
const KEEP_VERSIONS_MS = 60 * 60 * 1000;

export async function hasVectorIndex(tables: StoreTables): Promise<boolean> {
  const indices = await tables.chunks.listIndices();
  return indices.some((i) => i.columns.includes("vector"));
}

/**
 * Compacts every table and folds rows written since the last run into the FTS index
 * (LanceDB's `optimize` updates existing indexes). Recreates the FTS index if it is missing.
 */
export async function compactAndReindex(tables: StoreTables): Promise<void> {
  const cleanupOlderThan = new Date(Date.now() - KEEP_VERSIONS_MS);
  await guard("optimize tables", async () => {
    for (const table of [tables.chunks, tables.documents, tables.jobs, tables.feedback]) {
      await table.optimize({ cleanupOlderThan });
    }
    const indices = await tables.chunks.listIndices();
    if (!indices.some((i) => i.indexType === "FTS" && i.columns.includes("text"))) {
      await tables.chunks.createIndex("text", { config: Index.fts(), replace: true });
    }
  });
}

/**
 * Builds an IVF_RQ (RaBitQ) cosine index once the chunk table is big enough; partitions ≈ √N.
 * IVF_PQ was the first choice but its codebook training dominated: on the 2-core machine (same
 * load) 265 s for 30k 512-d rows against 23 s for IVF_RQ, 91 s for IVF_RQ at 100k, so at 1M
 * IVF_PQ would take hours. Queries re-rank RQ candidates on the full vectors (`refineFactor`),
 * which keeps recall@10 against exact search at the level `bench:search` reports.
 */
export async function buildVectorIndex(tables: StoreTables): Promise<boolean> {
  return guard("build the vector index", async () => {
    if (await hasVectorIndex(tables)) return true;
    const rows = await tables.chunks.countRows();
    if (rows < VECTOR_INDEX_MIN_ROWS) return false;
    const config = Index.ivfRq({
      numPartitions: Math.max(1, Math.round(Math.sqrt(rows))),
      distanceType: "cosine",
    });
    await tables.chunks.createIndex("vector", { config, replace: true });
    return true;
  });
}

/**
 * Folds rows written since the last refresh into the chunk indexes (FTS, and the vector index
 * when there is one) and compacts the small fragments single-document commits leave behind.
 * Without it the FTS index covers none of the new rows, and LanceDB's flat BM25 over unindexed
 * rows drops words that repeat inside chunks and occur in most of them (issue 9: "coral" → 0 hits).
 */
export async function refreshChunkIndexes(tables: StoreTables): Promise<void> {
  const cleanupOlderThan = new Date(Date.now() - KEEP_VERSIONS_MS);
  await guard("refresh the search indexes", async () => {
    await tables.chunks.optimize({ cleanupOlderThan });
    await tables.documents.optimize({ cleanupOlderThan });
  });
}

export interface IndexRefresh {
  /** A commit wrote rows: schedule a refresh `delayMs` later (one per window, not per write). */
  noteWrite(): void;
  /** Resolves when no refresh is scheduled or running (tests, shutdown). */
  idle(): Promise<void>;
  /** Cancels a scheduled refresh; a running one finishes. */
  stop(): void;
  /**
   * Holds scheduled refreshes back (an ingestion job is using the cores) until the returned
   * release is called, or until the oldest unrefreshed write has waited `maxDeferMs`.
   */
  hold(): () => void;
}

/**
 * Keeps the indexes current in the process that writes: the first write after a refresh starts a
 * `delayMs` timer, so a steady stream of writes refreshes once per window and a quiet store is
 * refreshed `delayMs` after its last burst. `delayMs` 0 turns it off (bulk loads call
 * `store.optimize()` once at the end instead). Failures go to `onError`; the next write retries.
 */
export function createIndexRefresh(opts: {
  delayMs: number;
  /** Longest a write waits for its refresh while held (default 30 s or 10 × delayMs). */
  maxDeferMs?: number;
  run: () => Promise<void>;
  onError?: (e: unknown) => void;
}): IndexRefresh {
  const maxDeferMs = opts.maxDeferMs ?? Math.max(30_000, 10 * opts.delayMs);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let holds = 0;
  /** When the oldest write not yet refreshed happened. */
  let firstWriteAt: number | undefined;
  const fire = () => {
    timer = undefined;
    firstWriteAt = undefined;
    running = running.then(() => opts.run().catch((e) => opts.onError?.(e)));
  };
  const due = () => {
    // The refresh runs on Lance's threads: during a job it took a fifth of the encoder's cores.
    if (holds > 0 && Date.now() - firstWriteAt! < maxDeferMs) {
      timer = setTimeout(due, opts.delayMs);
      return;
    }
    fire();
  };
  return {
    noteWrite() {
      if (opts.delayMs <= 0 || timer) return;
      firstWriteAt ??= Date.now();
      timer = setTimeout(due, opts.delayMs);
    },
    async idle() {
      while (timer) {
        clearTimeout(timer);
        fire();
      }
      await running;
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
    hold() {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
      };
    },
  };
}
