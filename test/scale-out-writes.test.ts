// Two processes writing to one LanceDB store at once: LanceDB's own commit handling (optimistic
// concurrency with retries) must lose nothing and duplicate nothing. Redis workers rely on it.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore, type DocumentStore } from "../src/store/index.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "chm-two-writers-"));
  // Create the tables first, as the API process does before any worker writes.
  await (await createStore({ uri: dir, dims: 8, embeddingModelId: "fake-8" })).close();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function writer(prefix: string, count: number): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/helpers/writer-child.ts"], {
    env: { ...process.env, DATA_DIR: dir, WRITE_PREFIX: prefix, WRITE_COUNT: String(count) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`writer ${prefix} exited ${code}: ${out}`)),
    ),
  );
}

describe("two processes writing one store", () => {
  it("keeps every document and chunk exactly once", async () => {
    const n = 12;
    const outs = await Promise.all([writer("a", n), writer("b", n)]);
    expect(outs.map((o) => o.trim())).toEqual([`WROTE ${n}`, `WROTE ${n}`]);

    const store: DocumentStore = await createStore({ uri: dir, dims: 8, embeddingModelId: "fake-8" });
    try {
      const docs = await store.documents.list();
      expect(docs.length).toBe(2 * n);
      const chunks = (await Promise.all(docs.map((d) => store.chunks.forDocument(d.id)))).flat();
      const ids = chunks.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      // No orphan: every chunk in the table belongs to a listed document, as many as they claim.
      expect(await store.chunks.count()).toBe(ids.length);
      for (const d of docs) {
        const own = chunks.filter((c) => c.documentId === d.id);
        expect(own.length, d.id).toBe(d.chunkCount);
        expect(new Set(own.map((c) => c.contentHash)), d.id).toEqual(new Set([d.contentHash]));
      }
    } finally {
      await store.close();
    }
  }, 180_000);
});
