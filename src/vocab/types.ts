/** The six UN languages; every CHM text field is an lstring keyed by them. */
export const UN_LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];
export type LString = Partial<Record<UnLanguage, string>>;

export type VocabDomain = "gbf-goals" | "gbf-targets" | "cbd-subjects" | "aichi-targets" | "sdgs";

/** A term in the shape of the CBD thesaurus API. */
export interface Term {
  identifier: string;
  domain: VocabDomain;
  name: string;
  title: LString;
  shortTitle: LString;
  longDescription: LString;
  broaderTerms: string[];
  narrowerTerms: string[];
  relatedTerms: string[];
}

export interface Vocabulary {
  domains(): VocabDomain[];
  terms(domain: VocabDomain): Term[];
  get(identifier: string): Term | undefined;
  has(identifier: string): boolean;
  /** GBF goals a target contributes to (the GBF's own grouping). */
  goalsOfTarget(targetId: string): string[];
  /** Transitive broader terms (a narrower subject implies its broader one). */
  broaderOf(identifier: string): string[];
  /** Aichi targets, CBD subjects and SDGs related to a GBF target (the CBD's crosswalk). */
  crosswalk(targetId: string): string[];
}
