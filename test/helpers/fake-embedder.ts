/**
 * The one deterministic fake embedder for unit tests of the stages around embedding (the pipeline
 * tests use the real shipped model). Words are hashed into `dims` buckets and the vector is made unit
 * length, so texts that share words are close and a query finds the passage that contains its
 * words; every call is recorded in `calls`.
 */
import { createHash } from "node:crypto";
import type { Embedder } from "../../src/embed/index.ts";

export interface FakeEmbedderOptions {
  /** Vector length (a store is created with the same number). Default 64. */
  dims?: number;
  /** Model id recorded with vectors and classifications. Default `hash-test`. */
  modelId?: string;
  /** Chunk size the chunker is asked for. Default 800. */
  maxChars?: number;
}

/** Bag of words hashed into `dims` buckets, unit length (all zeros stay zeros). */
export function hashEmbed(text: string, dims = 64): Float32Array {
  const v = new Float32Array(dims);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    v[createHash("md5").update(w).digest()[0]! % dims]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

/**
 * @example
 * const embedder = fakeEmbedder({ dims: 8 });
 * const store = await createStore({ uri, dims: 8, embeddingModelId: embedder.modelId });
 * // a test-specific behaviour (slow, failing) overrides `embed` and can still call the original:
 * const slow = fakeEmbedder({ embed: async (t, k) => { await gate; return embedder.embed(t, k); } });
 */
export function fakeEmbedder(options: FakeEmbedderOptions & Partial<Embedder> = {}): Embedder & { calls: string[][] } {
  const { dims = 64, modelId = "hash-test", maxChars = 800, ...over } = options;
  const calls: string[][] = [];
  return {
    modelId,
    dims,
    maxChars,
    multilingual: false,
    calls,
    async embed(texts) {
      calls.push(texts);
      return texts.map((t) => hashEmbed(t, dims));
    },
    ...over,
  };
}
