import type { Embedder } from "../embed/types.ts";
import { AppError } from "../errors.ts";
import type { ChunkFilter, DocumentRecord, DocumentStore } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { decodeCursor, encodeCursor, queryHash } from "./internal/cursor.ts";
import { computeFacets } from "./internal/facets.ts";
import { validateFilters } from "./internal/filters.ts";
import { queryTerms } from "./internal/highlight.ts";
import { groupByDocument, toHit } from "./internal/hits.ts";
import type { SearchHit, SearchRequest, SearchResponse, SearchService } from "./types.ts";

export interface SearchServiceDeps {
  store: DocumentStore;
  embedder: Embedder;
  vocab: Vocabulary;
  /** Chunks fetched per query before grouping; facets and totals are counted over them. */
  poolSize?: number;
  /** Documents listed when browsing (empty query); facets and totals are counted over them. */
  browseMax?: number;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 100;
export const MAX_QUERY_CHARS = 1000;

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
  const poolSize = deps.poolSize ?? 300;
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
      const chunks = await store.chunks.search({ mode, text: q, vector, filter, limit: poolSize });
      const docs = await store.documents.getMany([...new Set(chunks.map((c) => c.documentId))]);
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
        return { hits, facets, nextCursor, total: live.length };
      }
      const { items, nextCursor } = page(groups, offset, limit, hash);
      return {
        hits: items.map((g) => toHit(g.doc, g.chunks, g.score, terms)),
        facets,
        nextCursor,
        total: groups.length,
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
      const chunks = await store.chunks.search({
        mode: "semantic",
        vector,
        limit: Math.min(1000, Math.max(poolSize, n * 10)),
      });
      const others = chunks.filter((c) => c.documentId !== documentId);
      const docs = await store.documents.getMany([...new Set(others.map((c) => c.documentId))]);
      const groups = groupByDocument(others, new Map(docs.map((d) => [d.id, d])));
      return groups.slice(0, n).map((g) => toHit(g.doc, g.chunks, g.score, []));
    },
  };
}
