/** Test helpers for search: a deterministic word-hashing embedder (records: test/helpers/records.ts). */
import { createHash } from "node:crypto";
import type { Embedder } from "../../embed/types.ts";

export const DIMS = 64;

/** Bag of words hashed into DIMS buckets, normalised: texts sharing words are close. */
export function hashEmbed(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    v[createHash("md5").update(w).digest()[0]! % DIMS]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

export const hashEmbedder: Embedder = {
  modelId: "hash-test",
  dims: DIMS,
  maxChars: 1000,
  multilingual: false,
  embed: async (texts) => texts.map(hashEmbed),
};
