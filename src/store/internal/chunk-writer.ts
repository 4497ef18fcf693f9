import { AppError } from "../../errors.ts";
import type { Schema } from "apache-arrow";
import type { ChunkRecord, DocumentRecord } from "../types.ts";
import { rowsToTable } from "./arrow-rows.ts";
import { chunkToRow, documentToRow } from "./mappers.ts";
import type { Mutex } from "./mutex.ts";
import type { StoreTables } from "./tables.ts";
import { sqlCode } from "./where.ts";
import { batches, guard } from "./write.ts";

/** One document and its full set of chunks (an empty list removes its chunks). */
export interface PutItem {
  doc: DocumentRecord;
  chunks: ChunkRecord[];
}

export interface ChunkWriterDeps {
  tables: StoreTables;
  /** The store's documents writer: every commit of documents/chunks goes through it. */
  writer: Mutex;
  dims: number;
  /** Chunk rows per commit: waiting documents are committed together up to about this many. */
  maxBatchRows: number;
  /** Told after every commit how many chunk rows it wrote (schedules the index refresh). */
  onCommit?: (rows: number) => void;
}

export interface ChunkWriter {
  /** Writes one document; resolves once its commit (possibly shared with others) is durable. */
  put(doc: DocumentRecord, chunks: ChunkRecord[]): Promise<void>;
  /** Writes many documents in as few commits as `maxBatchRows` allows (the bulk path). */
  putMany(items: PutItem[]): Promise<void>;
}

interface Pending {
  item: PutItem;
  resolve: () => void;
  reject: (e: unknown) => void;
}

function checkItem({ doc, chunks }: PutItem, dims: number): void {
  for (const c of chunks) {
    if (c.documentId !== doc.id) {
      throw new AppError("validation_failed", `Chunk ${c.id} belongs to ${c.documentId}, not ${doc.id}`);
    }
    if (c.vector.length !== dims) {
      throw new AppError(
        "validation_failed",
        `Chunk ${c.id} has a ${c.vector.length}-d vector; the store holds ${dims}-d`,
      );
    }
  }
}

const inIds = (ids: string[]) => `documentId IN (${ids.map((id) => sqlCode(id, "documentId")).join(", ")})`;

/**
 * The single writer of documents and chunks. Puts that arrive while a commit is running wait
 * and are then committed together, so a bulk load costs one chunk commit and one document commit
 * per batch instead of per document, and no commit joins against the whole chunk table:
 * new documents are appended; a document that already has chunks is replaced by one
 * `mergeInsert` that also deletes its chunks no longer present (atomic per document). Chunks are
 * committed before the document rows; search hides chunks whose document row is missing or
 * carries another contentHash, so a crash between the two never shows a half-written document.
 */
export function createChunkWriter(deps: ChunkWriterDeps): ChunkWriter {
  const { tables } = deps;
  let pending: Pending[] = [];
  let draining = false;
  let chunkSchema: Schema | undefined;

  /** Ids among `ids` that already have chunk rows (one projected scan per 500 ids). */
  async function withChunks(ids: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of batches(ids)) {
      const rows = await tables.chunks.query().where(inIds(part)).select(["documentId"]).toArray();
      for (const r of rows) found.add(String(r.documentId));
    }
    return found;
  }

  async function commit(items: PutItem[]): Promise<number> {
    // The last put of a document in one batch wins, as it would have serially.
    const byId = new Map(items.map((it) => [it.doc.id, it]));
    const latest = [...byId.values()];
    const existing = await withChunks([...byId.keys()]);
    const fresh = latest.filter((it) => !existing.has(it.doc.id) && it.chunks.length > 0);
    const replaced = latest.filter((it) => existing.has(it.doc.id) && it.chunks.length > 0);
    const emptied = latest.filter((it) => existing.has(it.doc.id) && it.chunks.length === 0);
    const schema = (chunkSchema ??= await tables.chunks.schema());
    const rows = (list: PutItem[]) =>
      rowsToTable(
        list.flatMap((it) => it.chunks.map((c) => chunkToRow(c, it.doc))),
        schema,
      );
    if (emptied.length > 0) await tables.chunks.delete(inIds(emptied.map((it) => it.doc.id)));
    if (replaced.length > 0) {
      await tables.chunks
        .mergeInsert("id")
        .whenMatchedUpdateAll()
        .whenNotMatchedInsertAll()
        .whenNotMatchedBySourceDelete({ where: inIds(replaced.map((it) => it.doc.id)) })
        .execute(rows(replaced));
    }
    const added = fresh.reduce((n, it) => n + it.chunks.length, 0);
    if (added > 0) await tables.chunks.add(rows(fresh));
    await tables.documents
      .mergeInsert("id")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute(latest.map((it) => documentToRow(it.doc)));
    return added + replaced.reduce((n, it) => n + it.chunks.length, 0);
  }

  /** Takes waiting puts up to `maxBatchRows` chunk rows (always at least one document). */
  function takeBatch(): Pending[] {
    let rows = 0;
    let n = 0;
    while (n < pending.length && (n === 0 || rows + pending[n]!.item.chunks.length <= deps.maxBatchRows)) {
      rows += pending[n]!.item.chunks.length;
      n++;
    }
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    return batch;
  }

  async function drain(): Promise<void> {
    while (pending.length > 0) {
      const batch = takeBatch();
      try {
        const rows = await guard("write documents", () => commit(batch.map((p) => p.item)));
        for (const p of batch) p.resolve();
        deps.onCommit?.(rows);
      } catch (e) {
        for (const p of batch) p.reject(e);
      }
    }
    draining = false;
  }

  function enqueue(items: PutItem[]): Promise<void> {
    for (const it of items) checkItem(it, deps.dims);
    const done = items.map((item) => new Promise<void>((resolve, reject) => pending.push({ item, resolve, reject })));
    if (!draining) {
      draining = true;
      void deps.writer.run(drain);
    }
    return Promise.all(done).then(() => undefined);
  }

  return {
    put: async (doc, chunks) => enqueue([{ doc, chunks }]),
    putMany: async (items) => enqueue(items),
  };
}
