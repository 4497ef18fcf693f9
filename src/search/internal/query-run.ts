import type { ChunkFilter, ChunkHit, DocumentStore, DocumentSummary, SearchChunksRequest } from "../../store/types.ts";
import type { Facets, SearchMode } from "../types.ts";
import { type DocGroup, groupByDocument } from "./hits.ts";
import { rescore } from "./relevance.ts";

export interface RunResult {
  /** Documents at or above the floor, best first. */
  groups: DocGroup[];
  /** Their chunks on the relevance scale, best first. */
  chunks: ChunkHit[];
  /** Candidate documents below the floor. */
  dropped: number;
}

/**
 * One retrieval: the store's candidates re-scored on the relevance scale, grouped by document,
 * and the documents whose best passage is below `minRelevance` dropped (0 keeps all).
 */
export async function runQuery(
  store: DocumentStore,
  request: SearchChunksRequest,
  terms: string[],
  mode: SearchMode,
  minRelevance: number,
): Promise<RunResult> {
  const { hits, documents } = await store.chunks.searchWithDocuments(request);
  const byId = new Map(documents.map((d) => [d.id, d]));
  const scored = rescore(hits, terms, mode, request.fuzzy ?? false);
  const all = groupByDocument(scored, byId);
  const groups = all.filter((g) => (g.chunks[0]?.score ?? 0) >= minRelevance);
  const kept = new Set(groups.map((g) => g.doc.id));
  return { groups, chunks: scored.filter((c) => kept.has(c.documentId)), dropped: all.length - groups.length };
}

/** facets key → the filter field that narrows it. */
const FACET_FILTER: Record<keyof Facets, keyof ChunkFilter> = {
  targets: "targets",
  goals: "goals",
  subjects: "subjects",
  countries: "countries",
  languages: "languages",
  types: "recordTypes",
};

/**
 * Facets where a group's own selection does not narrow its counts (OR within a group, AND
 * across groups, as in Meilisearch or Algolia): each group with ticked values is counted over the
 * documents matching every other group's filter, so a second country can still be ticked.
 */
export async function disjunctiveFacets(
  filter: ChunkFilter,
  base: Facets,
  docsWithout: (filter: ChunkFilter) => Promise<DocumentSummary[]>,
  count: (docs: DocumentSummary[]) => Facets,
): Promise<Facets> {
  const out = { ...base };
  for (const key of Object.keys(FACET_FILTER) as (keyof Facets)[]) {
    const field = FACET_FILTER[key];
    const chosen = filter[field];
    if (!Array.isArray(chosen) || chosen.length === 0) continue;
    const { [field]: _, ...others } = filter;
    out[key] = count(await docsWithout(others))[key];
  }
  return out;
}
