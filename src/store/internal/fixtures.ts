/** Test fixtures for store tests: temp folders, vectors and jobs (documents: test/helpers/records.ts). */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JobRecord } from "../types.ts";

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
