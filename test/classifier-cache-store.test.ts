// Issue 7 (4): with an object-store DATA_DIR the trained classifier was cached nowhere (retrained at
// every start); it now lives in the store's `artifacts` table under the same URI.
import { afterEach, expect, it } from "vitest";
import { classifierCache } from "../src/app.ts";
import { loadOrTrainClassifier } from "../src/classify/index.ts";
import type { LabelledExample } from "../src/classify/index.ts";
import { testConfig } from "../src/config.ts";
import { createStore, type DocumentStore } from "../src/store/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { fakeEmbedder } from "./helpers/fake-embedder.ts";

/** No SDG data: the test is about where the state is kept, not the SDG model (most of its time). */
const options = { sdgExamples: [], sdgExemplars: [], sdgOffTopic: [] };
const examples: LabelledExample[] = Array.from({ length: 12 }, (_, i) => ({
  id: `e${i}`,
  key: `k${i}`,
  text: i % 2 ? `Coral reef protected area number ${i}` : `Restoring degraded forest land, site ${i}`,
  labels: [i % 2 ? "GBF-TARGET-03" : "GBF-TARGET-02"],
}));

let store: DocumentStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

it("keeps the trained classifier in the store's artifacts table when DATA_DIR is not a folder", {
  timeout: 300_000,
}, async () => {
  const uri = `memory://classifier-cache-${Date.now()}`;
  const embedder = fakeEmbedder({ dims: 32, modelId: "hash-artifacts" });
  store = await createStore({ uri, dims: 32, embeddingModelId: embedder.modelId });
  const cache = classifierCache(testConfig({ DATA_DIR: uri, CLASSIFIER_CACHE_DIR: "" }), store);
  const vocab = await loadVocabulary();

  const first = await loadOrTrainClassifier({ embedder, vocab, examples, cache, options });
  expect(embedder.calls.flat()).toContain(examples[0]!.text);
  const names = await store.artifacts.list();
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(/^classifier-hash-artifacts-[0-9a-f]{16}\.json$/);

  embedder.calls.length = 0;
  const again = await loadOrTrainClassifier({ embedder, vocab, examples, cache, options });
  // Loaded, not retrained: the training examples are not embedded again.
  expect(embedder.calls.flat()).not.toContain(examples[0]!.text);
  const text = "Coral reef protected area";
  expect((await again.classifyText(text)).suggestions).toEqual((await first.classifyText(text)).suggestions);

  // New examples (e.g. reviewers' feedback) retrain and replace the old state instead of adding one.
  await loadOrTrainClassifier({ embedder, vocab, examples: examples.slice(2), cache, options });
  const after = await store.artifacts.list();
  expect(after).toHaveLength(1);
  expect(after[0]).not.toBe(names[0]);
});

it("refuses artifact names that would need quoting", async () => {
  store = await createStore({ uri: `memory://artifacts-names-${Date.now()}`, dims: 8, embeddingModelId: "x" });
  await expect(store.artifacts.put("a'; DROP", new Uint8Array([1]))).rejects.toMatchObject({
    code: "validation_failed",
  });
  expect(await store.artifacts.get("missing.json")).toBeUndefined();
});
