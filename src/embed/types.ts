export type EmbedKind = "query" | "passage";

export interface EmbedCallOptions {
  /** Stops the call: batches not started yet are dropped and the call rejects with the reason. */
  signal?: AbortSignal;
  /** Called as batches finish, with the number of texts embedded so far. */
  onProgress?: (embedded: number) => void;
}

/**
 * One interface over every embedding backend. Vectors are L2-normalised; a backend applies
 * its model's own prefixes (e5's `query: ` / `passage: `) itself, never its callers.
 */
export interface Embedder {
  /** Stable id recorded with every vector and classification, e.g. `use-lite-512@0.2.0`. */
  readonly modelId: string;
  readonly dims: number;
  /** Characters a chunk should hold so it fits the model's window. */
  readonly maxChars: number;
  /** True when the model handles French, Spanish, … (false for the English-only USE). */
  readonly multilingual: boolean;
  embed(texts: string[], kind: EmbedKind, options?: EmbedCallOptions): Promise<Float32Array[]>;
  close?(): Promise<void>;
}
