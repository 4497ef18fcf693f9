/** The search stage: grouped, faceted, highlighted search over the store (no HTTP here). */
export {
  createSearchService,
  DEFAULT_LIMIT,
  DEFAULT_POOL_SIZE,
  MAX_LIMIT,
  MAX_QUERY_CHARS,
  storeRequest,
} from "./search-service.ts";
export type { SearchServiceDeps } from "./search-service.ts";
export { COUNTRY_RE, LANGUAGE_RE, RECORD_TYPE_RE, ISO_DATE_RE, validateFilters } from "./internal/filters.ts";
export { toCsv } from "./csv.ts";
export { termLabel } from "./internal/facets.ts";
export type {
  Facets,
  FacetValue,
  MatchReason,
  Passage,
  SearchFilters,
  SearchGroup,
  SearchHit,
  SearchMode,
  SearchRequest,
  SearchResponse,
  SearchService,
  Snippet,
} from "./types.ts";
