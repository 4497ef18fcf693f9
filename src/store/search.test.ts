import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStore } from "./index.ts";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { axis, tempStore } from "./internal/fixtures.ts";

// One store for the read-only search cases: building it is the slow part.
let store: DocumentStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await tempStore());
  const reef = makeDoc("reef", {
    country: "fr",
    createdAt: "2024-01-10T00:00:00.000Z",
    tags: { targets: ["GBF-TARGET-01", "GBF-TARGET-02"], goals: ["GBF-GOAL-A"], subjects: [], sdgs: [] },
  });
  const forest = makeDoc("forest", {
    country: "br",
    language: "es",
    createdAt: "2024-06-10T00:00:00.000Z",
    tags: { targets: ["GBF-TARGET-03"], goals: [], subjects: ["CBD-SUBJECT-FOREST"], sdgs: [] },
  });
  const wetland = makeDoc("wetland", { country: "ke", createdAt: "2024-12-31T12:00:00.000Z" });
  await store.documents.put(
    reef,
    makeChunks(reef, [
      ["coral reefs are bleaching in warm seas", axis(0)],
      ["marine protected areas cover the reef", axis(1)],
    ]),
  );
  await store.documents.put(forest, makeChunks(forest, [["tropical forest carbon and deforestation", axis(2)]]));
  await store.documents.put(wetland, makeChunks(wetland, [["wetland birds migrate along the coast", axis(3, 1, 0.5)]]));
});
afterAll(() => close());

const ids = (hits: { id: string }[]) => hits.map((h) => h.id);

describe("chunk search", () => {
  it("semantic search ranks by cosine similarity", async () => {
    const hits = await store.chunks.search({ mode: "semantic", vector: axis(2, 0, 0.1), limit: 2 });
    expect(hits[0]?.id).toBe("forest:0");
    expect(hits[0]?.score).toBeCloseTo(1 / Math.sqrt(1.01), 4);
    expect(hits[0]).not.toHaveProperty("vector");
  });

  it("keyword search finds a just-written chunk by its words", async () => {
    const hits = await store.chunks.search({ mode: "keyword", text: "deforestation", limit: 5 });
    expect(ids(hits)).toEqual(["forest:0"]);
    expect(hits[0]!.score).toBeGreaterThan(0);
  });

  it("keyword text is matched as words, not query syntax", async () => {
    const hits = await store.chunks.search({ mode: "keyword", text: 'coral" OR (reef', limit: 5 });
    expect(ids(hits)).toContain("reef:0");
  });

  it("hybrid search fuses both rankings and reports component scores", async () => {
    // The vector points at the wetland chunk, the words at the reef: both should surface.
    const hits = await store.chunks.search({ mode: "hybrid", text: "bleaching coral", vector: axis(3), limit: 3 });
    expect(ids(hits).slice(0, 2).sort()).toEqual(["reef:0", "wetland:0"]);
    const reef = hits.find((h) => h.id === "reef:0")!;
    expect(reef.keywordScore).toBeGreaterThan(0);
    expect(reef.semanticScore).toBeCloseTo(0, 5);
    expect(hits.find((h) => h.id === "wetland:0")!.semanticScore).toBeGreaterThan(0.8);
  });

  it("filters on country, targets, goals, subjects, language and dates", async () => {
    const all = { mode: "semantic" as const, vector: axis(0), limit: 10 };
    expect(ids(await store.chunks.search({ ...all, filter: { countries: ["fr"] } })).sort()).toEqual([
      "reef:0",
      "reef:1",
    ]);
    expect(ids(await store.chunks.search({ ...all, filter: { targets: ["GBF-TARGET-03", "GBF-TARGET-99"] } }))).toEqual(
      ["forest:0"],
    );
    expect(ids(await store.chunks.search({ ...all, filter: { goals: ["GBF-GOAL-A"], countries: ["br"] } }))).toEqual(
      [],
    );
    expect(ids(await store.chunks.search({ ...all, filter: { subjects: ["CBD-SUBJECT-FOREST"] } }))).toEqual([
      "forest:0",
    ]);
    expect(ids(await store.chunks.search({ ...all, filter: { languages: ["es"] } }))).toEqual(["forest:0"]);
    expect(ids(await store.chunks.search({ ...all, filter: { from: "2024-06-01", to: "2024-12-31" } })).sort()).toEqual(
      ["forest:0", "wetland:0"],
    );
    expect(ids(await store.chunks.search({ ...all, filter: { to: "2024-01-10" } })).sort()).toEqual([
      "reef:0",
      "reef:1",
    ]);
    expect(ids(await store.chunks.search({ ...all, filter: { documentIds: ["wetland"] } }))).toEqual(["wetland:0"]);
    const kw = await store.chunks.search({
      mode: "keyword",
      text: "reef coral",
      filter: { countries: ["ke"] },
      limit: 5,
    });
    expect(kw).toEqual([]);
    const hy = await store.chunks.search({
      mode: "hybrid",
      text: "coral",
      vector: axis(0),
      filter: { countries: ["ke"] },
      limit: 5,
    });
    expect(ids(hy)).toEqual(["wetland:0"]);
    expect((await store.documents.list({ filter: { targets: ["GBF-TARGET-02"] } })).map((d) => d.id)).toEqual(["reef"]);
  });

  it("rejects injection attempts instead of splicing them into SQL", async () => {
    const base = { mode: "semantic" as const, vector: axis(0), limit: 10 };
    await expect(store.chunks.search({ ...base, filter: { countries: ["x' OR '1'='1"] } })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(store.chunks.search({ ...base, filter: { targets: ["A'])--"] } })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(store.chunks.search({ ...base, filter: { from: "2024-01-01' OR 1=1 --" } })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(store.documents.get("x' OR '1'='1")).rejects.toMatchObject({ code: "validation_failed" });
  });

  it("rejects requests missing what their mode needs", async () => {
    await expect(store.chunks.search({ mode: "keyword", text: "  ", limit: 5 })).rejects.toMatchObject({
      code: "validation_failed",
    });
    await expect(
      store.chunks.search({ mode: "semantic", vector: new Float32Array(3), limit: 5 }),
    ).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});
