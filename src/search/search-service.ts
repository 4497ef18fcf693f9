import type { Embedder } from "../embed/types.ts";
import { AppError } from "../errors.ts";
import type {
  ChunkFilter,
  DocumentRecord,
  DocumentStore,
  DocumentSummary,
  SearchChunksRequest,
} from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { decodeCursor, encodeCursor, queryHash } from "./internal/cursor.ts";
import { computeFacets } from "./internal/facets.ts";
import { validateFilters } from "./internal/filters.ts";
import { queryTerms } from "./internal/highlight.ts";
import { type DocGroup, groupByDocument, toHit } from "./internal/hits.ts";
import { disjunctiveFacets, runQuery } from "./internal/query-run.ts";
import { rescore } from "./internal/relevance.ts";
import type { SearchHit, SearchMode, SearchRequest, SearchResponse, SearchService } from "./types.ts";

export interface SearchServiceDeps {
  store: DocumentStore;
  embedder: Embedder;
  vocab: Vocabulary;
  /** Most candidate chunks fetched per query (the pool is sized to the page up to this). */
  poolSize?: number;
  /** Documents listed when browsing (empty query); facets and totals are counted over them. */
  browseMax?: number;
  /** Relevance floor per mode (0–1; 0 = none): documents whose best passage is below are dropped. */
  minRelevance?: { semantic: number; hybrid: number };
}

/** Floors calibrated on the samples (README, Search relevance; bench/search-relevance.ts). */
export const DEFAULT_MIN_RELEVANCE = { semantic: 0.2, hybrid: 0.18 } as const;

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
  fuzzy?: boolean;
}): SearchChunksRequest {
  return {
    mode: req.mode,
    text: req.q,
    vector: req.vector,
    filter: req.filter,
    limit: candidatePool(req.end ?? DEFAULT_LIMIT, req.poolSize),
    fuzzy: req.mode !== "semantic" && (req.fuzzy ?? true),
  };
}

const byDate = (a: DocGroup, b: DocGroup) => b.doc.createdAt.localeCompare(a.doc.createdAt) || b.score - a.score;

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
  const floors = deps.minRelevance ?? DEFAULT_MIN_RELEVANCE;

  const page = <T>(items: T[], offset: number, limit: number, hash: string) => ({
    items: items.slice(offset, offset + limit),
    nextCursor: offset + limit < items.length ? encodeCursor(offset + limit, hash) : null,
  });

  async function browse(filter: ChunkFilter, limit: number, offset: number, hash: string): Promise<SearchResponse> {
    // The store lists newest first.
    const docs = await store.documents.listSummaries({ limit: browseMax, filter });
    const { items, nextCursor } = page(docs, offset, limit, hash);
    const count = (d: DocumentSummary[]) => computeFacets(d, vocab);
    const without = (f: ChunkFilter) => store.documents.listSummaries({ limit: browseMax, filter: f });
    return {
      hits: items.map((d) => toHit(d, [], 0, [])),
      facets: await disjunctiveFacets(filter, count(docs), without, count),
      floor: { minRelevance: null, dropped: 0 },
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
      const sort = req.sort ?? "relevance";
      const fuzzy = req.fuzzy ?? true;
      const hash = queryHash(q ? { q, mode, group, filter, sort, fuzzy } : { browse: true, filter });
      const offset = req.cursor ? decodeCursor(req.cursor, hash) : 0;
      if (!q) return browse(filter, limit, offset, hash);

      // Keyword mode embeds the query too: its hits are shown on the same relevance scale.
      const [vector] = await embedder.embed([q], "query");
      const end = offset + limit;
      const terms = queryTerms(q);
      const minRelevance = mode === "keyword" ? 0 : floors[mode];
      const request = (f: ChunkFilter) => storeRequest({ q, mode, vector, filter: f, end, poolSize, fuzzy });
      const run = (f: ChunkFilter) => runQuery(store, request(f), terms, mode, minRelevance);
      const { groups, chunks, dropped } = await run(filter);
      if (sort === "date") groups.sort(byDate);
      const counts = { scope: "candidates" as const, candidates: request(filter).limit };
      const count = (docs: DocumentSummary[]) => computeFacets(docs, vocab);
      const facets = await disjunctiveFacets(
        filter,
        count(groups.map((g) => g.doc)),
        async (f) => (await run(f)).groups.map((g) => g.doc),
        count,
      );
      const floor = { minRelevance: mode === "keyword" ? null : minRelevance, dropped };

      if (group === "chunk") {
        const byId = new Map(groups.map((g) => [g.doc.id, g.doc]));
        const { items, nextCursor } = page(chunks, offset, limit, hash);
        const hits = items.map((c) => toHit(byId.get(c.documentId)!, [c], c.score, terms, 1));
        return { hits, facets, nextCursor, total: chunks.length, counts, floor };
      }
      const { items, nextCursor } = page(groups, offset, limit, hash);
      return {
        hits: items.map((g) => toHit(g.doc, g.chunks, g.score, terms)),
        facets,
        nextCursor,
        total: groups.length,
        counts,
        floor,
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
      const groups = groupByDocument(rescore(others, [], "semantic"), new Map(docs.map((d) => [d.id, d])));
      return groups.slice(0, n).map((g) => toHit(g.doc, g.chunks, g.score, []));
    },
  };
}
