import { AppError } from "../../errors.ts";
import type { ChunkFilter, ChunkRecord, DocumentRecord, DocumentStore } from "../types.ts";
import { chunkToRow, documentToRow, rowToChunk, rowToDocument } from "./mappers.ts";
import type { Mutex } from "./mutex.ts";
import { SUMMARY_COLUMNS } from "./schemas.ts";
import type { StoreTables } from "./tables.ts";
import { filterToWhere, sqlCode } from "./where.ts";
import { batches, guard } from "./write.ts";

export interface DocumentsDeps {
  tables: StoreTables;
  writer: Mutex;
  dims: number;
}

/** Chunks of one document in index order (vectors included). */
export async function chunksOf(deps: Pick<DocumentsDeps, "tables">, documentId: string): Promise<ChunkRecord[]> {
  const rows = await guard("read chunks", () =>
    deps.tables.chunks
      .query()
      .where(`documentId = ${sqlCode(documentId, "documentId")}`)
      .toArray(),
  );
  return rows.map(rowToChunk).sort((a, b) => a.index - b.index);
}

/**
 * The documents half of the store (reads, tags, delete). Writes of documents with their chunks
 * (`put`, `putMany`) go through the single batching writer in `chunk-writer.ts`.
 */
export function createDocuments(deps: DocumentsDeps): Omit<DocumentStore["documents"], "put" | "putMany"> {
  const { tables, writer } = deps;
  const upsertDoc = (doc: DocumentRecord) =>
    tables.documents
      .mergeInsert("id")
      .whenMatchedUpdateAll()
      .whenNotMatchedInsertAll()
      .execute([documentToRow(doc)]);

  const getMany = async (ids: string[]): Promise<DocumentRecord[]> => {
    const out: DocumentRecord[] = [];
    for (const batch of batches([...new Set(ids)])) {
      const where = `id IN (${batch.map((id) => sqlCode(id, "documentId")).join(", ")})`;
      const rows = await guard("read documents", () => tables.documents.query().where(where).toArray());
      out.push(...rows.map(rowToDocument));
    }
    return out;
  };

  type ListOptions = { limit?: number; offset?: number; filter?: ChunkFilter };
  /** Newest first; `columns` projects the read (summaries skip the classification JSON). */
  async function listRows(opts: ListOptions, columns?: string[]) {
    let q = tables.documents.query().orderBy({ columnName: "createdAt", ascending: false });
    if (columns) q = q.select(columns);
    const where = filterToWhere(opts.filter, { documentId: "id" });
    if (where) q = q.where(where);
    if (opts.limit !== undefined) q = q.limit(Math.max(0, Math.floor(opts.limit)));
    if (opts.offset) q = q.offset(Math.max(0, Math.floor(opts.offset)));
    return guard("list documents", () => q.toArray());
  }

  return {
    async get(id) {
      return (await getMany([id]))[0];
    },
    getMany,
    async findByHash(contentHash) {
      const where = `contentHash = ${sqlCode(contentHash, "contentHash")}`;
      const rows = await guard("read documents", () => tables.documents.query().where(where).limit(1).toArray());
      return rows[0] ? rowToDocument(rows[0]) : undefined;
    },
    async list(opts = {}) {
      return (await listRows(opts)).map(rowToDocument);
    },
    async listSummaries(opts = {}) {
      return (await listRows(opts, SUMMARY_COLUMNS)).map((r) => {
        const { classificationJson: _, ...summary } = rowToDocument(r);
        return summary;
      });
    },
    async count() {
      return guard("count documents", () => tables.documents.countRows());
    },
    async updateTags(id, tags, classificationJson) {
      await writer.run(async () => {
        const doc = (await getMany([id]))[0];
        if (!doc) throw new AppError("not_found", `Document ${id} not found`);
        const next: DocumentRecord = {
          ...doc,
          tags,
          classificationJson: classificationJson ?? doc.classificationJson,
          updatedAt: new Date().toISOString(),
        };
        await guard("update tags", async () => {
          await upsertDoc(next);
          // The chunks carry the tags for filtered search: rewrite them with the new ones.
          const chunks = await chunksOf(deps, id);
          if (chunks.length > 0) {
            await tables.chunks
              .mergeInsert("id")
              .whenMatchedUpdateAll()
              .execute(chunks.map((c) => chunkToRow(c, next)));
          }
        });
      });
    },
    async delete(id) {
      const where = `id = ${sqlCode(id, "documentId")}`;
      return writer.run(() =>
        guard("delete document", async () => {
          const existed = (await tables.documents.countRows(where)) > 0;
          // Document row first: leftover chunks are then orphans that search already hides.
          await tables.documents.delete(where);
          await tables.chunks.delete(`documentId = ${sqlCode(id, "documentId")}`);
          return existed;
        }),
      );
    },
  };
}
