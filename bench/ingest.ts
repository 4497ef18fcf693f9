// Ingest throughput (run: npm run bench:ingest [-- --pages N]). Ingests the samples and a generated
// N-page PDF (200) into a temp store through the real pipeline (extract → chunk → embed → store; no
// classifier) with the environment's EMBED_THREADS / EXTRACT_THREADS, then embeds the same chunk
// texts directly on the encoder in 0 (event loop), 1 and 2 threads to show the pipeline's overhead.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { createServices } from "../src/app.ts";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { createEmbedder, embedderOptionsFromConfig, type Embedder } from "../src/embed/index.ts";
import { createLogger } from "../src/logger.ts";

const { values } = parseArgs({ options: { pages: { type: "string", default: "200" } } });
const PAGES = Number(values.pages);
const dir = await mkdtemp(join(tmpdir(), "chm-bench-ingest-"));
const config = {
  ...loadConfig(process.env),
  DATA_DIR: join(dir, "data"),
  LOG_LEVEL: "silent" as const,
  JOB_TIMEOUT_MS: 3_600_000,
};

/** English corpus text, reduced to what the PDF standard fonts can encode. */
async function corpusParagraphs(): Promise<string[]> {
  const gbf = JSON.parse(await readFile("corpora/gbf-goals-targets.json", "utf8")) as Array<{
    title: string;
    text: string;
  }>;
  const questions = (await readFile("corpora/gbf-binary-questions.jsonl", "utf8"))
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { text: string; language: string })
    .filter((q) => q.language === "en")
    .map((q) => q.text);
  const ascii = (s: string) =>
    s
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, " ");
  return [...gbf.flatMap((g) => [g.title, g.text]), ...questions].map(ascii);
}

/** A text-layer PDF of `pages` pages, each filled with corpus paragraphs. */
async function bigPdf(pages: number): Promise<Uint8Array> {
  const paragraphs = await corpusParagraphs();
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const size = 10;
  const width = 500;
  let p = 0;
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([595, 842]);
    let y = 800;
    page.drawText(`Section ${n}`, { x: 48, y, size: 14, font });
    y -= 24;
    while (y > 60) {
      let line = "";
      for (const word of paragraphs[p++ % paragraphs.length]!.split(/\s+/)) {
        if (font.widthOfTextAtSize(`${line} ${word}`, size) > width) {
          page.drawText(line, { x: 48, y, size, font });
          y -= 13;
          line = word;
          if (y < 60) break;
        } else line = line ? `${line} ${word}` : word;
      }
      if (y >= 60 && line) page.drawText(line, { x: 48, y, size, font });
      y -= 20;
    }
  }
  return pdf.save();
}

/** Wraps the embedder to count the time the pipeline spends inside it. */
function timed(base: Embedder) {
  const stats = { ms: 0, texts: [] as string[] };
  const embedder: Embedder = {
    modelId: base.modelId,
    dims: base.dims,
    maxChars: base.maxChars,
    multilingual: base.multilingual,
    async embed(texts, kind, options) {
      const t = performance.now();
      const out = await base.embed(texts, kind, options);
      stats.ms += performance.now() - t;
      stats.texts.push(...texts);
      return out;
    },
  };
  return { embedder, stats };
}

const pdfPath = join(dir, `generated-${PAGES}-pages.pdf`);
await writeFile(pdfPath, await bigPdf(PAGES));
const sampleFiles = (await readdir(config.SAMPLES_DIR))
  .filter((f) => !["README.md", "manifest.json"].includes(f))
  .map((f) => join(config.SAMPLES_DIR, f));

const base = await createEmbedder(embedderOptionsFromConfig(config));
await base.embed(["warm-up sentence about wetlands"], "passage");
const { embedder, stats } = timed(base);
const services = await createServices(config, { embedder, classifier: null, logger: createLogger("silent") });

const rows: string[][] = [];
let totalPages = 0;
let totalChunks = 0;
let totalMs = 0;
for (const file of [...sampleFiles, pdfPath]) {
  const job = await services.queue.enqueue({ bytes: new Uint8Array(await readFile(file)), meta: { filename: file } });
  const t = performance.now();
  const outcome = await services.worker.runOnce();
  const ms = performance.now() - t;
  if (outcome?.job.id !== job.id || !outcome.result)
    throw new Error(`${file}: ${outcome?.error?.message ?? "not run"}`);
  const { pageCount, chunkCount } = outcome.result;
  totalPages += pageCount;
  totalChunks += chunkCount;
  totalMs += ms;
  rows.push([
    file.split("/").pop()!,
    String(pageCount),
    String(chunkCount),
    (ms / 1000).toFixed(2),
    (pageCount / (ms / 1000)).toFixed(1),
  ]);
}

const pipelineEmbedRate = stats.texts.length / (stats.ms / 1000);
await services.close();
// The same texts, same batch size, straight on the encoder: in the event loop, then 1 and 2 threads.
const encoderRates: Record<number, number> = {};
for (const threads of [0, 1, 2]) {
  const encoder =
    threads === config.EMBED_THREADS ? base : await createEmbedder({ ...embedderOptionsFromConfig(config), threads });
  await encoder.embed(["warm-up sentence about wetlands", "and coral reefs"], "passage");
  const t = performance.now();
  await encoder.embed(stats.texts, "passage");
  encoderRates[threads] = stats.texts.length / ((performance.now() - t) / 1000);
  if (encoder !== base) await encoder.close?.();
}
const directRate = encoderRates[config.EMBED_THREADS] ?? encoderRates[2]!;

console.log(
  `chm-lens ingest bench — ${base.modelId}, batch ${config.EMBED_BATCH_SIZE}, EMBED_THREADS ${config.EMBED_THREADS}, EXTRACT_THREADS ${config.EXTRACT_THREADS}, OCR ${config.OCR_ENABLED ? "on" : "off"}`,
);
console.log(["file", "pages", "chunks", "seconds", "pages/s"].join("\t"));
for (const r of rows) console.log(r.join("\t"));
const s = totalMs / 1000;
console.log(`\ntotal: ${totalPages} pages, ${totalChunks} chunks in ${s.toFixed(1)} s`);
console.log(`pipeline: ${(totalPages / s).toFixed(1)} pages/s, ${(totalChunks / s).toFixed(1)} chunks/s`);
console.log(
  `embedding inside the pipeline: ${pipelineEmbedRate.toFixed(1)} chunks/s (${((stats.ms / totalMs) * 100).toFixed(0)}% of pipeline time)`,
);
for (const [threads, rate] of Object.entries(encoderRates)) {
  console.log(
    `encoder alone, ${threads === "0" ? "on the event loop" : `${threads} thread(s)`}: ${rate.toFixed(1)} chunks/s`,
  );
}
console.log(
  `ratio pipeline-embedding / direct: ${(pipelineEmbedRate / directRate).toFixed(2)}; end-to-end chunks/s / direct: ${(totalChunks / s / directRate).toFixed(2)}`,
);

await base.close?.();
await rm(dir, { recursive: true, force: true });
