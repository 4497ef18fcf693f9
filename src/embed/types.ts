export type EmbedKind = "query" | "passage";

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
  embed(texts: string[], kind: EmbedKind): Promise<Float32Array[]>;
  close?(): Promise<void>;
}
