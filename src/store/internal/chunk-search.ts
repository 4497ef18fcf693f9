import { BooleanQuery, type FullTextQuery, MatchQuery, Occur } from "@lancedb/lancedb";
import { AppError } from "../../errors.ts";
import type { ChunkHit, DocumentStore, DocumentSummary, SearchChunksRequest } from "../types.ts";
import { float32 } from "./arrow-values.ts";
import { cosine } from "./cosine.ts";
import { rowToDocument, rowToHit } from "./mappers.ts";
import { SUMMARY_COLUMNS } from "./schemas.ts";
import type { StoreTables } from "./tables.ts";
import { fuseRanks } from "./rrf.ts";
import { createSummaryCache } from "./summary-cache.ts";
import { filterToWhere, sqlCode } from "./where.ts";
import { batches, guard } from "./write.ts";

type Row = Record<string, unknown>;

export interface SearchDeps {
  tables: StoreTables;
  dims: number;
  /** True once an IVF_RQ index exists: searches then probe partitions and refine. */
  vectorIndexed: () => boolean;
}

const MAX_LIMIT = 1000;

/**
 * IVF_RQ query parameters: partitions probed, and how many candidates are re-ranked with exact
 * distances (refine). Chosen on measured recall@10 against exact search (README, Speed).
 */
export const ANN_TUNING = { nprobes: 20, refineCandidates: 100 } as const;

/**
 * LanceDB's refine factor for a top-k query: a fixed budget of re-ranked candidates, not a
 * multiple of k. Ten times the service's 55-chunk pool re-read 550 full vectors per query
 * (semantic store query 28 ms p50 at 1M chunks, against 7.5 ms with 110 candidates).
 */
export function refineFactorFor(k: number): number {
  return Math.max(1, Math.ceil(ANN_TUNING.refineCandidates / k));
}
/** The columns a hit is read with (ChunkHit): every extra column costs ~1 ms per query half. */
const HIT_COLUMNS = ["id", "documentId", "contentHash", "index", "text", "pageStart", "pageEnd"];

const toSummary = (r: Row): DocumentSummary => {
  const { classificationJson: _, ...summary } = rowToDocument(r);
  return summary;
};

/** Summaries of the given documents, one projected read per 500 ids. */
async function readSummaries(deps: SearchDeps, ids: string[]): Promise<DocumentSummary[]> {
  const out: DocumentSummary[] = [];
  for (const part of batches(ids)) {
    const where = `id IN (${part.map((id) => sqlCode(id, "documentId")).join(", ")})`;
    const rows: Row[] = await deps.tables.documents.query().where(where).select(SUMMARY_COLUMNS).toArray();
    out.push(...rows.map(toSummary));
  }
  return out;
}

