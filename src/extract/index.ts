/** extract: bytes in, text with page numbers out. Never touches the filesystem for documents. */
export { extractDocument } from "./internal/extract.ts";
export { sniffMediaType } from "./internal/sniff.ts";
export { detectLanguage } from "./language.ts";
export { extractOptionsFromConfig } from "./internal/options.ts";
export type { ExtractedDocument, ExtractedPage, ExtractOptions, LanguageCode, MediaType } from "./types.ts";
