/**
 * createServices wires the background pass: documents the worker stored untagged while the
 * classifier was loading are classified once it is ready, with no request or restart needed.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServices, type Services } from "../src/app.ts";
import { type Classifier, deferClassifier } from "../src/classify/index.ts";
import { testConfig } from "../src/config.ts";
import type { Embedder } from "../src/embed/index.ts";
import { createLogger } from "../src/logger.ts";

const DIMS = 8;
/** Deterministic letter-count vectors: the pass under test does not depend on their meaning. */
const embedder: Embedder = {
  modelId: "letters-test",
  dims: DIMS,
  maxChars: 800,
  multilingual: false,
  async embed(texts) {
    return texts.map((t) => {
      const v = new Float32Array(DIMS).fill(0.01);
      for (const ch of t.toLowerCase()) v[ch.charCodeAt(0) % DIMS]! += 1;
      const n = Math.hypot(...v);
      return v.map((x) => x / n);
    });
  },
};

/** Tags every text with Target 3, from its first chunk. */
const target3: Classifier = {
  version: "t3-test",
  async classifyText() {
    throw new Error("not used");
  },
  async classifyChunks(chunks) {
    const first = chunks[0]!;
    return {
      suggestions: [
        {
          id: "GBF-TARGET-03",
          space: "gbf",
          score: 0.9,
          decision: "suggest",
          evidence: [
            { chunkId: first.id, page: first.page, start: 0, end: 5, text: first.text.slice(0, 5), signal: "lexical" },
          ],
        },
      ],
      modelId: embedder.modelId,
      classifierVersion: "t3-test",
      thresholds: {},
    };
  },
};

let dir: string | undefined;
let services: Services | undefined;
afterEach(async () => {
  await services?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("background classification of untagged documents", () => {
  it("tags what was stored while the classifier loaded, once it is ready", async () => {
    dir = await mkdtemp(join(tmpdir(), "backfill-"));
    let resolve!: (c: Classifier) => void;
    const loading = deferClassifier("t3-test", new Promise<Classifier>((r) => (resolve = r)));
    const config = testConfig({
      DATA_DIR: dir,
      INGEST_SAMPLES_ON_EMPTY: false,
      OCR_ENABLED: false,
      EXTRACT_THREADS: 0,
    });
    services = await createServices(config, { embedder, classifier: loading, logger: createLogger("silent") });
    const bytes = new TextEncoder().encode("Marine protected areas cover a third of the coast.");
    await services.queue.enqueue({ bytes, meta: { filename: "mpa.txt" } });
    const outcome = await services.worker.runOnce();
    expect(outcome?.job.state).toBe("done");
    const id = outcome!.job.documentId!;
    expect((await services.store.documents.get(id))?.tags.targets).toEqual([]);

    resolve(target3);
    await loading.loaded;
    // Bounded by the test timeout: the pass runs on its own once the classifier is ready.
    while (!(await services.store.documents.get(id))?.classificationJson) await new Promise((r) => setTimeout(r, 20));
    const done = (await services.store.documents.get(id))!;
    // Classified now: the suggestion is there, and stays a suggestion until a reviewer accepts it.
    expect(JSON.parse(done.classificationJson).suggestions.map((s: { id: string }) => s.id)).toContain("GBF-TARGET-03");
    expect(done.tags.targets).toEqual([]);
  });
});