function checkRequest(req: SearchChunksRequest, dims: number): { text?: string; vector?: number[] } {
  if (!Number.isInteger(req.limit) || req.limit < 1 || req.limit > MAX_LIMIT) {
    throw new AppError("validation_failed", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  // Keyword mode takes an optional vector (to score its hits' meaning too).
  const needsVector = req.mode !== "keyword" || req.vector !== undefined;
  const needsText = req.mode !== "semantic";
  if (needsVector && req.vector?.length !== dims) {
    throw new AppError("validation_failed", `${req.mode} search needs a ${dims}-d query vector`);
  }
  const text = req.text?.trim();
  if (needsText && !text) throw new AppError("validation_failed", `${req.mode} search needs query text`);
  return { text: needsText ? text : undefined, vector: needsVector && req.vector ? Array.from(req.vector) : undefined };
}

/** Words of at least this many letters are matched with one typo; longer ones with two. */
const FUZZY_ONE_EDIT = 4;
const FUZZY_TWO_EDITS = 6;
const FUZZY_MAX_LETTERS = 40;

/**
 * Words Lance can expand to their typo neighbours: ASCII letters and digits. It cuts the kept prefix
 * in bytes, so "остаются" was cut inside its first letter and the search panicked (503 for every
 * fuzzy keyword or hybrid query with such a word), and with any prefix it found no neighbour of a
 * Cyrillic, Arabic or accented word (src/store/fuzzy-non-ascii.test.ts). Those words match exactly.
 */
const EXPANDABLE = /^[a-z0-9]+$/;

/**
 * The FTS query for a keyword search. The text is matched as words (MatchQuery), never parsed as
 * query syntax. Fuzzy (used when the exact query finds fewer hits than asked for): each ASCII word of 4+ letters also matches words one edit away (two from 6
 * letters), keeping its first letter (prefixLength 1); the exact phrase keeps a
 * boost so exact matches outrank corrected ones. Short words stay exact ("on" must not match "in").
 */
export function keywordQuery(text: string, fuzzy: boolean): FullTextQuery {
  const exact = new MatchQuery(text, "text");
  if (!fuzzy) return exact;
  // No word is longer than FUZZY_MAX_LETTERS: a 10,000-letter "word" made Lance's fuzzy matcher
  // fail the whole search (test/hostile.test.ts); such tokens are matched exactly.
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].filter(
    (w) => w.length >= FUZZY_ONE_EDIT && w.length <= FUZZY_MAX_LETTERS && EXPANDABLE.test(w),
  );
  if (words.length === 0) return exact;
  const typo = words.map((w): [Occur, FullTextQuery] => [
    Occur.Should,
    new MatchQuery(w, "text", { fuzziness: w.length >= FUZZY_TWO_EDITS ? 2 : 1, prefixLength: 1 }),
  ]);
  return new BooleanQuery([[Occur.Should, new MatchQuery(text, "text", { boost: 2 })], ...typo]);
}

/**
 * Chunk search over LanceDB: semantic (cosine), keyword (BM25 over the FTS index) and hybrid
 * (both, fused with reciprocal rank fusion). Hits from half-written or replaced documents
 * (no document row, or a different contentHash) are dropped, so a little extra is fetched.
 */
export function createChunkSearch(deps: SearchDeps): Pick<DocumentStore["chunks"], "search" | "searchWithDocuments"> {
  const { chunks } = deps.tables;
  const cache = createSummaryCache(deps.tables.documents, {
    readAll: async () =>
      ((await deps.tables.documents.query().select(SUMMARY_COLUMNS).toArray()) as Row[]).map(toSummary),
  });
  const summaries = (ids: string[]) => cache.get(ids, (missing) => readSummaries(deps, missing));

  const semantic = async (vector: number[], where: string | undefined, k: number): Promise<ChunkHit[]> => {
    let q = chunks
      .vectorSearch(vector)
      .distanceType("cosine")
      .select([...HIT_COLUMNS, "_distance"])
      .limit(k);
    if (deps.vectorIndexed()) q = q.nprobes(ANN_TUNING.nprobes).refineFactor(refineFactorFor(k));
    if (where) q = q.where(where);
    const rows: Row[] = await q.toArray();
    return rows.map((r) => {
      const score = 1 - Number(r._distance);
      return rowToHit(r, score, { semanticScore: score });
    });
  };

  const keywordRows = async (
    text: string,
    where: string | undefined,
    k: number,
    columns: string[],
    fuzzy: boolean,
  ): Promise<Row[]> => {
    const run = (query: FullTextQuery): Promise<Row[]> => {
      let q = chunks
        .query()
        .fullTextSearch(query)
        .select([...columns, "_score"])
        .limit(k);
      if (where) q = q.where(where);
      return q.toArray();
    };
    // Typo tolerance only when the words as typed find too little: expanding every word to its
    // one- and two-edit neighbours made hybrid search cost 0.5 s (p50) at 1M chunks against
    // 22 ms for the exact query (bench:search), while a query with typos rarely fills the pool.
    const exact = await run(keywordQuery(text, false));
    if (!fuzzy || exact.length >= k) return exact;
    return run(keywordQuery(text, true));
  };

  // With a query vector, keyword hits also get their cosine from the stored vector, so every
  // mode can show one relevance scale (the search service computes it).
  const keyword = async (
    text: string,
    vector: number[] | undefined,
    where: string | undefined,
    k: number,
    fuzzy: boolean,
  ): Promise<ChunkHit[]> =>
    (await keywordRows(text, where, k, vector ? [...HIT_COLUMNS, "vector"] : HIT_COLUMNS, fuzzy)).map((r) =>
      rowToHit(r, Number(r._score), {
        keywordScore: Number(r._score),
        ...(vector ? { semanticScore: cosine(vector, float32(r, "vector")) } : {}),
      }),
    );

  // Both halves run as their own queries, each selecting its score column, and are fused here:
  // LanceDB's native hybrid query applies one column list to both halves, so it cannot name
  // `_distance` and `_score` and Lance warns on every search.
  const hybrid = async (
    text: string,
    vector: number[],
    where: string | undefined,
    k: number,
    fuzzy: boolean,
  ): Promise<ChunkHit[]> => {
    const [semanticHits, keywordHits] = await Promise.all([
      semantic(vector, where, k),
      keyword(text, vector, where, k, fuzzy),
    ]);
    return fuseRanks(semanticHits, keywordHits);
  };

  const searchWithDocuments = async (req: SearchChunksRequest) => {
    const { text, vector } = checkRequest(req, deps.dims);
    const fuzzy = req.fuzzy ?? false;
    const where = filterToWhere(req.filter, { documentId: "documentId" });
    // A small margin for chunks of half-written or replaced documents, which are dropped below.
    const k = req.limit + Math.min(50, Math.ceil(req.limit / 4) + 5);
    const hits = await guard(`run ${req.mode} search`, () =>
      req.mode === "semantic"
        ? semantic(vector!, where, k)
        : req.mode === "keyword"
          ? keyword(text!, vector, where, k, fuzzy)
          : hybrid(text!, vector!, where, k, fuzzy),
    );
    const docs = await guard("read documents", () => summaries([...new Set(hits.map((h) => h.documentId))]));
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
