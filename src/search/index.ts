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
