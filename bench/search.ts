/**
 * Search latency, ANN recall and bulk-load rate at scale.
 *
 * Per size: loads N chunks through the store's bulk path (or reuses a loaded folder), indexes
 * them, then runs Q queries per mode three ways — `http` (the full `GET /v1/search` endpoint on a
 * real port), `store` (the store query as the search service issues it) and `engine` (a bare
 * LanceDB top-10 query with the same index and parameters) — and measures ANN recall@10 against
 * exact search, with REAL USE-lite vectors (held-out sdg-dev passages as queries over a store
 * holding the other passages) and with the synthetic word-hash vectors.
 *
 * Query vectors for latency come from the synthetic hash embedder (no model time is included).
 *
 * Run: npm run bench:search -- --sizes 100000,1000000 --queries 300 --json bench/results/search.json
 *      [--keep DIR] (load into DIR/<size> and keep it)  [--reuse DIR] (DIR/<size> already loaded)
 *      [--load-only] (with --keep: load and index, no queries)
 *      [--corpus abstracts|target-sentences] (synthetic chunk text: bench/store-corpus.ts)
 */
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createApi, serveApi } from "../src/api/index.ts";
import { testConfig } from "../src/config.ts";
import { createEmbeddedQueue } from "../src/ingest/index.ts";
import { createSearchService, storeRequest } from "../src/search/index.ts";
import { createStore } from "../src/store/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { DIMS, hashEmbedder, hashVector, REAL_PASSAGES, type RealPassages, realPassageVectors } from "./store-data.ts";
import { CORPORA, type CorpusKind, corpusText } from "./store-corpus.ts";
import { openEngine } from "./store-engine.ts";
import { loadStore, readMeta } from "./store-load.ts";

function arg(name: string, def = ""): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
}
const SIZES = arg("sizes", "10000,100000").split(",").map(Number);
const QUERIES = Number(arg("queries", "300"));
const JSON_OUT = arg("json");
const REUSE = arg("reuse");
const KEEP = arg("keep");
// Load (and index) into --keep DIR and stop: the queries can then run later with --reuse DIR.
const LOAD_ONLY = process.argv.includes("--load-only");
const CORPUS = arg("corpus", "abstracts") as CorpusKind;
if (!CORPORA.includes(CORPUS)) throw new Error(`--corpus must be one of ${CORPORA.join(", ")}`);
const RECALL_QUERIES = Number(arg("recall-queries", "100"));
const HELD_OUT = 200;
/** Real passages loaded (0 for a quick smoke run without the USE cache). */
const REAL_COUNT = Number(arg("real", String(REAL_PASSAGES - HELD_OUT)));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!.toFixed(2));
};
const stats = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99) });
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

// Other work on the machine shows in every latency: the output says how loaded it was.
const startLoad = loadavg().map((x) => x.toFixed(1));
const vocab = await loadVocabulary();
// Real passages: loaded last, so a long load can start while bench/store-embed.ts embeds them.
let real: RealPassages | undefined;
const getReal = async () => (real ??= await realPassageVectors({ waitMs: 3 * 3600_000 }));
const loaded = async () => {
  const r = await getReal();
  return { texts: r.texts.slice(0, -HELD_OUT), vectors: r.vectors.slice(0, -HELD_OUT) };
};
console.log(
  `search bench: sizes ${SIZES.join(", ")}, ${QUERIES} queries per mode; ${REAL_COUNT} real passages ` +
    `(sdg-dev sentences, USE-lite vectors) + synthetic chunks with 512-d word-hash vectors`,
);

