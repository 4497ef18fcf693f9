import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore } from "./index.ts";
import type { DocumentStore, FeedbackRecord } from "./index.ts";
import { DIMS, tempDir } from "./internal/fixtures.ts";

let dir: string;
let cleanup: () => Promise<void>;
let store: DocumentStore;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
});
afterEach(async () => {
  await store.close();
  await cleanup();
});

/** LanceDB writes one manifest per commit: how many times the feedback table was committed. */
const commits = async () => (await readdir(join(dir, "feedback.lance", "_versions"))).length;

const rec = (id: string, labelId: string): FeedbackRecord => ({
  id,
  documentId: "doc1",
  labelId,
  action: "accept",
  user: "submitter:alice",
  modelId: "m",
  classifierVersion: "v",
  createdAt: "2026-01-01T00:00:00.000Z",
});

describe("feedback.addMany", () => {
  it("stores a batch in one table version and skips ids already stored", async () => {
    const before = await commits();
    expect(await store.feedback.addMany([rec("f1", "GBF-TARGET-01"), rec("f2", "GBF-TARGET-02")])).toBe(2);
    expect(await commits()).toBe(before + 1);
    // The same batch again (a retried review) and a batch repeating an id inside it store nothing twice.
    expect(await store.feedback.addMany([rec("f1", "GBF-TARGET-01"), rec("f2", "GBF-TARGET-02")])).toBe(0);
    expect(await store.feedback.addMany([rec("f3", "GBF-TARGET-03"), rec("f3", "GBF-TARGET-03")])).toBe(1);
    expect((await store.feedback.forDocument("doc1")).map((f) => f.id).sort()).toEqual(["f1", "f2", "f3"]);
    expect(await store.feedback.addMany([])).toBe(0);
  });

  it("reads an id once when two stores on one folder (two processes) write it at the same time", async () => {
    const other = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
    try {
      const batch = [rec("f1", "GBF-TARGET-01"), rec("f2", "GBF-TARGET-02")];
      // Each store's merge misses the other's uncommitted rows, so both may insert: reads collapse them.
      await Promise.all([store.feedback.addMany(batch), other.feedback.addMany(batch)]);
      expect((await store.feedback.forDocument("doc1")).map((f) => f.id).sort()).toEqual(["f1", "f2"]);
      expect((await other.feedback.forDocument("doc1")).map((f) => f.id).sort()).toEqual(["f1", "f2"]);
    } finally {
      await other.close();
    }
  });
});
