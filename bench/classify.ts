/**
 * Classification speed: texts per second over the development set, and milliseconds per 10-page
 * document. Run: npm run bench:classify
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadDevSet, loadOrTrainClassifier } from "../src/classify/index.ts";
import { createEmbedder } from "../src/embed/index.ts";
import { loadVocabulary } from "../src/vocab/index.ts";

const vocab = await loadVocabulary();
const dev = await loadDevSet(undefined, { vocab });
const embedder = await createEmbedder({ backend: "use", modelsDir: "", model: "", batchSize: 32 });
const cacheDir = await mkdtemp(join(tmpdir(), "bench-classify-"));
try {
  let t = performance.now();
  const classifier = await loadOrTrainClassifier({ embedder, vocab, examples: dev, cacheDir });
  console.log(`train (${dev.length} examples, cold): ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // A suffix keeps the texts out of the trainer's embedding memo, so the model runs for each.
  const texts = dev.map((e) => `${e.text} (bench)`);
  await classifier.classifyText(texts[0]!); // warm-up
  t = performance.now();
  for (const text of texts) await classifier.classifyText(text);
  const secs = (performance.now() - t) / 1000;
  console.log(`classifyText: ${(texts.length / secs).toFixed(1)} texts/s (${texts.length} dev-set texts)`);

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
  const runs = 5;
  t = performance.now();
  for (let i = 0; i < runs; i++) await classifier.classifyChunks(chunks.map((c) => ({ ...c, text: `${c.text} ${i}` })));
  console.log(
    `classifyChunks: ${((performance.now() - t) / runs).toFixed(0)} ms per 10-page document (${chunks.length} chunks, embedding included)`,
  );
} finally {
  await rm(cacheDir, { recursive: true, force: true });
}
