import type { Connection, Table } from "@lancedb/lancedb";
import { Index } from "@lancedb/lancedb";
import type { Schema } from "apache-arrow";
import { AppError } from "../../errors.ts";
import { chunkSchema, documentSchema, feedbackSchema, jobSchema, metaSchema, TABLES } from "./schemas.ts";
import { addMissingColumns } from "./add-columns.ts";
import { str } from "./arrow-values.ts";

export interface StoreTables {
  documents: Table;
  chunks: Table;
  jobs: Table;
  feedback: Table;
  meta: Table;
}

async function openOrCreate(db: Connection, existing: string[], name: string, schema: Schema): Promise<Table> {
  if (existing.includes(name)) return db.openTable(name);
  return db.createEmptyTable(name, schema, { mode: "create", existOk: true });
}

/**
 * Opens the store's tables, creating empty ones on first use, and checks that the store
 * was built with the same embedding dims and model (vectors from another model are noise).
 */
export async function openTables(
  db: Connection,
  opts: { uri: string; dims: number; embeddingModelId: string },
): Promise<StoreTables> {
  const existing = await db.tableNames();
  const meta = await openOrCreate(db, existing, TABLES.meta, metaSchema);
  await checkMeta(meta, opts);
  const chunksExisted = existing.includes(TABLES.chunks);
  const chunks = await openOrCreate(db, existing, TABLES.chunks, chunkSchema(opts.dims));
  // An FTS index on the empty table: LanceDB 0.31 also searches rows added after it (flat).
  if (!chunksExisted) await chunks.createIndex("text", { config: Index.fts(), replace: true });
  return {
    meta,
    chunks,
    documents: await withColumnsOf(documentSchema, openOrCreate(db, existing, TABLES.documents, documentSchema)),
    jobs: await openOrCreate(db, existing, TABLES.jobs, jobSchema),
    feedback: await openOrCreate(db, existing, TABLES.feedback, feedbackSchema),
  };
}

/** A table opened from an older store gains the schema's new nullable columns. */
async function withColumnsOf(schema: Schema, opening: Promise<Table>): Promise<Table> {
  const table = await opening;
  await addMissingColumns(table, schema);
  return table;
}

async function checkMeta(meta: Table, opts: { uri: string; dims: number; embeddingModelId: string }): Promise<void> {
  const rows = await meta.query().toArray();
  const values = new Map(rows.map((r) => [str(r, "key"), str(r, "value")]));
  if (!values.has("dims")) {
    await meta.add([
      { key: "dims", value: String(opts.dims) },
      { key: "embeddingModelId", value: opts.embeddingModelId },
      { key: "createdAt", value: new Date().toISOString() },
    ]);
    return;
  }
  const dims = Number(values.get("dims"));
  const model = values.get("embeddingModelId") ?? "";
  if (dims !== opts.dims || model !== opts.embeddingModelId) {
    throw new AppError(
      "config_invalid",
      `The store at ${opts.uri} was built with model ${model} (${dims} dims); ` +
        `the configured model is ${opts.embeddingModelId} (${opts.dims} dims). ` +
        `Re-embedding is not automatic: delete it or set DATA_DIR to a new folder.`,
      { details: { storedModel: model, storedDims: dims, model: opts.embeddingModelId, dims: opts.dims } },
    );
  }
}
