/**
 * Classification speed: texts per second over the development set, and milliseconds per 10-page
 * document. Run: npm run bench:classify
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDevSet, loadOrTrainClassifier } from "../src/classify/index.ts";
import { loadConfig } from "../src/config.ts";
import { createEmbedder } from "../src/embed/index.ts";
import { DEFAULT_CORPORA_DIR, loadVocabulary } from "../src/vocab/index.ts";

const vocab = await loadVocabulary();
const dev = await loadDevSet(undefined, { vocab });
// The service's own encoder set-up: EMBED_THREADS worker threads (default 2, one per core).
const { EMBED_THREADS } = loadConfig(process.env);
const embedder = await createEmbedder({
  backend: "use",
  modelsDir: "",
  model: "",
  batchSize: 32,
  threads: EMBED_THREADS,
});
/** Requests in flight for the throughput figure (several users, or a batch client). */
const CONCURRENCY = 4;
const cacheDir = await mkdtemp(join(tmpdir(), "bench-classify-"));
try {
  let t = performance.now();
  await loadOrTrainClassifier({ embedder, vocab, examples: dev, cacheDir });
  console.log(`train (${dev.length} examples, cold): ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // The classifier memoises the vectors of texts it has embedded (training texts included), and an
  // abstract's windows repeat across passes: each pass gets a classifier loaded from the cache, whose
  // memo is empty, so the encoder runs for every text.
  // CPU seconds are printed too: on a shared machine wall time mostly measures the neighbours.
  // One at a time (a person pasting a text: its latency) and CONCURRENCY at a time (throughput).
  const rate = async (name: string, texts: string[]) => {
    for (const inFlight of [1, CONCURRENCY]) {
      const fresh = await loadOrTrainClassifier({ embedder, vocab, examples: dev, cacheDir });
      await fresh.classifyText("Warm-up: wetlands protect coasts from storms."); // warm-up
      const cpu = process.cpuUsage();
      const t0 = performance.now();
      let next = 0;
      const lane = async () => {
        while (next < texts.length) await fresh.classifyText(texts[next++]!);
      };
      await Promise.all(Array.from({ length: inFlight }, lane));
      const secs = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSecs = (used.user + used.system) / 1e6;
      console.log(
        `classifyText, ${name}, ${inFlight} in flight: ${(texts.length / secs).toFixed(1)} texts/s wall, ${(texts.length / cpuSecs).toFixed(1)} texts per CPU-second (${texts.length} texts, mean ${Math.round(texts.reduce((a, x) => a + x.length, 0) / texts.length)} chars, ${EMBED_THREADS} encoder threads)`,
      );
    }
  };
  await rate(
    "dev-set questions",
    dev.map((e) => e.text),
  );
  // ~200-word research abstracts (the SDG development set), the speed yardstick.
  const abstracts = (
    await loadDevSet(undefined, { vocab, file: join(DEFAULT_CORPORA_DIR, "sdg-dev", "oro-gold.jsonl") })
  )
    .slice(0, 100)
    .map((e) => e.text);
  await rate("abstracts", abstracts);

  // A 10-page document: ~3,000 characters per page, built from the GBF target texts.
  const body = vocab
    .terms("gbf-targets")
    .map((term) => term.longDescription.en ?? "")
    .join("\n\n");
  const pages = Array.from({ length: 10 }, (_, i) =>
    body
      .slice((i * 3000) % body.length)
      .slice(0, 3000)
      .padEnd(3000, " filler text"),
  );
  const chunks = pages.flatMap((page, p) =>
    [0, 1, 2].map((c) => ({ id: `p${p}c${c}`, page: p + 1, text: page.slice(c * 1000, (c + 1) * 1000) })),
  );
  // A fresh classifier per run, as above: a suffix changed only the last window of each chunk.
  const runs = 5;
  let ms = 0;
  for (let i = 0; i < runs; i++) {
    const fresh = await loadOrTrainClassifier({ embedder, vocab, examples: dev, cacheDir });
    t = performance.now();
    await fresh.classifyChunks(chunks);
    ms += performance.now() - t;
  }
  console.log(
    `classifyChunks: ${(ms / runs).toFixed(0)} ms per 10-page document (${chunks.length} chunks, embedding included)`,
  );
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
