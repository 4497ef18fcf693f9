import { AppError, isAppError } from "../../errors.ts";
import type { ExtractedDocument, ExtractOptions, MediaType } from "../types.ts";
import { extractDocx } from "./docx.ts";
import { textTooLarge, type Extractor } from "./extractor.ts";
import { extractHtml } from "./html.ts";
import { detectLanguage } from "./language.ts";
import { createOcrEngine } from "./ocr.ts";
import { extractPdf } from "./pdf.ts";
import { sniffMediaType } from "./sniff.ts";
import { extractText } from "./text.ts";

const EXTRACTORS: Record<MediaType, Extractor> = {
  "application/pdf": extractPdf,
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": extractDocx,
  "text/html": extractHtml,
  "text/plain": extractText,
  "text/markdown": extractText,
};

/**
 * Turns uploaded bytes into text with page numbers. The media type is sniffed from the bytes;
 * scanned PDF pages are OCRed when `opts.ocr.enabled`. Throws `AppError` with a specific code
 * (`empty_file`, `unsupported_media_type`, `corrupt_file`, `encrypted_pdf`, `binary_as_text`,
 * `too_large` past MAX_UPLOAD_MB, MAX_TEXT_CHARS or MAX_DECOMPRESSED_MB, `too_many_pages`, `timeout`).
 *
 * @example
 * const doc = await extractDocument(bytes, extractOptionsFromConfig(config));
 * doc.pages[2]?.text; // text of page 3
 */
export async function extractDocument(bytes: Uint8Array, opts: ExtractOptions): Promise<ExtractedDocument> {
  if (bytes.length > opts.maxBytes) {
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw new AppError("too_large", `The file is ${mb(bytes.length)} MB; the limit is ${mb(opts.maxBytes)} MB.`, {
      details: { limit: "MAX_UPLOAD_MB", bytes: bytes.length, maxBytes: opts.maxBytes },
    });
  }
  const mediaType = await sniffMediaType(bytes, opts.filename);
  const controller = new AbortController();
  const ocr = createOcrEngine(opts.ocr.langs);
  const warnings: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new AppError(
          "timeout",
          `Reading the document took longer than ${Math.round(opts.timeoutMs / 1000)} s and was stopped.`,
          {
            transient: false,
          },
        ),
      );
    }, opts.timeoutMs);
  });
  try {
    const ctx = { opts, signal: controller.signal, warn: (m: string) => warnings.push(m), ocr };
    const running = EXTRACTORS[mediaType](bytes, ctx);
    // After a timeout the extractor winds down on its own; its late failure is not news.
    running.catch(() => undefined);
    const out = await Promise.race([running, timedOut]).catch((cause: unknown) => {
      if (isAppError(cause)) throw cause;
      throw new AppError("extraction_failed", "The document could not be read; it may be damaged.", { cause });
    });
    if (out.pages.every((p) => p.source !== "needs_ocr" && p.text === "")) {
      throw new AppError("empty_file", "No readable text was found in the document.");
    }
    const text = out.pages.map((p) => p.text).join("\n\n");
    if (text.length > opts.maxTextChars) throw textTooLarge(text.length, opts.maxTextChars);
    const pageOffsets: number[] = [];
    let offset = 0;
    for (const page of out.pages) {
      pageOffsets.push(offset);
      offset += page.text.length + 2;
    }
    const doc: ExtractedDocument = {
      mediaType,
      pages: out.pages,
      text,
      pageOffsets,
      language: detectLanguage(text),
      warnings,
    };
    if (out.title) doc.title = out.title;
    return doc;
  } finally {
    clearTimeout(timer);
    await ocr.terminate();
  }
}
