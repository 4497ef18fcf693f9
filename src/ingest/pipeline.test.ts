import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Classifier, ClassificationResult } from "../classify/types.ts";
import { fakeEmbedder, ingestFixture, PARAGRAPHS, text, type IngestFixture } from "./internal/fakes.ts";
import { loadVocabulary } from "../vocab/index.ts";
import { saveAutoAccept } from "./auto-accept.ts";
import { ingestBytes, type IngestProgress } from "./pipeline.ts";

let fx: IngestFixture;
beforeEach(async () => {
  fx = await ingestFixture({ EMBED_BATCH_SIZE: 2 });
});
afterEach(() => fx.cleanup());

const deps = () => ({ store: fx.store, embedder: fakeEmbedder(), config: fx.config });

describe("ingestBytes", () => {
  it("hands the embedder every chunk in one call (it batches) and reports progress up to stored", async () => {
    const embedder = fakeEmbedder();
    const progress: IngestProgress[] = [];
    const res = await ingestBytes(
      { ...deps(), embedder },
      { bytes: text(PARAGRAPHS), meta: {} },
      { onProgress: (p) => progress.push(p) },
    );
    expect(res.chunkCount).toBeGreaterThan(2);
    expect(embedder.calls).toHaveLength(1);
    expect(embedder.calls[0]).toHaveLength(res.chunkCount);
    expect(progress.map((p) => p.stage)).toEqual(["extracted", "chunked", "classified", "stored"]);
    expect(progress.at(-1)).toEqual({ stage: "stored", pages: 1, chunks: res.chunkCount, embedded: res.chunkCount });
  });

  it("is idempotent: the same bytes twice give one document and no second write", async () => {
    const a = await ingestBytes(deps(), { bytes: text(PARAGRAPHS), meta: {} });
    const embedder = fakeEmbedder();
    const b = await ingestBytes({ ...deps(), embedder }, { bytes: text(PARAGRAPHS), meta: {} });
    expect(b).toMatchObject({ documentId: a.documentId, skipped: true });
    expect(embedder.calls).toHaveLength(0);
    expect(await fx.store.documents.count()).toBe(1);
  });

  it("replaces the chunks of a changed file under the same key", async () => {
    const a = await ingestBytes(deps(), { bytes: text(PARAGRAPHS), meta: {}, documentKey: "docs/r.txt" });
    const created = (await fx.store.documents.get(a.documentId))!.createdAt;
    const b = await ingestBytes(deps(), {
      bytes: text("Mangroves protect coasts from storms and store carbon."),
      meta: {},
      documentKey: "docs/r.txt",
    });
    expect(b.documentId).toBe(a.documentId);
    const chunks = await fx.store.chunks.forDocument(a.documentId);
    expect(chunks.map((c) => c.text)).toEqual(["Mangroves protect coasts from storms and store carbon."]);
    expect(await fx.store.documents.count()).toBe(1);
    expect((await fx.store.documents.get(a.documentId))!.createdAt).toBe(created);
  });

  it("stores the full result and publishes as tags only what an auto-accept threshold allows", async () => {
    const result: ClassificationResult = {
      modelId: "fake-8",
      classifierVersion: "t1",
      thresholds: {},
      suggestions: [
        { id: "GBF-TARGET-03", space: "gbf", score: 0.9, decision: "suggest", evidence: [] },
        { id: "GBF-GOAL-A", space: "gbf", score: 0.8, decision: "suggest", evidence: [] },
        { id: "GBF-TARGET-06", space: "gbf", score: 0.5, decision: "review", evidence: [] },
        { id: "CBD-SUBJECT-PA", space: "subject", score: 0.7, decision: "suggest", evidence: [] },
      ],
    };
    let seenChunks = 0;
    const classifier: Classifier = {
      version: "t1",
      classifyText: async () => result,
      classifyChunks: async (chunks) => {
        seenChunks = chunks.filter((c) => c.vector && c.page === 1).length;
        return result;
      },
    };
    // Thresholds for two labels: the target's score reaches its threshold, the subject's does not.
    await saveAutoAccept(fx.store, await loadVocabulary(), { "GBF-TARGET-03": 0.85, "CBD-SUBJECT-PA": 0.75 });
    const res = await ingestBytes({ ...deps(), classifier }, { bytes: text(PARAGRAPHS), meta: {} });
    const doc = await fx.store.documents.get(res.documentId);
    // Suggestions without a threshold (the goal, the "review" target) stay suggestions.
    expect(doc?.tags).toEqual({ targets: ["GBF-TARGET-03"], goals: [], subjects: [], sdgs: [] });
    expect(JSON.parse(doc!.classificationJson)).toEqual(result);
    expect(seenChunks).toBe(res.chunkCount);
  });
});
