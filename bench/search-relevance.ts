/**
 * Score distributions behind the search relevance floor (SEARCH_MIN_SIMILARITY) and the ranking
 * on the samples. Ingests `corpora/samples/` plus two island-invasives documents through the real
 * pipeline (USE-lite, LanceDB, no classifier) into a temp folder, then prints, per query set, the
 * cosine of the best chunk against the query: on-topic = the English GBF questions of the dev set
 * (`corpora/gbf-binary-questions.jsonl`) and hand-written searches; off-topic = nonsense and
 * everyday queries with no biodiversity content. Also times keyword/hybrid search with and
 * without fuzzy matching.
 *
 * Run: npx tsx bench/search-relevance.ts
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServices } from "../src/app.ts";
import { testConfig } from "../src/config.ts";
import { createEmbedder } from "../src/embed/index.ts";
import { createLogger } from "../src/logger.ts";
import { createSearchService } from "../src/search/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";
import { ISLAND_DOCS } from "../test/helpers/island-docs.ts";

export const ON_TOPIC_HANDWRITTEN = [
  "invasive species on islands",
  "wetland restoration",
  "protected areas",
  "harmful subsidies",
  "pesticide pollution",
  "urban green spaces",
  "marine protected areas",
  "biodiversity finance",
  "threatened species recovery",
  "climate change and ecosystems",
  "sustainable fisheries",
  "rat eradication seabirds",
];

export const OFF_TOPIC = [
  "xylophone quantum chromodynamics",
  "banana smartphone warranty",
  "football world cup final score",
  "how to bake sourdough bread",
  "javascript promise tutorial",
  "cryptocurrency stock prices today",
  "celebrity wedding gossip",
  "change the engine oil of a car",
  "medieval castle architecture",
  "opera singer biography",
  "asdkjh qwezxc plmokn",
  "lorem ipsum dolor sit amet",
  "knitting patterns for scarves",
  "income tax return deadline",
  "video game console review",
  "guitar chords for beginners",
  "quantum computing qubit error correction",
  "pizza delivery near me",
  "printer driver installation",
  "piano sonata in C minor",
  "dental implant cost",
  "basketball playoffs schedule",
  "wifi password reset router",
  "romantic comedy movies 1990s",
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round((p / 100) * (s.length - 1))))]!;
};
const summary = (name: string, xs: number[]) =>
  console.log(
    `${name.padEnd(28)} n=${String(xs.length).padStart(3)}  min ${pct(xs, 0).toFixed(3)}  p5 ${pct(xs, 5).toFixed(3)}  p25 ${pct(xs, 25).toFixed(3)}  median ${pct(xs, 50).toFixed(3)}  p75 ${pct(xs, 75).toFixed(3)}  p95 ${pct(xs, 95).toFixed(3)}  max ${pct(xs, 100).toFixed(3)}`,
  );

async function main() {
  const dir = await mkdtemp(join(tmpdir(), "chm-relevance-"));
  const embedder = await createEmbedder({ backend: "use", modelsDir: "models", model: "", batchSize: 32 });
  const config = testConfig({ DATA_DIR: dir, INGEST_SAMPLES_ON_EMPTY: false, JOB_POLL_MS: 20, LOG_LEVEL: "silent" });
  const s = await createServices(config, { embedder, logger: createLogger("silent"), classifier: null });
  try {
    for (const name of await readdir("corpora/samples")) {
      if (name === "README.md" || name === "manifest.json") continue;
      const bytes = new Uint8Array(await readFile(join("corpora/samples", name)));
      await s.queue.enqueue({ bytes, meta: { filename: name }, documentKey: `samples/${name}` });
    }
    for (const d of ISLAND_DOCS) {
      await s.queue.enqueue({ bytes: new TextEncoder().encode(d.text), meta: { filename: d.filename } });
    }
    while (await s.worker.runOnce());
    await s.store.optimize();
    console.log(`documents ${await s.store.documents.count()}, chunks ${await s.store.chunks.count()}`);

    const dev = (await readFile("corpora/gbf-binary-questions.jsonl", "utf8"))
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; language: string })
      .filter((r) => r.language === "en")
      .map((r) => r.text);
    const best = async (qs: string[]) => {
      const vectors = await embedder.embed(qs, "query");
      const out: number[] = [];
      for (const v of vectors) {
        const [top] = await s.store.chunks.search({ mode: "semantic", vector: v, limit: 1 });
        out.push(top?.score ?? 0);
      }
      return out;
    };
    const sets: [string, string[]][] = [
      ["on-topic: dev questions (en)", dev],
      ["on-topic: hand-written", ON_TOPIC_HANDWRITTEN],
      ["off-topic: nonsense/everyday", OFF_TOPIC],
    ];
    console.log("\nbest-chunk cosine (USE-lite) of each query:");
    for (const [name, qs] of sets) summary(name, await best(qs));
    const off = await best(OFF_TOPIC);
    OFF_TOPIC.forEach((q, i) => console.log(`  ${off[i]!.toFixed(3)}  ${q}`));
    const hand = await best(ON_TOPIC_HANDWRITTEN);
    ON_TOPIC_HANDWRITTEN.forEach((q, i) => console.log(`  ${hand[i]!.toFixed(3)}  ${q}`));

    // The service without a floor: the best document's relevance per query and mode.
    const open = createSearchService({
      store: s.store,
      embedder,
      vocab: await loadVocabulary(),
      minRelevance: { semantic: 0, hybrid: 0 },
    });
    const bestDoc = async (qs: string[], mode: "semantic" | "hybrid") => {
      const out: number[] = [];
      for (const q of qs) out.push((await open.search({ q, mode, limit: 1 })).hits[0]?.passages[0]?.score ?? 0);
      return out;
    };
    console.log("\nbest passage relevance (0-1 scale) without a floor:");
    for (const mode of ["semantic", "hybrid"] as const) {
      for (const [name, qs] of sets) {
        const xs = await bestDoc(qs, mode);
        summary(`${mode} ${name}`, xs);
        const kept = (f: number) => `${xs.filter((x) => x >= f).length}/${xs.length}`;
        console.log(
          `    at or above 0.15: ${kept(0.15)}  0.18: ${kept(0.18)}  0.20: ${kept(0.2)}  0.22: ${kept(0.22)}`,
        );
      }
    }
    const offHybrid = await bestDoc(OFF_TOPIC, "hybrid");
    OFF_TOPIC.forEach((q, i) => console.log(`  hybrid ${offHybrid[i]!.toFixed(3)}  ${q}`));

    console.log("\nranking for 'invasive species on islands':");
    for (const mode of ["hybrid", "semantic", "keyword"] as const) {
      const res = await s.search.search({ q: "invasive species on islands", mode });
      console.log(`  ${mode}: ${res.hits.map((h) => `${h.filename}(${h.score.toFixed(3)})`).join(", ")}`);
    }
    console.log("\nwith the shipped floors:");
    for (const q of ["xylophone quantum chromodynamics", "invasiv specis on islnds", "wetland restoraton"]) {
      for (const mode of ["hybrid", "semantic", "keyword"] as const) {
        const res = await s.search.search({ q, mode });
        console.log(`  ${q} / ${mode}: ${res.hits.length} hits, floor ${JSON.stringify(res.floor)}`);
      }
    }

    console.log("\nfuzzy cost (ms per query, 40 queries x 5 rounds, samples store):");
    const typo = [...ON_TOPIC_HANDWRITTEN, ...OFF_TOPIC.slice(0, 8)].flatMap((q) => [
      q,
      q.replace(/([a-z])([a-z])/, "$2$1"),
    ]);
    for (const mode of ["keyword", "hybrid"] as const) {
      for (const fuzzy of [false, true]) {
        const times: number[] = [];
        for (let round = 0; round < 5; round++) {
          for (const q of typo) {
            const t0 = performance.now();
            await s.search.search({ q, mode, fuzzy });
            times.push(performance.now() - t0);
          }
        }
        console.log(`  ${mode} fuzzy=${fuzzy}: p50 ${pct(times, 50).toFixed(1)}  p95 ${pct(times, 95).toFixed(1)}`);
      }
    }
  } finally {
    await s.close();
    await embedder.close?.();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
