export { loadVocabulary, createVocabulary, DEFAULT_CORPORA_DIR } from "./load.ts";
export { toSkosJsonLd } from "./skos.ts";
export { goalOfTargetNumber } from "./internal/goals.ts";
export { UN_LANGUAGES } from "./types.ts";
export type { LString, Term, UnLanguage, VocabDomain, Vocabulary } from "./types.ts";
export { loadRecordTypes, type RecordType, recordTypeName } from "./record-types.ts";
