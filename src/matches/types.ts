/** Bio-Bridge record types: requests for assistance (needs) and providers/opportunities (offers). */
export const NEED_TYPES = ["bbiRequest"] as const;
export const OFFER_TYPES = ["bbiOpportunity", "bbiProfile"] as const;

export type MatchRole = "need" | "offer";

export interface MatchPassage {
  text: string;
  page?: number;
}

export interface MatchReason {
  sharedTargets: { id: string; name: string }[];
  sharedSubjects: { id: string; name: string }[];
  /** "same country", "same sub-region (Western Africa)", "same region (Africa)", "global offer", or "". */
  place: string;
  sameLanguage: boolean;
  /** The closest pair of passages: one from the document, one from the counterpart. */
  passages?: { own: MatchPassage; theirs: MatchPassage; similarity: number };
}

export interface MatchComponents {
  semantic: number;
  targets: number;
  subjects: number;
  place: number;
  language: number;
}

export interface Match {
  document: { id: string; title: string; recordType: string; country?: string; language: string };
  score: number;
  components: MatchComponents;
  reason: MatchReason;
}

export interface MatchReport {
  document: { id: string; title: string; recordType: string; role: MatchRole };
  /** Counterpart record types searched. */
  counterpartTypes: string[];
  matches: Match[];
  /** How `score` is made, so users can read it. */
  scoring: string;
}
