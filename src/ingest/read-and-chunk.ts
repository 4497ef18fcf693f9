import { chunkDocument } from "../chunk/index.ts";
import { AppError, toAppError } from "../errors.ts";
import { extractDocument } from "../extract/index.ts";
import type { PreparedDocument, PrepareOptions } from "./prepare-document.ts";

/**
 * Extract → chunk → MAX_CHUNKS, in whatever thread calls it (the reader threads, or the caller's
 * own event loop when no reader is wired). A RangeError on a huge input (stack overflow, string
 * too long) is deterministic, so it becomes a non-transient `extraction_failed`.
 */
export async function readAndChunk(
  bytes: Uint8Array,
  opts: PrepareOptions,
  onPage?: (done: number, total: number) => void,
): Promise<PreparedDocument> {
  try {
    const extracted = await extractDocument(bytes, { ...opts.extract, ...(onPage ? { onPage } : {}) });
    const chunks = await chunkDocument(extracted, opts.chunk);
    if (chunks.length > opts.maxChunks) throw tooManyChunks(chunks.length, opts.maxChunks);
    return { extracted, chunks };
  } catch (e) {
    if (e instanceof RangeError) {
      throw new AppError("extraction_failed", `The document could not be read: ${e.message}`, { cause: e });
    }
    throw toAppError(e);
  }
}

/** `too_large` for a document that chunks into more than MAX_CHUNKS pieces. */
export function tooManyChunks(chunks: number, maxChunks: number): AppError {
  return new AppError(
    "too_large",
    `The document makes ${chunks.toLocaleString("en")} chunks; the limit is ${maxChunks.toLocaleString("en")} (MAX_CHUNKS). Split it into smaller files.`,
    { details: { limit: "MAX_CHUNKS", maxChunks, chunks } },
  );
}

/** `too_large` for a document whose reading ran out of its thread's heap (EXTRACT_HEAP_MB). */
export function outOfHeap(heapMb: number): AppError {
  return new AppError(
    "too_large",
    `Reading the document needed more than ${heapMb} MB of memory (EXTRACT_HEAP_MB); it is too large or too complex. Split it into smaller files.`,
    { details: { limit: "EXTRACT_HEAP_MB", heapMb } },
  );
}
