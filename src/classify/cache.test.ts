import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import type { Embedder } from "../embed/types.ts";
import { DEFAULT_CORPORA_DIR, loadVocabulary } from "../vocab/index.ts";
import { loadOrTrainClassifier } from "./cache.ts";
import type { LabelledExample } from "./types.ts";

const DIMS = 32;
/** Deterministic word-hashing embedder: enough to train and load a state quickly. */
const embedder: Embedder = {
  modelId: "hash-cache-test",
  dims: DIMS,
  maxChars: 800,
  multilingual: false,
  async embed(texts) {
    return texts.map((text) => {
      const v = new Float32Array(DIMS);
      for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? [])
        v[createHash("md5").update(w).digest()[0]! % DIMS]! += 1;
      const n = Math.hypot(...v) || 1;
      return v.map((x) => x / n);
    });
  },
};
/** No SDG data: these tests are about the cache, and fitting the SDG model on 1,900 abstracts took most of their time. */
const options = { sdgExamples: [], sdgExemplars: [], sdgOffTopic: [] };
const examples: LabelledExample[] = Array.from({ length: 12 }, (_, i) => ({
  id: `e${i}`,
  key: `k${i}`,
  text: i % 2 ? `Coral reef protected area number ${i}` : `Restoring degraded forest land, site ${i}`,
  labels: [i % 2 ? "GBF-TARGET-03" : "GBF-TARGET-02"],
}));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "clf-cache-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

it("ignores a cached state that fails validation, says so in the log, and retrains", async () => {
  const vocab = await loadVocabulary();
  const warnings: string[] = [];
  const logger = { warn: (_obj: object, msg: string) => void warnings.push(msg) };
  await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, logger, options });
  const [file] = await readdir(dir);
  const path = join(dir, file!);
  const state = JSON.parse(await readFile(path, "utf8"));
  // Valid JSON, wrong shape: a truncated/edited cache must not load as a broken classifier.
  state.fusion.base.weights = "corrupt";
  await writeFile(path, JSON.stringify(state));

  const classifier = await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, logger, options });
  expect(warnings.join("\n")).toMatch(/cached classifier state .*invalid/i);
  const result = await classifier.classifyText("Coral reef protected area");
  expect(result.suggestions.length).toBeGreaterThan(0);
  expect(result.suggestions.every((s) => Number.isFinite(s.score))).toBe(true);
  // Rewritten with a valid state.
  expect(Array.isArray(JSON.parse(await readFile(path, "utf8")).fusion.base.weights)).toBe(true);
});

it("ignores a cache file that is not JSON", async () => {
  const vocab = await loadVocabulary();
  const warnings: string[] = [];
  const logger = { warn: (_obj: object, msg: string) => void warnings.push(msg) };
  await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, logger, options });
  const [file] = await readdir(dir);
  await writeFile(join(dir, file!), '{"version": "gbf-fus');
  const classifier = await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, logger, options });
  expect(warnings.join("\n")).toMatch(/cached classifier state .*invalid/i);
  expect((await classifier.classifyText("forest restoration")).suggestions.length).toBeGreaterThan(0);
});

it("loads a cached state without embedding anything (the label vectors are in the state)", async () => {
  const vocab = await loadVocabulary();
  await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, options });
  // Loading the cache embedded every label description again: 15 s of each `npm start` with USE.
  const embedded: string[] = [];
  const counting: Embedder = {
    ...embedder,
    embed: (texts, kind, options) => {
      embedded.push(...texts);
      return embedder.embed(texts, kind, options);
    },
  };
  const classifier = await loadOrTrainClassifier({ embedder: counting, vocab, examples, cacheDir: dir, options });
  expect(embedded).toEqual([]);
  expect((await classifier.classifyText("forest restoration")).suggestions.length).toBeGreaterThan(0);
});

it("retrains when the SDG reference data changes under the same paths", async () => {
  // The key covered the examples and keywords only: edited Aurora files or SDG corpora kept
  // serving the state trained on the old ones.
  const vocab = await loadVocabulary();
  const auroraDir = join(dir, "aurora");
  await cp(join(DEFAULT_CORPORA_DIR, "aurora-sdg-queries"), auroraDir, { recursive: true });
  const withAurora = { ...options, auroraDir };
  await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, options: withAurora });
  const file = join(auroraDir, "query_SDG6.xml");
  await writeFile(
    file,
    (await readFile(file, "utf8")).replace("drinking water for all", "drinking water for everyone"),
  );
  await loadOrTrainClassifier({ embedder, vocab, examples, cacheDir: dir, options: withAurora });
  expect((await readdir(dir)).filter((f) => f.endsWith(".json"))).toHaveLength(2);
});
