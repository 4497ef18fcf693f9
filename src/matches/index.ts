/** Matchmaking: Bio-Bridge needs matched with offers, and back, with reasons (no HTTP here). */
export { createMatchService, type MatchDeps, type MatchService } from "./match-service.ts";
export { invertGold, type MatchMetrics, type MatchQueryResult, type MatchRecord, matchMetrics } from "./evaluate.ts";
export { SCORING, WEIGHTS } from "./internal/score.ts";
export type { Match, MatchComponents, MatchPassage, MatchReason, MatchReport, MatchRole } from "./types.ts";
export { NEED_TYPES, OFFER_TYPES } from "./types.ts";
