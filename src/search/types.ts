import type { TagSet } from "../store/types.ts";

export type SearchMode = "hybrid" | "semantic" | "keyword";
export type SearchGroup = "document" | "chunk";

/** Filters by vocabulary id / ISO code; values inside one field are OR-ed, fields AND-ed. */
export interface SearchFilters {
  target?: string[];
  goal?: string[];
  subject?: string[];
  /** Lower-case ISO 3166-1 alpha-2. */
  country?: string[];
  /** ISO 639-1. */
  language?: string[];
  /** CHM record type (e.g. `nationalReport`). */
  type?: string[];
  /** ISO dates on `createdAt`, inclusive. */
  from?: string;
  to?: string;
}

/** `relevance` (best first) or `date` (newest first). */
export type SearchSort = "relevance" | "date";

export interface SearchRequest {
  /** Empty or absent: browse the documents matching the filters, newest first. */
  q?: string;
  mode?: SearchMode;
  filters?: SearchFilters;
  group?: SearchGroup;
  limit?: number;
  /** Opaque `nextCursor` of the previous page of the same query. */
  cursor?: string;
  /** Default `relevance`; browsing (no `q`) is always newest first. */
  sort?: SearchSort;
  /** Keyword and hybrid modes tolerate typos (default true). */
  fuzzy?: boolean;
}

/** A window of a chunk around the query terms. */
export interface Snippet {
  /** Plain text of the window (with `…` where it was cut). */
  text: string;
  /** The same window, HTML-escaped, with the query terms in `<mark>`. */
  html: string;
  /** Offsets of the matched terms inside `text`. */
  matches: { start: number; end: number }[];
  /** Where the window sits in the chunk text (before the `…`). */
  chunkStart: number;
  chunkEnd: number;
}

export interface Passage {
  chunkId: string;
  chunkIndex: number;
  pageStart: number;
  pageEnd: number;
  score: number;
  snippet: Snippet;
}

export interface MatchReason {
  /** Query terms found in the passages. */
  terms: string[];
  semanticScore?: number;
  keywordScore?: number;
  tags: TagSet;
}

export interface SearchHit {
  documentId: string;
  title?: string;
  filename?: string;
  country?: string;
  /** English name of `country`. */
  countryName?: string;
  language: string;
  recordType?: string;
  /** Name of the CHM record type (`nationalReport` → "National report"). */
  recordTypeName?: string;
  createdAt: string;
  /** Relevance 0–1, one scale in every mode (0 when browsing); the components are in `why`. */
  score: number;
  tags: TagSet;
  /** Best 1–3 passages (one in `group: "chunk"` mode; none when browsing). */
  passages: Passage[];
  why: MatchReason;
}

export interface FacetValue {
  id: string;
  label: string;
  count: number;
}

export interface Facets {
  targets: FacetValue[];
  goals: FacetValue[];
  subjects: FacetValue[];
  countries: FacetValue[];
  languages: FacetValue[];
  types: FacetValue[];
}

export interface SearchResponse {
  hits: SearchHit[];
  facets: Facets;
  nextCursor: string | null;
  /** Hits in the candidate set (documents, or chunks in chunk mode). */
  total: number;
  /** What `facets` and `total` count. */
  counts: FacetCounts;
  /** The relevance floor applied (semantic and hybrid modes with a query). */
  floor: RelevanceFloor;
}

/**
 * Semantic and hybrid search return every candidate however weak; documents whose best passage
 * is below `minRelevance` are dropped (`dropped` of them), so nonsense gets no results.
 */
export interface RelevanceFloor {
  /** null: no floor (keyword mode, browsing). */
  minRelevance: number | null;
  dropped: number;
}

/**
 * Facet counts and `total` are over the candidate set, not every match in the store: a query
 * retrieves its best `candidates` chunks (sized to the page asked for) and counts the documents
 * among them (`scope: "candidates"`). Browsing (no `q`) counts every matching document when
 * there are fewer than `candidates` (`scope: "all"`).
 */
export interface FacetCounts {
  scope: "candidates" | "all";
  candidates: number;
}

export interface SearchService {
  search(req: SearchRequest): Promise<SearchResponse>;
  /** Documents close to one document (mean of its chunk vectors), itself excluded. */
  similar(documentId: string, limit?: number): Promise<SearchHit[]>;
}
