import type { Embedder } from "../embed/types.ts";
import { AppError } from "../errors.ts";
import type { ChunkFilter, DocumentRecord, DocumentStore, SearchChunksRequest } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { decodeCursor, encodeCursor, queryHash } from "./internal/cursor.ts";
import { computeFacets } from "./internal/facets.ts";
import { validateFilters } from "./internal/filters.ts";
import { queryTerms } from "./internal/highlight.ts";
import { groupByDocument, toHit } from "./internal/hits.ts";
import type { SearchHit, SearchMode, SearchRequest, SearchResponse, SearchService } from "./types.ts";

export interface SearchServiceDeps {
  store: DocumentStore;
  embedder: Embedder;
  vocab: Vocabulary;
  /** Most candidate chunks fetched per query (the pool is sized to the page up to this). */
  poolSize?: number;
  /** Documents listed when browsing (empty query); facets and totals are counted over them. */
  browseMax?: number;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
export const MAX_QUERY_CHARS = 1000;

/** Most chunks fetched per query (deep pages); facets and totals are counted over the fetched set. */
export const DEFAULT_POOL_SIZE = 300;
/** Candidate chunks fetched per result up to the page asked for (room for grouping and facets). */
export const CANDIDATES_PER_HIT = 4;
const MIN_CANDIDATES = 40;

/** Candidate chunks for a page ending at `end` results: sized to the request, capped by `maxPool`. */
export function candidatePool(end: number, maxPool = DEFAULT_POOL_SIZE): number {
  return Math.min(maxPool, Math.max(MIN_CANDIDATES, end * CANDIDATES_PER_HIT));
}

/**
 * The store query the service issues for a search request (exported so the benchmark times
 * exactly what the service asks the store for). `end` is offset + limit of the page.
 */
export function storeRequest(req: {
  q: string;
  mode: SearchMode;
  vector?: Float32Array;
  filter?: ChunkFilter;
  end?: number;
  poolSize?: number;
}): SearchChunksRequest {
  return {
    mode: req.mode,
    text: req.q,
    vector: req.vector,
    filter: req.filter,
    limit: candidatePool(req.end ?? DEFAULT_LIMIT, req.poolSize),
  };
}

/** Mean of vectors, L2-normalised (so cosine search treats it like any query vector). */
function meanVector(vectors: Float32Array[]): Float32Array {
  const out = new Float32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < out.length; i++) out[i]! += v[i]!;
  const norm = Math.hypot(...out) || 1;
  for (let i = 0; i < out.length; i++) out[i]! /= norm;
  return out;
}

/**
 * Search over the store: semantic, keyword or hybrid chunk retrieval, grouped into documents
 * with highlighted passages, facets over the candidate set, and opaque cursors.
 *
 * @example
 * const search = createSearchService({ store, embedder, vocab });
 * const { hits, facets, nextCursor } = await search.search({ q: "coral reefs", filters: { country: ["fr"] } });
 */
export function createSearchService(deps: SearchServiceDeps): SearchService {
  const { store, embedder, vocab } = deps;
  const poolSize = deps.poolSize ?? DEFAULT_POOL_SIZE;
  const browseMax = deps.browseMax ?? 1000;

  const page = <T>(items: T[], offset: number, limit: number, hash: string) => ({
    items: items.slice(offset, offset + limit),
    nextCursor: offset + limit < items.length ? encodeCursor(offset + limit, hash) : null,
  });

  async function browse(filter: ChunkFilter, limit: number, offset: number, hash: string): Promise<SearchResponse> {
    // The store lists newest first.
    const docs = await store.documents.list({ limit: browseMax, filter });
    const { items, nextCursor } = page(docs, offset, limit, hash);
    return {
      hits: items.map((d) => toHit(d, [], 0, [])),
      facets: computeFacets(docs, vocab),
      nextCursor,
      total: docs.length,
      // Browsing lists every matching document up to browseMax; past it only the newest are counted.
      counts: { scope: docs.length < browseMax ? ("all" as const) : ("candidates" as const), candidates: browseMax },
    };
  }

  return {
    async search(req: SearchRequest): Promise<SearchResponse> {
      const mode = req.mode ?? "hybrid";
      const group = req.group ?? "document";
      const limit = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(req.limit ?? DEFAULT_LIMIT)));
      const q = (req.q ?? "").trim();
      if (q.length > MAX_QUERY_CHARS)
        throw new AppError("validation_failed", `The query is longer than ${MAX_QUERY_CHARS} characters`);
      const filter = validateFilters(req.filters, vocab);
      const hash = queryHash(q ? { q, mode, group, filter } : { browse: true, filter });
      const offset = req.cursor ? decodeCursor(req.cursor, hash) : 0;
      if (!q) return browse(filter, limit, offset, hash);

      const vector = mode === "keyword" ? undefined : (await embedder.embed([q], "query"))[0];
      const end = offset + limit;
      const pool = storeRequest({ q, mode, vector, filter, end, poolSize });
      // One read of the hits' documents (summaries, no classification JSON), done by the store.
      const { hits: chunks, documents: docs } = await store.chunks.searchWithDocuments(pool);
      const counts = { scope: "candidates" as const, candidates: pool.limit };
      const byId = new Map(docs.map((d) => [d.id, d]));
      const terms = queryTerms(q);
      const groups = groupByDocument(chunks, byId);
      const facets = computeFacets(
        groups.map((g) => g.doc),
        vocab,
      );

      if (group === "chunk") {
        const live = chunks.filter((c) => byId.has(c.documentId));
        const { items, nextCursor } = page(live, offset, limit, hash);
        const hits = items.map((c) => toHit(byId.get(c.documentId)!, [c], c.score, terms, 1));
        return { hits, facets, nextCursor, total: live.length, counts };
      }
      const { items, nextCursor } = page(groups, offset, limit, hash);
      return {
        hits: items.map((g) => toHit(g.doc, g.chunks, g.score, terms)),
        facets,
        nextCursor,
        total: groups.length,
        counts,
      };
    },

    async similar(documentId: string, limit = DEFAULT_LIMIT): Promise<SearchHit[]> {
      const doc: DocumentRecord | undefined = await store.documents.get(documentId);
      if (!doc) throw new AppError("not_found", `No document ${documentId}`);
      // The opening chunks carry the title and summary: a good fingerprint of the whole document.
      const own = (await store.chunks.forDocument(documentId)).slice(0, 16);
      if (own.length === 0) return [];
      const vector = meanVector(own.map((c) => c.vector));
      const n = Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
      const found = await store.chunks.searchWithDocuments({
        mode: "semantic",
        vector,
        limit: Math.min(1000, Math.max(candidatePool(n, poolSize), n * 10)),
      });
      const others = found.hits.filter((c) => c.documentId !== documentId);
      const docs = found.documents;
      const groups = groupByDocument(others, new Map(docs.map((d) => [d.id, d])));
      return groups.slice(0, n).map((g) => toHit(g.doc, g.chunks, g.score, []));
    },
  };
}
