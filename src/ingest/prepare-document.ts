import { type Chunk, type ChunkOptions, chunkOptionsFor } from "../chunk/index.ts";
import type { Config } from "../config.ts";
import { extractOptionsFromConfig } from "../extract/index.ts";
import type { ExtractedDocument, ExtractOptions } from "../extract/types.ts";
import type { DocumentReader } from "./document-reader.ts";
import { readAndChunk } from "./read-and-chunk.ts";

/** How one document is read: extraction limits and chunk sizes. */
export interface PrepareOptions {
  extract: Omit<ExtractOptions, "onPage">;
  chunk: ChunkOptions;
  /** Most chunks per document (MAX_CHUNKS). */
  maxChunks: number;
}

/** A document read and cut into chunks, ready to embed or classify. */
export interface PreparedDocument {
  extracted: ExtractedDocument;
  chunks: Chunk[];
}

export interface PrepareCallOptions {
  /** Aborting stops the reading (the reader thread is stopped) and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** After each PDF page: pages read so far and the page count. */
  onPage?: (done: number, total: number) => void;
}

/** The prepare options a config asks for, with chunks sized for an embedder's window. */
export function prepareOptionsFromConfig(config: Config, maxChars: number, filename?: string): PrepareOptions {
  return {
    extract: { ...extractOptionsFromConfig(config), ...(filename ? { filename } : {}) },
    chunk: chunkOptionsFor(maxChars, config),
    maxChunks: config.MAX_CHUNKS,
  };
}

/**
 * bytes → extracted text with pages → chunks, enforcing MAX_TEXT_CHARS, MAX_DECOMPRESSED_MB and
 * MAX_CHUNKS. With a `reader` (what the server and CLI wire) it runs in a bounded worker thread; without
 * one (unit tests of other stages) on the caller's event loop. Throws the extract stage's AppErrors.
 *
 * @example
 * const { extracted, chunks } = await prepareDocument(reader, bytes, prepareOptionsFromConfig(config, embedder.maxChars));
 */
export async function prepareDocument(
  reader: DocumentReader | undefined,
  bytes: Uint8Array,
  opts: PrepareOptions,
  call: PrepareCallOptions = {},
): Promise<PreparedDocument> {
  if (reader) return reader.read(bytes, opts, call);
  call.signal?.throwIfAborted();
  const prepared = await readAndChunk(bytes, opts, call.onPage);
  call.signal?.throwIfAborted();
  return prepared;
}