const runs: unknown[] = [];
let server: { close(): Promise<void> } | undefined;
for (const size of SIZES) {
  const dir = REUSE
    ? join(REUSE, String(size))
    : KEEP
      ? join(KEEP, String(size))
      : await mkdtemp(join(tmpdir(), "bench-"));
  const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: hashEmbedder.modelId });
  try {
    const meta = REUSE ? await readMeta(dir) : await loadStore(store, dir, size, vocab, REAL_COUNT, loaded, CORPUS);
    if (meta.corpus !== CORPUS) throw new Error(`${dir} holds the ${meta.corpus} corpus, not ${CORPUS} (--corpus)`);
    console.log(
      `\n== ${size} chunks: load ${meta.loadSeconds.toFixed(1)} s (${meta.chunksPerSecond} chunks/s; per tenth ${meta.segmentRates.join(", ")}), index ${meta.indexSeconds.toFixed(1)} s`,
    );
    if (LOAD_ONLY) {
      runs.push({ ...meta });
      continue;
    }
    const search = createSearchService({ store, embedder: hashEmbedder, vocab });
    const config = testConfig({ DATA_DIR: dir, RATE_LIMIT_PER_MINUTE: 0 });
    const app = createApi({
      config,
      store,
      queue: createEmbeddedQueue({ store, maxAttempts: 1 }),
      vocab,
      search,
      embedder: hashEmbedder,
      evalDir: join(dir, "eval"),
    } as Parameters<typeof createApi>[0]);
    const port = await new Promise<number>((resolve) => {
      server = serveApi(app, { port: 0, hostname: "127.0.0.1" }, (info) => resolve(info.port));
    });
    const engine = await openEngine(dir);
    const gen = await corpusText(CORPUS, vocab, 99);
    const queries = Array.from({ length: QUERIES }, () => gen.query());
    const warmGen = await corpusText(CORPUS, vocab, 5);
    const warmUp = Array.from({ length: 30 }, () => warmGen.query());
    const modes: Record<string, unknown> = {};
    for (const mode of ["hybrid", "semantic", "keyword"] as const) {
      const url = (q: string) => `http://127.0.0.1:${port}/v1/search?q=${encodeURIComponent(q)}&mode=${mode}`;
      // Warm-up on other queries of the same kind, so the first mode does not pay for a cold cache.
      for (const q of warmUp) await (await fetch(url(q))).json();
      const http: number[] = [];
      const direct: number[] = [];
      const bare: number[] = [];
      for (const [i, q] of queries.entries()) {
        const vector = hashVector(q);
        // The service embeds the query in every mode (keyword hits get their cosine too).
        const req = storeRequest({ q, mode, vector });
        const ways = [
          async () =>
            http.push(
              await timed(async () => {
                const res = await fetch(url(q));
                if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
                await res.json();
              }),
            ),
          async () => direct.push(await timed(() => store.chunks.search(req))),
          async () =>
            bare.push(
              await timed(() =>
                mode === "semantic"
                  ? engine.semantic(vector)
                  : mode === "keyword"
                    ? engine.keyword(q)
                    : engine.hybrid(q, vector),
              ),
            ),
        ];
        // The three ways take turns going first: whichever runs first reads the query's posting
        // lists and partitions from disk, the other two then find them in the page cache.
        for (let k = 0; k < ways.length; k++) await ways[(i + k) % ways.length]!();
      }
      modes[mode] = { http: stats(http), store: stats(direct), engine: stats(bare) };
      const m = modes[mode] as Record<string, { p50: number; p95: number; p99: number }>;
      console.log(
        `${mode.padEnd(8)} http ${JSON.stringify(m.http)} store ${JSON.stringify(m.store)} engine ${JSON.stringify(m.engine)} http/engine p50 ${(m.http!.p50 / m.engine!.p50).toFixed(2)}`,
      );
    }
    // Recall@10 of the store's semantic search (ANN) against exact search over the same table, with
    // the pool (and so the refine budget) the service asks for on a first page of 10.
    const recall = async (vectors: Float32Array[]) => {
      let hit = 0;
      for (const v of vectors) {
        const exact = await engine.exact(v);
        const pool = await store.chunks.search(storeRequest({ q: "", mode: "semantic", vector: v }));
        const got = new Set(pool.slice(0, 10).map((h) => h.id));
        hit += exact.filter((id) => got.has(id)).length;
      }
      return Number((hit / (vectors.length * 10)).toFixed(4));
    };
    const { vectors: realVectors, model } = REAL_COUNT > 0 ? await getReal() : { vectors: [], model: "none" };
    // --recall-queries 0 skips recall (an exact search over 1M rows takes seconds per query).
    const recallReal =
      REAL_COUNT > 0 && RECALL_QUERIES > 0 ? await recall(realVectors.slice(-HELD_OUT).slice(0, RECALL_QUERIES)) : null;
    const recallSynthetic =
      RECALL_QUERIES > 0 ? await recall(queries.slice(0, Math.min(50, RECALL_QUERIES)).map(hashVector)) : null;
    console.log(`recall@10 ANN vs exact: real USE vectors ${recallReal}, synthetic hash vectors ${recallSynthetic}`);
    runs.push({
      chunks: size,
      corpus: meta.corpus,
      loadSeconds: Number(meta.loadSeconds.toFixed(1)),
      indexSeconds: Number(meta.indexSeconds.toFixed(1)),
      chunksPerSecond: meta.chunksPerSecond,
      segmentRates: meta.segmentRates,
      recallAt10: recallReal,
      recallAt10Synthetic: recallSynthetic,
      recallVectors: `${RECALL_QUERIES} held-out sdg-dev passages embedded with ${model} (real encoder) over a store holding ${meta.realChunks} real passages and ${size - meta.realChunks} synthetic word-hash chunks`,
      modes,
    });
    engine.close();
    await server?.close();
  } finally {
    await store.close();
    if (!REUSE && !KEEP) await rm(dir, { recursive: true, force: true });
  }
}
if (JSON_OUT) {
  await mkdir(dirname(JSON_OUT), { recursive: true });
  // Runs of other sizes already in the file (earlier invocations) are kept.
  const before = existsSync(JSON_OUT)
    ? (JSON.parse(await readFile(JSON_OUT, "utf8")) as { runs: { chunks: number; corpus?: string }[] })
    : undefined;
  // A run is replaced by a new one of the same size and corpus (older files name no corpus).
  const key = (r: { chunks: number; corpus?: string }) => `${r.chunks}/${r.corpus ?? "target-sentences"}`;
  const sizes = new Set((runs as { chunks: number; corpus: string }[]).map(key));
  const out = {
    date: new Date().toISOString(),
    machine: `${cpus().length} cores; load average (1, 5, 15 min) at the start ${startLoad.join(", ")}, at the end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(", ")}`,
    queryVectors: "latency: synthetic word-hash query vectors (no model time); recall: real USE-lite vectors",
    runs: [...(before?.runs ?? []).filter((r) => !sizes.has(key(r))), ...runs].sort(
      (a, b) => (a as { chunks: number }).chunks - (b as { chunks: number }).chunks,
    ),
  };
  await writeFile(JSON_OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${JSON_OUT}`);
}
