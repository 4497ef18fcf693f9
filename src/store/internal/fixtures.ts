/** Test fixtures for store tests: temp folders and small deterministic records. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChunkRecord, DocumentRecord, JobRecord } from "../types.ts";

export const DIMS = 8;

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "chm-store-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A unit vector along axis `i` (optionally tilted towards axis `j`). */
export function axis(i: number, j?: number, tilt = 0.2): Float32Array {
  const v = new Float32Array(DIMS);
  v[i % DIMS] = 1;
  if (j !== undefined) v[j % DIMS] = tilt;
  return v;
}

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
    classificationJson: "{}",
    createdAt: "2024-05-01T10:00:00.000Z",
    updatedAt: "2024-05-01T10:00:00.000Z",
    ...over,
  };
}

export function makeChunks(doc: DocumentRecord, texts: [string, Float32Array][]): ChunkRecord[] {
  return texts.map(([text, vector], index) => ({
    id: `${doc.id}:${index}`,
    documentId: doc.id,
    contentHash: doc.contentHash,
    index,
    text,
    pageStart: 1,
    pageEnd: 1,
    charStart: index * 100,
    charEnd: index * 100 + text.length,
    language: doc.language,
    vector,
  }));
}

export function makeJob(id: string, over: Partial<JobRecord> = {}): JobRecord {
  return {
    id,
    state: "queued",
    blobKey: "a".repeat(64),
    meta: { title: `Job ${id}` },
    attempts: 0,
    maxAttempts: 3,
    notBefore: "2024-01-01T00:00:00.000Z",
    createdAt: "2024-01-01T00:00:00.000Z",
    updatedAt: "2024-01-01T00:00:00.000Z",
    ...over,
  };
}
