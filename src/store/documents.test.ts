import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createStore } from "./index.ts";
import type { DocumentStore } from "./index.ts";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { axis, DIMS, tempDir } from "./internal/fixtures.ts";

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

describe("documents", () => {
  it("round-trips a document with optional fields and its chunks", async () => {
    const doc = makeDoc("doc1", {
      title: "Coral report",
      country: "fr",
      needsOcrPages: [3, 5],
      tags: { targets: ["GBF-TARGET-01"], goals: ["GBF-GOAL-A"], subjects: ["CBD-SUBJECT-X"], sdgs: ["SDG-14"] },
      chunkCount: 2,
    });
    const chunks = makeChunks(doc, [
      ["coral reefs", axis(0)],
      ["forest carbon", axis(1)],
    ]);
    await store.documents.put(doc, chunks);

    expect(await store.documents.get("doc1")).toEqual(doc);
    expect(await store.documents.findByHash("hash-doc1")).toEqual(doc);
    const stored = await store.chunks.forDocument("doc1");
    expect(stored.map((c) => c.text)).toEqual(["coral reefs", "forest carbon"]);
    expect(Array.from(stored[1]!.vector)).toEqual(Array.from(axis(1)));
    expect(await store.documents.get("missing")).toBeUndefined();
  });

  it("replaces a document's chunks on re-put, leaving other documents alone", async () => {
    const a = makeDoc("a");
    const b = makeDoc("b");
    await store.documents.put(
      a,
      makeChunks(a, [
        ["one", axis(0)],
        ["two", axis(1)],
        ["three", axis(2)],
      ]),
    );
    await store.documents.put(b, makeChunks(b, [["bee", axis(3)]]));

    const a2 = makeDoc("a", { contentHash: "hash-a-v2" });
    const replaced = makeChunks(a2, [["uno", axis(4)]]).map((c) => ({ ...c, id: "a:new" }));
    await store.documents.put(a2, replaced);

    const chunks = await store.chunks.forDocument("a");
    expect(chunks.map((c) => [c.id, c.text, c.contentHash])).toEqual([["a:new", "uno", "hash-a-v2"]]);
    expect(await store.chunks.count()).toBe(2);
    expect((await store.chunks.forDocument("b")).map((c) => c.text)).toEqual(["bee"]);
    expect((await store.documents.get("a"))?.contentHash).toBe("hash-a-v2");
  });

  it("deletes a document and its chunks", async () => {
    const a = makeDoc("a");
    await store.documents.put(a, makeChunks(a, [["one", axis(0)]]));
    expect(await store.documents.delete("a")).toBe(true);
    expect(await store.documents.delete("a")).toBe(false);
    expect(await store.documents.get("a")).toBeUndefined();
    expect(await store.chunks.count()).toBe(0);
  });

  it("lists newest first with paging and filters", async () => {
    for (const [id, day, country] of [
      ["d1", "01", "fr"],
      ["d2", "03", "br"],
      ["d3", "02", "fr"],
    ] as const) {
      await store.documents.put(makeDoc(id, { country, createdAt: `2024-05-${day}T00:00:00.000Z` }), []);
    }
    expect((await store.documents.list()).map((d) => d.id)).toEqual(["d2", "d3", "d1"]);
    expect((await store.documents.list({ limit: 1, offset: 1 })).map((d) => d.id)).toEqual(["d3"]);
    expect((await store.documents.list({ filter: { countries: ["fr"] } })).map((d) => d.id)).toEqual(["d3", "d1"]);
    expect((await store.documents.list({ filter: { from: "2024-05-02", to: "2024-05-02" } })).map((d) => d.id)).toEqual(
      ["d3"],
    );
    expect(await store.documents.count()).toBe(3);
  });

  it("updates tags on the document and on its chunks' filter columns", async () => {
    const a = makeDoc("a");
    await store.documents.put(a, makeChunks(a, [["one", axis(0)]]));
    const tags = { targets: ["GBF-TARGET-03"], goals: [], subjects: [], sdgs: [] };
    // A classification is validated at the store boundary: a real (minimal) one.
    const cls = JSON.stringify({ suggestions: [], modelId: "m", classifierVersion: "v2", thresholds: {} });
    await store.documents.updateTags("a", tags, cls);

    const updated = await store.documents.get("a");
    expect(updated?.tags).toEqual(tags);
    expect(updated?.classificationJson).toBe(cls);
    const hits = await store.chunks.search({
      mode: "semantic",
      vector: axis(0),
      filter: { targets: ["GBF-TARGET-03"] },
      limit: 5,
    });
    expect(hits.map((h) => h.id)).toEqual(["a:0"]);
    await expect(store.documents.updateTags("nope", tags)).rejects.toMatchObject({ code: "not_found" });
  });

  it("rejects chunks whose vectors have the wrong dims", async () => {
    const a = makeDoc("a");
    const bad = makeChunks(a, [["one", new Float32Array(3)]]);
    await expect(store.documents.put(a, bad)).rejects.toMatchObject({ code: "validation_failed" });
  });
});

describe("optimize", () => {
  it("keeps every document findable by keyword before and after optimizing", async () => {
    const a = makeDoc("a");
    const b = makeDoc("b");
    await store.documents.put(a, makeChunks(a, [["peatland restoration", axis(0)]]));
    await store.optimize();
    await store.documents.put(b, makeChunks(b, [["peatland drainage", axis(1)]]));
    const before = await store.chunks.search({ mode: "keyword", text: "peatland", limit: 5 });
    expect(before.map((h) => h.id).sort()).toEqual(["a:0", "b:0"]);
    await store.optimize();
    const after = await store.chunks.search({ mode: "hybrid", text: "drainage", vector: axis(1), limit: 5 });
    expect(after[0]?.id).toBe("b:0");
    expect(await store.chunks.count()).toBe(2);
  });
});

describe("opening a store", () => {
  it("keeps data across close and reopen", async () => {
    const a = makeDoc("a");
    await store.documents.put(a, makeChunks(a, [["persisted text", axis(2)]]));
    await store.close();
    store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
    expect((await store.documents.get("a"))?.id).toBe("a");
    const hits = await store.chunks.search({ mode: "keyword", text: "persisted", limit: 3 });
    expect(hits.map((h) => h.id)).toEqual(["a:0"]);
  });

  it("refuses a store built with other dims or another model", async () => {
    await expect(createStore({ uri: dir, dims: 16, embeddingModelId: "test-model" })).rejects.toMatchObject({
      code: "config_invalid",
      message: expect.stringContaining("built with model test-model (8 dims)"),
    });
    await expect(createStore({ uri: dir, dims: DIMS, embeddingModelId: "other" })).rejects.toMatchObject({
      code: "config_invalid",
    });
  });
});
