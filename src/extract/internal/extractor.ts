import { AppError } from "../../errors.ts";
import type { ExtractedPage, ExtractOptions, MediaType } from "../types.ts";
import type { OcrEngine } from "./ocr.ts";

/** What every format extractor gets besides the bytes. */
export interface ExtractContext {
  opts: ExtractOptions;
  /** Aborted when the overall extraction timeout fires; long loops check it between pages. */
  signal: AbortSignal;
  warn: (message: string) => void;
  /** Lazily started OCR; only the PDF extractor uses it. */
  ocr: OcrEngine;
}

export interface ExtractorOutput {
  pages: ExtractedPage[];
  title?: string;
}

export type Extractor = (bytes: Uint8Array, ctx: ExtractContext) => Promise<ExtractorOutput>;

/** `too_large` for a document holding more than MAX_TEXT_CHARS characters of text (`chars` or more). */
export function textTooLarge(chars: number, maxTextChars: number, atLeast = false): AppError {
  return new AppError(
    "too_large",
    `The document holds ${atLeast ? "more than " : ""}${chars.toLocaleString("en")} characters of text; the limit is ${maxTextChars.toLocaleString("en")} (MAX_TEXT_CHARS). Split it into smaller files.`,
    { details: { limit: "MAX_TEXT_CHARS", maxTextChars, chars } },
  );
}

/** Normalises extracted text: unified newlines, trimmed lines, at most one blank line in a row. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\f\v\u00a0 ]+/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** First non-empty line, if it is short enough to be a heading. */
export function firstLineTitle(text: string): string | undefined {
  const line = text
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim();
  return line && line.length <= 160 ? line.replace(/^#+\s*/, "") : undefined;
}

export const MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html",
  text: "text/plain",
  markdown: "text/markdown",
} as const satisfies Record<string, MediaType>;
