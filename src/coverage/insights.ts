import { type Countries, createCountries } from "../geo/index.ts";
import { createMatchService, type MatchService } from "../matches/index.ts";
import type { DocumentStore } from "../store/index.ts";
import type { Vocabulary } from "../vocab/index.ts";
import { type CoverageService, createCoverageService } from "./coverage-service.ts";

/** The services built on tags and vectors: coverage, country summaries, matchmaking. */
export interface Insights {
  countries: Countries;
  coverage: CoverageService;
  matches: MatchService;
}

/** Builds the insight services over one store (the API, the CLI and the eval share them). */
export function createInsights(store: DocumentStore, vocab: Vocabulary): Insights {
  const countries = createCountries();
  return {
    countries,
    coverage: createCoverageService({ store, vocab, countries }),
    matches: createMatchService({ store, vocab, countries }),
  };
}
