/**
 * Store benchmark: put latency, search latency before/after `optimize()` (FTS fold-in and the
 * IVF_RQ index past 10k chunks), and ANN recall@10 against exact cosine.
 * Run: npx tsx bench/store-bench.ts [docs=120] [chunksPerDoc=100] [dims=64]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createStore } from "../src/store/index.ts";
import type { ChunkRecord, DocumentRecord } from "../src/store/index.ts";

const [docs = 120, perDoc = 100, dims = 64] = process.argv.slice(2).map(Number);
const WORDS = [
  "coral",
  "forest",
  "wetland",
  "pollinator",
  "invasive",
  "species",
  "marine",
  "carbon",
  "soil",
  "river",
  "mangrove",
  "finance",
];
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const unit = (): Float32Array => {
  const v = Float32Array.from({ length: dims }, () => rand() - 0.5);
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
};
const sentence = () => Array.from({ length: 12 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

const dir = await mkdtemp(join(tmpdir(), "store-bench-"));
const store = await createStore({ uri: dir, dims, embeddingModelId: "bench" });
const all: { id: string; v: Float32Array }[] = [];
const putMs: number[] = [];
for (let d = 0; d < docs; d++) {
  const doc: DocumentRecord = {
    id: `doc${d}`,
    contentHash: `h${d}`,
    mediaType: "text/plain",
    language: "en",
    pageCount: 1,
    chunkCount: perDoc,
    byteSize: 1,
    needsOcrPages: [],
    tags: { targets: [`GBF-TARGET-${(d % 23) + 1}`], goals: [], subjects: [], sdgs: [] },
    classificationJson: "{}",
    createdAt: new Date(Date.UTC(2024, 0, 1 + d)).toISOString(),
    updatedAt: new Date().toISOString(),
    country: d % 2 ? "fr" : "br",
  };
  const chunks: ChunkRecord[] = Array.from({ length: perDoc }, (_, i) => {
    const v = unit();
    all.push({ id: `doc${d}:${i}`, v });
    return {
      id: `doc${d}:${i}`,
      documentId: doc.id,
      contentHash: doc.contentHash,
      index: i,
      text: `${sentence()} doc${d}x${i}`,
      pageStart: 1,
      pageEnd: 1,
      charStart: 0,
      charEnd: 10,
      language: "en",
      vector: v,
    };
  });
  putMs.push((await time(() => store.documents.put(doc, chunks)))[0]);
}
console.log(`put: ${docs} docs × ${perDoc} chunks, ${dims}-d: p50 ${p50(putMs)} ms/doc`);
// Re-put of one document (replace all its chunks) on a populated table.
console.log(
  `re-put one doc: ${(await time(() => store.chunks.forDocument("doc0").then((c) => store.documents.get("doc0").then((d) => store.documents.put(d!, c)))))[0].toFixed(1)} ms`,
);

const queries = Array.from({ length: 20 }, unit);
async function searchTimes(label: string) {
  const sem: number[] = [],
    kw: number[] = [],
    hy: number[] = [],
    flt: number[] = [];
  let recall = 0;
  for (const q of queries) {
    const [ms, hits] = await time(() => store.chunks.search({ mode: "semantic", vector: q, limit: 10 }));
    sem.push(ms);
    const exact = all
      .map((c) => ({ id: c.id, s: c.v.reduce((a, x, i) => a + x * q[i]!, 0) }))
      .sort((a, b) => b.s - a.s)
      .slice(0, 10);
    recall += hits.filter((h) => exact.some((e) => e.id === h.id)).length / 10;
    kw.push((await time(() => store.chunks.search({ mode: "keyword", text: "mangrove pollinator", limit: 10 })))[0]);
    hy.push(
      (await time(() => store.chunks.search({ mode: "hybrid", text: "mangrove pollinator", vector: q, limit: 10 })))[0],
    );
    flt.push(
      (
        await time(() =>
          store.chunks.search({
            mode: "semantic",
            vector: q,
            limit: 10,
            filter: { countries: ["fr"], targets: ["GBF-TARGET-3"] },
          }),
        )
      )[0],
    );
  }
  console.log(
    `${label}: semantic p50 ${p50(sem)} ms (recall@10 ${(recall / queries.length).toFixed(2)}), keyword ${p50(kw)} ms, hybrid ${p50(hy)} ms, filtered semantic ${p50(flt)} ms`,
  );
}
await searchTimes("before optimize (FTS rows unindexed, no ANN)");
const [optMs] = await time(() => store.optimize());
console.log(`optimize (compaction, FTS fold-in, IVF_RQ if ≥10k rows): ${(optMs / 1000).toFixed(1)} s`);
await searchTimes("after optimize");
const fresh = await time(() => store.chunks.search({ mode: "keyword", text: "doc7x3", limit: 3 }));
console.log(`keyword exact token after optimize: ${fresh[1].map((h) => h.id).join(",")}`);
await store.close();
await rm(dir, { recursive: true, force: true });
