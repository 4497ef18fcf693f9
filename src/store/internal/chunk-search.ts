import { MatchQuery } from "@lancedb/lancedb";
import { AppError } from "../../errors.ts";
import type { ChunkHit, DocumentStore, SearchChunksRequest } from "../types.ts";
import { float32 } from "./arrow-values.ts";
import { cosine } from "./cosine.ts";
import { rowToHit } from "./mappers.ts";
import type { StoreTables } from "./tables.ts";
import { fuseRanks } from "./rrf.ts";
import { filterToWhere } from "./where.ts";
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
    let q = chunks
      .vectorSearch(vector)
      .distanceType("cosine")
      .select([...HIT_COLUMNS, "_distance"])
      .limit(k);
    if (deps.vectorIndexed()) q = q.nprobes(20).refineFactor(10);
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
