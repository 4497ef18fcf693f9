import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStore } from "../store/index.ts";
import type { DocumentRecord, DocumentStore } from "../store/index.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { createSearchService } from "./index.ts";
import type { SearchService } from "./index.ts";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { DIMS, hashEmbed, hashEmbedder } from "./internal/test-fixtures.ts";

const chunks = (d: DocumentRecord, texts: string[]) =>
  makeChunks(
    d,
    texts.map((t): [string, Float32Array] => [t, hashEmbed(t)]),
  );

let dir: string;
let store: DocumentStore;
let search: SearchService;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "search-"));
  store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: hashEmbedder.modelId });
  const vocab = await loadVocabulary();
  // Floors are calibrated for the shipped encoder (test/search-relevance.test.ts), not word hashes.
  search = createSearchService({ store, embedder: hashEmbedder, vocab, minRelevance: { semantic: 0, hybrid: 0 } });
  const reef = makeDoc("reef", {
    title: "Coral reef plan",
    country: "fr",
    recordType: "nationalReport",
    createdAt: "2024-01-10T00:00:00.000Z",
    tags: { targets: ["GBF-TARGET-03"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] },
  });
  const reef2 = makeDoc("reef2", {
    title: "Reef monitoring",
    country: "fj",
    createdAt: "2024-03-01T00:00:00.000Z",
    tags: { targets: ["GBF-TARGET-03", "GBF-TARGET-02"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] },
  });
  const forest = makeDoc("forest", {
    title: "Forest carbon",
    country: "br",
    language: "es",
    createdAt: "2024-06-10T00:00:00.000Z",
    tags: { targets: ["GBF-TARGET-02"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] },
  });
  await store.documents.put(
    reef,
    chunks(reef, [
      "Coral reefs are bleaching in warm seas around the islands",
      "Marine protected areas now cover the coral reef <b>lagoon</b>",
      "Budget tables for the ministry",
    ]),
  );
  await store.documents.put(
    reef2,
    chunks(reef2, [
      "Monitoring coral reef fish with divers where reefs are bleaching in warm seas",
      "Sea temperature logs for the islands",
    ]),
  );
  await store.documents.put(
    forest,
    chunks(forest, ["Tropical forest carbon and deforestation", "Forest restoration plan"]),
  );
  await store.optimize();
});

afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("search", () => {
  it.each(["hybrid", "semantic", "keyword"] as const)(
    "%s: one hit per document with highlighted passages",
    async (mode) => {
      const res = await search.search({ q: "coral reef", mode });
      const ids = res.hits.map((h) => h.documentId);
      expect(ids.slice(0, 2).sort()).toEqual(["reef", "reef2"]);
      expect(new Set(ids).size).toBe(ids.length);
      const reef = res.hits.find((h) => h.documentId === "reef")!;
      expect(reef.passages.length).toBeGreaterThanOrEqual(1);
      expect(reef.passages.length).toBeLessThanOrEqual(3);
      expect(reef.passages[0]!.snippet.html).toMatch(/<mark>[Cc]oral<\/mark>/);
      expect(reef.why.terms).toEqual(["coral", "reef"]);
      expect(reef.why.tags.targets).toEqual(["GBF-TARGET-03"]);
      if (mode !== "keyword") expect(reef.why.semanticScore).toBeGreaterThan(0);
      if (mode !== "semantic") expect(reef.why.keywordScore).toBeGreaterThan(0);
    },
  );

  it("escapes document markup in snippets", async () => {
    const res = await search.search({ q: "lagoon", mode: "keyword" });
    expect(res.hits[0]!.passages[0]!.snippet.html).toContain("&#60;b&#62;<mark>lagoon</mark>&#60;/b&#62;");
  });

  it("counts facets over the filtered candidate documents, with labels", async () => {
    const res = await search.search({ q: "coral reef", mode: "keyword" });
    const t3 = res.facets.targets.find((f) => f.id === "GBF-TARGET-03");
    expect(t3).toMatchObject({ count: 2 });
    expect(t3!.label).toContain("30%");
    expect(res.facets.countries.map((c) => c.id).sort()).toEqual(["fj", "fr"]);
    expect(res.facets.countries.find((c) => c.id === "fr")!.label).toBe("France");
    const filtered = await search.search({ q: "coral reef", mode: "keyword", filters: { country: ["fr"] } });
    expect(filtered.hits.map((h) => h.documentId)).toEqual(["reef"]);
    expect(filtered.facets.targets).toEqual([expect.objectContaining({ id: "GBF-TARGET-03", count: 1 })]);
    expect(filtered.total).toBe(1);
  });

  it("pages with an opaque cursor that other queries reject", async () => {
    const first = await search.search({ q: "coral reef forest", mode: "semantic", limit: 1 });
    expect(first.total).toBe(3);
    const second = await search.search({
      q: "coral reef forest",
      mode: "semantic",
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.hits[0]!.documentId).not.toBe(first.hits[0]!.documentId);
    await expect(search.search({ q: "forest", mode: "semantic", cursor: first.nextCursor! })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(search.search({ q: "x", cursor: "%%%" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("browses newest first when the query is empty", async () => {
    const res = await search.search({ filters: { goal: ["GBF-GOAL-A"] } });
    expect(res.hits.map((h) => h.documentId)).toEqual(["forest", "reef2", "reef"]);
    expect(res.facets.goals).toEqual([expect.objectContaining({ id: "GBF-GOAL-A", count: 3 })]);
    const spanish = await search.search({ filters: { language: ["es"], from: "2024-06-01" } });
    expect(spanish.hits.map((h) => h.documentId)).toEqual(["forest"]);
  });

  it("returns chunks as hits in chunk grouping", async () => {
    const res = await search.search({ q: "coral reef", mode: "keyword", group: "chunk" });
    expect(res.hits.filter((h) => h.documentId === "reef").length).toBe(2);
    expect(res.hits.every((h) => h.passages.length === 1)).toBe(true);
  });

  it("rejects unknown vocabulary ids and malformed codes before the store sees them", async () => {
    await expect(search.search({ q: "reef", filters: { target: ["GBF-TARGET-99"] } })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(search.search({ q: "reef", filters: { goal: ["GBF-TARGET-01"] } })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(search.search({ q: "reef", filters: { country: ["fr' OR 1=1 --"] } })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(search.search({ q: "reef", filters: { to: "yesterday" } })).rejects.toMatchObject({
      code: "validation_failed",
    });
  });

  it("treats SQL-looking query text as words", async () => {
    const res = await search.search({ q: "coral' OR 1=1; DROP TABLE chunks; --", mode: "hybrid" });
    expect(res.hits[0]?.documentId).toMatch(/^reef/);
    expect(await store.chunks.count()).toBe(7);
  });

  it("finds similar documents, never the document itself", async () => {
    const hits = await search.similar("reef", 5);
    expect(hits.map((h) => h.documentId)).not.toContain("reef");
    expect(hits[0]!.documentId).toBe("reef2");
    await expect(search.similar("nope")).rejects.toMatchObject({ code: "not_found" });
  });
});
