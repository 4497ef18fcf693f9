import { MatchQuery } from "@lancedb/lancedb";
import { AppError } from "../../errors.ts";
import type { ChunkHit, DocumentStore, DocumentSummary, SearchChunksRequest } from "../types.ts";
import { float32 } from "./arrow-values.ts";
import { cosine } from "./cosine.ts";
import { rowToDocument, rowToHit } from "./mappers.ts";
import { documentSchema } from "./schemas.ts";
import type { StoreTables } from "./tables.ts";
import { fuseRanks } from "./rrf.ts";
import { filterToWhere, sqlCode } from "./where.ts";
import { batches, guard } from "./write.ts";

type Row = Record<string, unknown>;

export interface SearchDeps {
  tables: StoreTables;
  dims: number;
  /** True once an IVF_PQ index exists: searches then probe partitions and refine. */
  vectorIndexed: () => boolean;
}

const MAX_LIMIT = 1000;

/**
 * IVF_PQ query parameters: partitions probed and the refine factor (candidates re-ranked with
 * exact distances). Chosen on measured recall@10 against exact search (README, Speed).
 */
export const ANN_TUNING = { nprobes: 20, refineFactor: 10 } as const;
const HIT_COLUMNS = [
  "id",
  "documentId",
  "contentHash",
  "index",
  "text",
  "pageStart",
  "pageEnd",
  "charStart",
  "charEnd",
  "language",
];

/** Every document column but the classification JSON (the one heavy column). */
const SUMMARY_COLUMNS = documentSchema.fields.map((f) => f.name).filter((n) => n !== "classificationJson");

/** Summaries of the given documents, one projected read per 500 ids. */
async function summaries(deps: SearchDeps, ids: string[]): Promise<DocumentSummary[]> {
  const out: DocumentSummary[] = [];
  for (const part of batches(ids)) {
    const where = `id IN (${part.map((id) => sqlCode(id, "documentId")).join(", ")})`;
    const rows: Row[] = await deps.tables.documents.query().where(where).select(SUMMARY_COLUMNS).toArray();
    for (const r of rows) {
      const { classificationJson: _, ...summary } = rowToDocument(r);
      out.push(summary);
    }
  }
  return out;
}

function checkRequest(req: SearchChunksRequest, dims: number): { text?: string; vector?: number[] } {
  if (!Number.isInteger(req.limit) || req.limit < 1 || req.limit > MAX_LIMIT) {
    throw new AppError("validation_failed", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  const needsVector = req.mode !== "keyword";
  const needsText = req.mode !== "semantic";
  if (needsVector && req.vector?.length !== dims) {
    throw new AppError("validation_failed", `${req.mode} search needs a ${dims}-d query vector`);
  }
  const text = req.text?.trim();
  if (needsText && !text) throw new AppError("validation_failed", `${req.mode} search needs query text`);
  return { text: needsText ? text : undefined, vector: needsVector && req.vector ? Array.from(req.vector) : undefined };
}

/**
 * Chunk search over LanceDB: semantic (cosine), keyword (BM25 over the FTS index) and hybrid
 * (both, fused with reciprocal rank fusion). Hits from half-written or replaced documents
 * (no document row, or a different contentHash) are dropped, so a little extra is fetched.
 */
export function createChunkSearch(deps: SearchDeps): Pick<DocumentStore["chunks"], "search" | "searchWithDocuments"> {
  const { chunks } = deps.tables;

  const semantic = async (vector: number[], where: string | undefined, k: number): Promise<ChunkHit[]> => {
    let q = chunks
      .vectorSearch(vector)
      .distanceType("cosine")
      .select([...HIT_COLUMNS, "_distance"])
      .limit(k);
    if (deps.vectorIndexed()) q = q.nprobes(ANN_TUNING.nprobes).refineFactor(ANN_TUNING.refineFactor);
    if (where) q = q.where(where);
    const rows: Row[] = await q.toArray();
    return rows.map((r) => {
      const score = 1 - Number(r._distance);
      return rowToHit(r, score, { semanticScore: score });
    });
  };

  const keywordRows = async (text: string, where: string | undefined, k: number, columns: string[]): Promise<Row[]> => {
    // MatchQuery: the text is matched as words, never parsed as query syntax.
    let q = chunks
      .query()
      .fullTextSearch(new MatchQuery(text, "text"))
      .select([...columns, "_score"])
      .limit(k);
    if (where) q = q.where(where);
    return q.toArray();
  };

  const keyword = async (text: string, where: string | undefined, k: number): Promise<ChunkHit[]> =>
    (await keywordRows(text, where, k, HIT_COLUMNS)).map((r) =>
      rowToHit(r, Number(r._score), { keywordScore: Number(r._score) }),
    );

  // Both halves run as their own queries, each selecting its score column, and are fused here:
  // LanceDB's native hybrid query applies one column list to both halves, so it cannot name
  // `_distance` and `_score` and Lance warns on every search.
  const hybrid = async (text: string, vector: number[], where: string | undefined, k: number): Promise<ChunkHit[]> => {
    const [semanticHits, keywordHits] = await Promise.all([
      semantic(vector, where, k),
      keywordRows(text, where, k, [...HIT_COLUMNS, "vector"]),
    ]);
    // Keyword-only hits get their cosine from the stored vector, so both component scores show.
    const keywordScored = keywordHits.map((r) => {
      const cos = cosine(vector, float32(r, "vector"));
      return rowToHit(r, Number(r._score), { semanticScore: cos, keywordScore: Number(r._score) });
    });
    return fuseRanks(semanticHits, keywordScored);
  };

  const searchWithDocuments = async (req: SearchChunksRequest) => {
    const { text, vector } = checkRequest(req, deps.dims);
    const where = filterToWhere(req.filter, { documentId: "documentId" });
    // A small margin for chunks of half-written or replaced documents, which are dropped below.
    const k = req.limit + Math.min(50, Math.ceil(req.limit / 4) + 5);
    const hits = await guard(`run ${req.mode} search`, () =>
      req.mode === "semantic"
        ? semantic(vector!, where, k)
        : req.mode === "keyword"
          ? keyword(text!, where, k)
          : hybrid(text!, vector!, where, k),
    );
    const docs = await guard("read documents", () => summaries(deps, [...new Set(hits.map((h) => h.documentId))]));
    const hashes = new Map(docs.map((d) => [d.id, d.contentHash]));
    const live = hits.filter((h) => hashes.get(h.documentId) === h.contentHash).slice(0, req.limit);
    const shown = new Set(live.map((h) => h.documentId));
    return { hits: live, documents: docs.filter((d) => shown.has(d.id)) };
  };
  return {
    searchWithDocuments,
    search: async (req) => (await searchWithDocuments(req)).hits,
  };
}
