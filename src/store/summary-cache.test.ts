import { afterEach, beforeEach, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { createStore, type DocumentStore } from "./index.ts";
import { axis, DIMS, tempDir } from "./internal/fixtures.ts";
import { createSummaryCache } from "./internal/summary-cache.ts";
import type { DocumentSummary } from "./types.ts";

// Search keeps the documents' summaries it has read while the documents table is unchanged. A
// write by any process, this one or another on the same DATA_DIR, must show in the next search.
let dir: string;
let cleanup: () => Promise<void>;
let reader: DocumentStore;
let writer: DocumentStore;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  reader = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
  writer = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
  const reef = makeDoc("reef", { title: "Reef plan", country: "fr" });
  await reader.documents.put(reef, makeChunks(reef, [["coral reefs are bleaching", axis(0)]]));
});
afterEach(async () => {
  await reader.close();
  await writer.close();
  await cleanup();
});

const search = async (store: DocumentStore) =>
  (await store.chunks.searchWithDocuments({ mode: "semantic", vector: axis(0), limit: 5 })).documents;

it("shows tags another process changed since the last search", async () => {
  expect((await search(reader))[0]?.tags.targets).toEqual([]);
  await writer.documents.updateTags("reef", {
    targets: ["GBF-TARGET-03"],
    goals: ["GBF-GOAL-A"],
    subjects: [],
    sdgs: [],
  });
  expect((await search(reader))[0]?.tags.targets).toEqual(["GBF-TARGET-03"]);
});

it("shows a document another process replaced, and drops one it deleted", async () => {
  expect((await search(reader))[0]?.title).toBe("Reef plan");
  const again = makeDoc("reef", { title: "Reef plan, revised", country: "fr", contentHash: "hash-2" });
  await writer.documents.put(again, makeChunks(again, [["coral reefs are bleaching again", axis(0)]]));
  expect((await search(reader))[0]?.title).toBe("Reef plan, revised");
  await writer.documents.delete("reef");
  expect(await search(reader)).toEqual([]);
});

it("reads a summary once while the table's version stays, again after a commit, and never keeps a missing one", async () => {
  let version = 1;
  const reads: string[][] = [];
  const table = { version: async () => version, countRows: async () => 0 };
  const doc = (id: string) => ({ id, title: `${id} v${version}` }) as unknown as DocumentSummary;
  const cache = createSummaryCache(table);
  const read = async (ids: string[]) => {
    reads.push(ids);
    return ids.filter((id) => id !== "gone").map(doc);
  };
  expect((await cache.get(["a", "b", "gone"], read)).map((d) => d.id)).toEqual(["a", "b"]);
  expect((await cache.get(["b", "a"], read)).map((d) => d.title)).toEqual(["b v1", "a v1"]);
  expect(reads).toEqual([["a", "b", "gone"]]);
  version = 2;
  expect((await cache.get(["a"], read))[0]?.title).toBe("a v2");
  expect(reads).toEqual([["a", "b", "gone"], ["a"]]);
});

it("loads every summary of a small table once per version, then serves searches (and unknown ids) without a read", async () => {
  let version = 1;
  const reads: string[][] = [];
  let fullReads = 0;
  const rows = ["a", "b", "c"];
  const doc = (id: string) => ({ id, title: `${id} v${version}` }) as unknown as DocumentSummary;
  const table = { version: async () => version, countRows: async () => rows.length };
  const cache = createSummaryCache(table, {
    readAll: async () => {
      fullReads++;
      return rows.map(doc);
    },
  });
  const read = async (ids: string[]) => {
    reads.push(ids);
    return ids.filter((id) => rows.includes(id)).map(doc);
  };
  // The first search after a commit reads what it needs and starts the full load behind it.
  expect((await cache.get(["a"], read)).map((d) => d.id)).toEqual(["a"]);
  await cache.loaded();
  expect((await cache.get(["b", "c", "gone"], read)).map((d) => d.id)).toEqual(["b", "c"]);
  expect(reads).toEqual([["a"]]);
  expect(fullReads).toBe(1);
  version = 2;
  rows.pop();
  expect((await cache.get(["c", "a"], read)).map((d) => d.title)).toEqual(["a v2"]);
  await cache.loaded();
  expect(fullReads).toBe(2);
});

it("never loads a table above the full-load size whole", async () => {
  let fullReads = 0;
  const table = { version: async () => 1, countRows: async () => 10 };
  const cache = createSummaryCache(table, {
    fullLoadMax: 5,
    readAll: async () => {
      fullReads++;
      return [];
    },
  });
  const read = async (ids: string[]) => ids.map((id) => ({ id }) as unknown as DocumentSummary);
  await cache.get(["a"], read);
  await cache.loaded();
  expect(fullReads).toBe(0);
  expect((await cache.get(["a", "b"], read)).map((d) => d.id)).toEqual(["a", "b"]);
});
