import { MatchQuery, rerankers } from "@lancedb/lancedb";
import { AppError } from "../../errors.ts";
import type { ChunkHit, DocumentStore, SearchChunksRequest } from "../types.ts";
import { float32 } from "./arrow-values.ts";
import { cosine } from "./cosine.ts";
import { rowToHit } from "./mappers.ts";
import type { StoreTables } from "./tables.ts";
import { filterToWhere, sqlString } from "./where.ts";
import { guard } from "./write.ts";

type Row = Record<string, unknown>;

export interface SearchDeps {
  tables: StoreTables;
  dims: number;
  documents: Pick<DocumentStore["documents"], "getMany">;
  /** True once an IVF_PQ index exists: searches then probe partitions and refine. */
  vectorIndexed: () => boolean;
}

const MAX_LIMIT = 1000;
const HIT_COLUMNS = ["id", "documentId", "contentHash", "index", "text", "pageStart", "pageEnd", "charStart", "charEnd", "language"];

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
export function createChunkSearch(deps: SearchDeps): DocumentStore["chunks"]["search"] {
  const { chunks } = deps.tables;

  const semantic = async (vector: number[], where: string | undefined, k: number): Promise<ChunkHit[]> => {
    let q = chunks.vectorSearch(vector).distanceType("cosine").select([...HIT_COLUMNS, "_distance"]).limit(k);
    if (deps.vectorIndexed()) q = q.nprobes(20).refineFactor(10);
    if (where) q = q.where(where);
    const rows: Row[] = await q.toArray();
    return rows.map((r) => {
      const score = 1 - Number(r._distance);
      return rowToHit(r, score, { semanticScore: score });
    });
  };

  const keyword = async (text: string, where: string | undefined, k: number): Promise<ChunkHit[]> => {
    // MatchQuery: the text is matched as words, never parsed as query syntax.
    let q = chunks.query().fullTextSearch(new MatchQuery(text, "text")).select([...HIT_COLUMNS, "_score"]).limit(k);
    if (where) q = q.where(where);
    const rows: Row[] = await q.toArray();
    return rows.map((r) => rowToHit(r, Number(r._score), { keywordScore: Number(r._score) }));
  };

  const hybrid = async (text: string, vector: number[], where: string | undefined, k: number): Promise<ChunkHit[]> => {
    let q = chunks
      .query()
      .nearestTo(vector)
      .distanceType("cosine")
      .fullTextSearch(new MatchQuery(text, "text"))
      .select([...HIT_COLUMNS, "vector"])
      .limit(k);
    if (deps.vectorIndexed()) q = q.nprobes(20).refineFactor(10);
    if (where) q = q.where(where);
    // Lance logs a deprecation warning for this select; naming `_distance`/`_score` here fails
    // (the FTS half has no `_distance`), so the warning stays until LanceDB offers a switch.
    const rows: Row[] = await q.rerank(await rerankers.RRFReranker.create()).toArray();
    if (rows.length === 0) return [];
    // The fused rows do not keep the component scores: cosine is recomputed from the stored
    // vector, BM25 comes from one keyword query restricted to the fused ids.
    const ids = rows.map((r) => sqlString(String(r.id))).join(", ");
    const bm25 = new Map((await keyword(text, `id IN (${ids})`, rows.length)).map((h) => [h.id, h.score]));
    return rows.map((r) =>
      rowToHit(r, Number(r._relevance_score), {
        semanticScore: cosine(vector, float32(r, "vector")),
        keywordScore: bm25.get(String(r.id)),
      }),
    );
  };

  return async (req) => {
    const { text, vector } = checkRequest(req, deps.dims);
    const where = filterToWhere(req.filter, { documentId: "documentId" });
    const k = Math.min(MAX_LIMIT * 2, req.limit * 2 + 10);
    const hits = await guard(`run ${req.mode} search`, () =>
      req.mode === "semantic"
        ? semantic(vector!, where, k)
        : req.mode === "keyword"
          ? keyword(text!, where, k)
          : hybrid(text!, vector!, where, k),
    );
    const docs = await deps.documents.getMany([...new Set(hits.map((h) => h.documentId))]);
    const hashes = new Map(docs.map((d) => [d.id, d.contentHash]));
    return hits.filter((h) => hashes.get(h.documentId) === h.contentHash).slice(0, req.limit);
  };
}
