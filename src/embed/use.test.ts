import { beforeAll, describe, expect, it } from "vitest";
import { cosine, createEmbedder, type Embedder } from "./index.ts";

const norm = (v: Float32Array) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

describe("USE lite embedder", () => {
  let embedder: Embedder;
  beforeAll(async () => {
    embedder = await createEmbedder({ backend: "use", modelsDir: "unused", model: "unused", batchSize: 2 });
  });

  it("describes itself as the English-only 512-d USE model", () => {
    expect(embedder.dims).toBe(512);
    expect(embedder.modelId).toMatch(/^use-lite-512@\d+\.\d+\.\d+$/);
    expect(embedder.multilingual).toBe(false);
    expect(embedder.maxChars).toBeGreaterThanOrEqual(500);
  });

  it("returns one 512-d unit vector per text", async () => {
    const vectors = await embedder.embed(["marine protected areas", "", "   "], "passage");
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
  });

  it("keeps the caller's order although batches are sorted by length", async () => {
    const texts = [
      "a very long sentence about restoring degraded freshwater wetlands and river basins across the region",
      "tax",
      "invasive alien species on islands",
      "coral reefs",
      "genetic diversity of crops",
    ];
    const together = await embedder.embed(texts, "passage");
    for (const [i, text] of texts.entries()) {
      const [alone] = await embedder.embed([text], "passage");
      expect(cosine(alone!, together[i]!)).toBeGreaterThan(0.9999);
    }
  });

  it("is deterministic", async () => {
    const [a] = await embedder.embed(["sustainable use of wild species"], "query");
    const [b] = await embedder.embed(["sustainable use of wild species"], "query");
    expect(Array.from(a!)).toEqual(Array.from(b!));
  });

  it("scores a paraphrase closer than an unrelated topic", async () => {
    const [mpa, ocean, tax] = await embedder.embed(
      ["marine protected areas", "ocean conservation zones", "tax policy for cars"],
      "passage",
    );
    expect(cosine(mpa!, ocean!)).toBeGreaterThan(cosine(mpa!, tax!) + 0.1);
  });
});
