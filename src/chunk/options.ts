import type { Config } from "../config.ts";
import { AppError } from "../errors.ts";
import type { ChunkOptions } from "./types.ts";

/** Share of a chunk repeated at the start of the next one when CHUNK_OVERLAP is not set. */
const DEFAULT_OVERLAP_RATIO = 0.12;

/**
 * Chunk size and overlap for an embedder: CHUNK_SIZE / CHUNK_OVERLAP win when > 0, otherwise
 * chunks fill the model's window (`maxChars`) with about 12% overlap.
 *
 * @example chunkOptionsFor(embedder.maxChars, config) // { size: 1000, overlap: 120 }
 */
export function chunkOptionsFor(maxChars: number, config: Pick<Config, "CHUNK_SIZE" | "CHUNK_OVERLAP">): ChunkOptions {
  const size = config.CHUNK_SIZE > 0 ? config.CHUNK_SIZE : Math.floor(maxChars);
  const overlap = config.CHUNK_OVERLAP > 0 ? config.CHUNK_OVERLAP : Math.round(size * DEFAULT_OVERLAP_RATIO);
  if (size < 1) throw new AppError("config_invalid", `Chunk size must be positive (got ${size})`);
  if (overlap >= size) {
    throw new AppError("config_invalid", `CHUNK_OVERLAP (${overlap}) must be smaller than the chunk size (${size})`);
  }
  return { size, overlap };
}
