/** Test helpers for search: a deterministic word-hashing embedder and document builders. */
import { createHash } from "node:crypto";
import type { Embedder } from "../../embed/types.ts";
import type { ChunkRecord, DocumentRecord } from "../../store/types.ts";

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

export function doc(id: string, over: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    contentHash: `h-${id}`,
    mediaType: "text/plain",
    language: "en",
    pageCount: 1,
    chunkCount: 0,
    byteSize: 10,
    needsOcrPages: [],
    tags: { targets: [], goals: [], subjects: [], sdgs: [] },
    classificationJson: "{}",
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-01T10:00:00.000Z",
    ...over,
  };
}

export function chunks(d: DocumentRecord, texts: string[]): ChunkRecord[] {
  let at = 0;
  return texts.map((text, index) => {
    const c = { id: `${d.id}:${index}`, documentId: d.id, contentHash: d.contentHash, index, text, pageStart: index + 1,
      pageEnd: index + 1, charStart: at, charEnd: at + text.length, language: d.language, vector: hashEmbed(text) };
    at += text.length + 2;
    return c;
  });
}
