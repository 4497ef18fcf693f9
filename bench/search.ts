/**
 * Search latency and ANN recall. Loads N chunks (texts derived from the GBF target texts with
 * generated variation) into a temp store, then runs Q queries per mode through the HTTP API
 * (`app.request`, in-process) and straight against the store, and measures recall@10 of the
 * ANN index against exact cosine search.
 *
 * Vectors are SYNTHETIC: a word-hashing "topic" embedder (512-d, clustered by shared words) is
 * used for chunks and queries alike, because embedding 100k texts with USE takes far too long
 * here. Latency and recall therefore reflect the store and API, not a real model's geometry.
 *
 * Run: npm run bench:search -- --sizes 10000,100000 --queries 500
 */
import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApi } from "../src/api/index.ts";
import { testConfig } from "../src/config.ts";
import type { Embedder } from "../src/embed/types.ts";
import { createEmbeddedQueue } from "../src/ingest/index.ts";
import { createSearchService } from "../src/search/index.ts";
import { createStore, type ChunkRecord, type DocumentRecord } from "../src/store/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
}
const SIZES = arg("sizes", "10000,100000").split(",").map(Number);
const QUERIES = Number(arg("queries", "500"));
const PER_DOC = Number(arg("chunks-per-doc", "50"));
const DIMS = 512;

// Seeded PRNG so runs are comparable.
let seed = 42;
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

function embedText(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const h = createHash("md5").update(w).digest();
    for (let k = 0; k < 4; k++) v[h.readUInt16LE(k * 2) % DIMS]! += k === 0 ? 1 : 0.5;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}
const embedder: Embedder = {
  modelId: "bench-hash-512",
  dims: DIMS,
  maxChars: 1000,
  multilingual: false,
  embed: async (texts) => texts.map(embedText),
};

const vocab = await loadVocabulary();
const sentences = vocab
  .terms("gbf-targets")
  .flatMap((t) => (t.longDescription.en ?? "").split(/(?<=[.;])\s+/))
  .filter((s) => s.length > 30);
const words = [
  ...new Set(
    sentences
      .join(" ")
      .toLowerCase()
      .match(/\p{L}{4,}/gu) ?? [],
  ),
];
const COUNTRIES = ["fr", "br", "ke", "fj", "in", "ca", "mx", "ng", "id", "de"];

function chunkText(): string {
  const n = 2 + Math.floor(rand() * 3);
  const extra = Array.from({ length: 6 }, () => pick(words)).join(" ");
  return `${Array.from({ length: n }, () => pick(sentences)).join(" ")} Local note: ${extra}.`;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms`;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

console.log(
  `search bench: sizes ${SIZES.join(", ")}, ${QUERIES} queries per mode, synthetic 512-d word-hash vectors (not a real model)`,
);
for (const size of SIZES) {
  const dir = await mkdtemp(join(tmpdir(), "bench-search-"));
  try {
    const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: embedder.modelId });
    const all: { id: string; vector: Float32Array }[] = [];
    let t = performance.now();
    for (let d = 0; d * PER_DOC < size; d++) {
      const id = `d${d}`;
      const doc: DocumentRecord = {
        id,
        contentHash: `h${d}`,
        mediaType: "text/plain",
        language: "en",
        pageCount: 1,
        chunkCount: 0,
        byteSize: 0,
        needsOcrPages: [],
        title: `Report ${d}`,
        country: pick(COUNTRIES),
        tags: { targets: [pick(vocab.terms("gbf-targets")).identifier], goals: [], subjects: [], sdgs: [] },
        classificationJson: "{}",
        createdAt: new Date(Date.UTC(2024, 0, 1 + (d % 365))).toISOString(),
        updatedAt: new Date().toISOString(),
      };
      const n = Math.min(PER_DOC, size - d * PER_DOC);
      const chunks: ChunkRecord[] = Array.from({ length: n }, (_, i) => {
        const text = chunkText();
        return {
          id: `${id}:${i}`,
          documentId: id,
          contentHash: doc.contentHash,
          index: i,
          text,
          pageStart: 1,
          pageEnd: 1,
          charStart: 0,
          charEnd: text.length,
          language: "en",
          vector: embedText(text),
        };
      });
      doc.chunkCount = n;
      await store.documents.put(doc, chunks);
      for (const c of chunks) all.push({ id: c.id, vector: c.vector });
    }
    console.log(`\n== ${size} chunks: loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await store.optimize();
    console.log(`optimize (FTS + ANN index when >= 10k rows): ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const config = testConfig({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: 0 });
    const search = createSearchService({ store, embedder, vocab });
    const app = createApi({
      config,
      store,
      queue: createEmbeddedQueue({ store, maxAttempts: 1 }),
      vocab,
      search,
      evalDir: join(dir, "eval"),
    });
    const queries = Array.from({ length: QUERIES }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(words)).join(" "),
    );

    for (const mode of ["hybrid", "semantic", "keyword"] as const) {
      await app.request(`/v1/search?q=${encodeURIComponent(queries[0]!)}&mode=${mode}`); // warm-up
      const http: number[] = [];
      const direct: number[] = [];
      for (const q of queries) {
        http.push(
          await timed(async () => {
            const res = await app.request(`/v1/search?q=${encodeURIComponent(q)}&mode=${mode}`);
            if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
            await res.json();
          }),
        );
        const vector = mode === "keyword" ? undefined : embedText(q);
        direct.push(await timed(() => store.chunks.search({ mode, text: q, vector, limit: 300 })));
      }
      console.log(`${mode.padEnd(8)} HTTP   ${fmt(http)}`);
      console.log(
        `${mode.padEnd(8)} store  ${fmt(direct)}   (HTTP/store p50 ratio ${(pct(http, 50) / pct(direct, 50)).toFixed(2)})`,
      );
    }

    // recall@10: the store's semantic search (ANN when indexed) against exact cosine over all vectors.
    let hits = 0;
    const recallQueries = queries.slice(0, Math.min(100, queries.length));
    for (const q of recallQueries) {
      const qv = embedText(q);
      const exact = all
        .map((c) => {
          let s = 0;
          for (let i = 0; i < DIMS; i++) s += c.vector[i]! * qv[i]!;
          return { id: c.id, s };
        })
        .sort((a, b) => b.s - a.s)
        .slice(0, 10)
        .map((x) => x.id);
      const ann = new Set((await store.chunks.search({ mode: "semantic", vector: qv, limit: 10 })).map((h) => h.id));
      hits += exact.filter((id) => ann.has(id)).length;
    }
    console.log(
      `recall@10 ANN vs exact (${recallQueries.length} queries): ${(hits / (recallQueries.length * 10)).toFixed(3)}${size < 10_000 ? " (no ANN index below 10k rows: exact search)" : ""}`,
    );
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
