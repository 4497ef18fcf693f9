/** The language guess alone, for stages that must not load the document readers (classify). */
export { detectLanguage } from "./internal/language.ts";
