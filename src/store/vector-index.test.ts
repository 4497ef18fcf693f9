// The ANN path (≥ VECTOR_INDEX_MIN_ROWS chunks) had no test: a wrong index type or query
// parameter would only show in `bench:search`. This builds the real index on 12k chunks.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { createStore, type DocumentStore } from "./index.ts";
import { tempDir } from "./internal/fixtures.ts";

const DIMS = 16;
const DOCS = 240;
const PER_DOC = 50;

function rand(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

// Clustered unit vectors (as real embeddings are), so partitions mean something.
const r = rand(11);
const centres = Array.from({ length: 40 }, () => Array.from({ length: DIMS }, () => r() - 0.5));
function vector(): Float32Array {
  const c = centres[Math.floor(r() * centres.length)]!;
  const v = Float32Array.from(c, (x) => x + (r() - 0.5) * 0.3);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

let store: DocumentStore;
let cleanup: () => Promise<void>;
const all: { id: string; v: Float32Array }[] = [];

beforeAll(async () => {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  store = await createStore({ uri: tmp.dir, dims: DIMS, embeddingModelId: "test" });
  const items = Array.from({ length: DOCS }, (_, d) => {
    const doc = makeDoc(`d${d}`, { chunkCount: PER_DOC });
    const chunks = makeChunks(
      doc,
      Array.from({ length: PER_DOC }, (_, i): [string, Float32Array] => [`chunk ${i} of ${d}`, vector()]),
    );
    for (const c of chunks) all.push({ id: c.id, v: c.vector });
    return { doc, chunks };
  });
  await store.documents.putMany(items);
  await store.optimize();
}, 300_000);

afterAll(async () => {
  await store.close();
  await cleanup();
});

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

it("answers semantic queries through the ANN index with recall@10 ≥ 0.9 against exact search", async () => {
  let found = 0;
  const queries = 20;
  for (let q = 0; q < queries; q++) {
    const v = vector();
    const exact = all
      .map((c) => ({ id: c.id, s: dot(c.v, v) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 10)
      .map((c) => c.id);
    const hits = await store.chunks.search({ mode: "semantic", vector: v, limit: 10 });
    found += hits.filter((h) => exact.includes(h.id)).length;
    // Scores stay cosine similarities after re-ranking (the service's relevance scale relies on it).
    for (const h of hits) expect(h.score).toBeCloseTo(dot(all.find((c) => c.id === h.id)!.v, v), 4);
  }
  expect(found / (queries * 10)).toBeGreaterThanOrEqual(0.9);
});
