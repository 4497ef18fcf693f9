/** Small deterministic store records for tests of the store and the stages above it. */
import type { ChunkRecord, DocumentRecord } from "../../src/store/types.ts";

/** A plain-text English document record with no tags, dated 2024-05-01. */
export function makeDoc(id: string, over: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id,
    contentHash: `hash-${id}`,
    mediaType: "text/plain",
    language: "en",
    pageCount: 1,
    chunkCount: 0,
    byteSize: 100,
    needsOcrPages: [],
    tags: { targets: [], goals: [], subjects: [], sdgs: [] },
    classificationJson: "",
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-01T10:00:00.000Z",
    ...over,
  };
}

/** The document's chunks, one per page, with offsets as if joined by blank lines. */
export function makeChunks(doc: DocumentRecord, texts: [string, Float32Array][]): ChunkRecord[] {
  let at = 0;
  return texts.map(([text, vector], index) => {
    const chunk = {
      id: `${doc.id}:${index}`,
      documentId: doc.id,
      contentHash: doc.contentHash,
      index,
      text,
      pageStart: index + 1,
      pageEnd: index + 1,
      charStart: at,
      charEnd: at + text.length,
      language: doc.language,
      vector,
    };
    at += text.length + 2;
    return chunk;
  });
}
