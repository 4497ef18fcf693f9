export type { Chunk, ChunkOptions } from "./types.ts";
export { chunkDocument, chunksFromSplits, type ChunkableDocument } from "./recursive.ts";
export { chunkOptionsFor } from "./options.ts";
export { pageAt } from "./internal/locate.ts";
