/** Test fixtures for store tests: temp folders, vectors and jobs (documents: test/helpers/records.ts). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore } from "../create-store.ts";
import type { DocumentStore, JobRecord } from "../types.ts";

export const DIMS = 8;

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "chm-store-"));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A store of DIMS-d vectors in a fresh temp folder; `close` closes it and removes the folder. */
export async function tempStore(): Promise<{ store: DocumentStore; dir: string; close: () => Promise<void> }> {
  const { dir, cleanup } = await tempDir();
  const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
  return {
    store,
    dir,
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}

/** A unit vector along axis `i` (optionally tilted towards axis `j`). */
export function axis(i: number, j?: number, tilt = 0.2): Float32Array {
  const v = new Float32Array(DIMS);
  v[i % DIMS] = 1;
  if (j !== undefined) v[j % DIMS] = tilt;
  return v;
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
