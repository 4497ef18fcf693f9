/** Media types chm-lens can extract. Sniffed from bytes, never trusted from a file name. */
export type MediaType =
  | "application/pdf"
  | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  | "text/html"
  | "text/plain"
  | "text/markdown";

/** ISO 639-1 code of the six UN languages, another ISO 639-1 code, or "und". */
export type LanguageCode = string;

export interface ExtractedPage {
  /** 1-based page number (DOCX/HTML/text: a single page 1). */
  page: number;
  text: string;
  /** How the text was obtained. `needs_ocr`: no text layer and OCR was off or unavailable. */
  source: "text" | "ocr" | "needs_ocr";
}

export interface ExtractedDocument {
  mediaType: MediaType;
  pages: ExtractedPage[];
  /** All page texts joined with "\n\n"; `pageOffsets[i]` is where page i starts in it. */
  text: string;
  pageOffsets: number[];
  language: LanguageCode;
  title?: string;
  /** Human-readable notes (e.g. "page 3 OCRed", "decoded as latin1"). */
  warnings: string[];
}

export interface ExtractOptions {
  maxBytes: number;
  maxPages: number;
  timeoutMs: number;
  /** Longest text accepted (characters, all pages); past it `too_large` (MAX_TEXT_CHARS). */
  maxTextChars: number;
  /** DOCX: bytes all zip entries may inflate to; past it `too_large` before unpacking (MAX_DECOMPRESSED_MB). */
  maxDecompressedBytes: number;
  /** Called after each PDF page is read, for progress. */
  onPage?: (done: number, total: number) => void;
  ocr: { enabled: boolean; langs: string[] };
  /** A hint from the submitter; the sniffed type still decides. */
  filename?: string;
}
