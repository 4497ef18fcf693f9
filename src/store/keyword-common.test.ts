import { afterEach, describe, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { createStore } from "./index.ts";
import { axis, DIMS, tempDir } from "./internal/fixtures.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe("keyword search over words most chunks share", () => {
  it("finds a word repeated in two thirds of the chunks without anyone calling optimize()", async () => {
    const tmp = await tempDir();
    cleanup = tmp.cleanup;
    const store = await createStore({ uri: tmp.dir, dims: DIMS, embeddingModelId: "test-model", indexRefreshMs: 1 });
    try {
      // Issue 9: "coral" in 371 of 552 chunks gave 0 hits because the FTS index covered no rows.
      for (let d = 0; d < 12; d++) {
        const doc = makeDoc(`doc${d}`);
        const texts: [string, Float32Array][] = Array.from({ length: 6 }, (_, i) => [
          i % 3 === 2
            ? `wetland birds and rivers ${d}-${i}`
            : `coral reef monitoring: coral cover and coral bleaching ${d}-${i}`,
          axis(i),
        ]);
        await store.documents.put(doc, makeChunks(doc, texts));
      }
      // What the API process sees once the writer's scheduled index refresh has run.
      await store.idle();
      const coral = await store.chunks.search({ mode: "keyword", text: "coral", limit: 100 });
      expect(coral).toHaveLength(48);
      expect(coral.every((h) => h.text.includes("coral"))).toBe(true);
      const rare = await store.chunks.search({ mode: "keyword", text: "wetland", limit: 100 });
      expect(rare).toHaveLength(24);
      const hybrid = await store.chunks.search({ mode: "hybrid", text: "coral", vector: axis(5), limit: 100 });
      expect(hybrid.filter((h) => h.keywordScore !== undefined)).toHaveLength(48);
    } finally {
      await store.close();
    }
  });
});
