import type { ClassificationResult, Classifier } from "../classify/types.ts";
import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import { citeEvidencePages } from "./evidence-pages.ts";
import type { DocumentReader } from "./document-reader.ts";
import { prepareDocument, prepareOptionsFromConfig } from "./prepare-document.ts";

/** What classifying a file needs: the classifier and chunks sized for the embedder's window. */
export interface ClassifyFileDeps {
  classifier: Classifier;
  config: Config;
  /** The embedder's `maxChars` (chunks are cut as ingestion cuts them). */
  maxChars: number;
  /** Reads and chunks in bounded worker threads; absent = on this event loop. */
  reader?: DocumentReader;
}

export interface ClassifyFileOptions {
  /** Names the chunks in the evidence (`<filename>:<index>`) and tells Markdown from text. */
  filename?: string;
  /** Stops reading the file (the request was dropped). */
  signal?: AbortSignal;
}

export interface FileClassification {
  result: ClassificationResult;
  /** The detected language; undefined when undetermined. */
  language?: string;
  pageCount: number;
  chunkCount: number;
}

/**
 * Classifies one file the way ingestion reads it, storing nothing: extracted and chunked (in a
 * bounded worker thread when `reader` is given) within MAX_UPLOAD_MB, MAX_TEXT_CHARS, MAX_DECOMPRESSED_MB and MAX_CHUNKS, then
 * scored chunk by chunk, so every evidence passage names its chunk and the page it is on.
 * `POST /v1/classify` (file form) and `cli classify <file>` both call this.
 * Throws the stages' AppErrors (`too_large`, `corrupt_file`, `needs_ocr`, ...).
 *
 * @example
 * const { result } = await classifyFile({ classifier, config, maxChars: embedder.maxChars }, bytes, { filename: "report.pdf" });
 * result.suggestions[0]?.evidence[0]?.page // 4
 */
export async function classifyFile(
  deps: ClassifyFileDeps,
  bytes: Uint8Array,
  opts: ClassifyFileOptions = {},
): Promise<FileClassification> {
  const { classifier, config, maxChars } = deps;
  const { extracted, chunks } = await prepareDocument(
    deps.reader,
    bytes,
    prepareOptionsFromConfig(config, maxChars, opts.filename),
    opts.signal ? { signal: opts.signal } : {},
  );
  if (chunks.length === 0) {
    throw new AppError("needs_ocr", "No text could be read from the file; its pages are scans and OCR is off.");
  }
  const language = extracted.language !== "und" ? extracted.language : undefined;
  const name = opts.filename ?? "document";
  const named = chunks.map((c) => ({ ...c, id: `${name}:${c.index}` }));
  const result = await classifier.classifyChunks(
    named.map((c) => ({ id: c.id, text: c.text, page: c.pageStart, start: c.charStart })),
  );
  return {
    result: citeEvidencePages(result, named, extracted.pageOffsets),
    ...(language ? { language } : {}),
    pageCount: extracted.pages.length,
    chunkCount: chunks.length,
  };
}
