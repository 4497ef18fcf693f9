/**
 * Embedding throughput: `tsx bench/embed.ts [--cpu-sample N]`.
 * Prints sentences/s for USE lite on tfjs's WASM kernels (the default) and on the pure-JS
 * CPU kernels (measured on a small sample: it is much slower).
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createEmbedder, type Embedder } from "../src/embed/index.ts";

export interface Throughput {
  sentences: number;
  seconds: number;
  perSecond: number;
}

/** Embeds `texts` once to warm up on a few of them, then times one full pass. */
export async function measureEmbedThroughput(embedder: Embedder, texts: string[]): Promise<Throughput> {
  await embedder.embed(texts.slice(0, 8), "passage");
  const started = performance.now();
  await embedder.embed(texts, "passage");
  const seconds = (performance.now() - started) / 1000;
  return { sentences: texts.length, seconds, perSecond: texts.length / seconds };
}

async function corpusSentences(): Promise<string[]> {
  const path = fileURLToPath(new URL("../corpora/gbf-goals-targets.json", import.meta.url));
  const entries = JSON.parse(await readFile(path, "utf8")) as Array<{ title?: string; text?: string }>;
  return entries
    .flatMap((e) => [e.title ?? "", ...(e.text ?? "").split(/(?<=[.;])\s+/)])
    .map((s) => s.trim())
    .filter((s) => s.length > 10);
}

const report = (label: string, t: Throughput) =>
  console.log(`${label.padEnd(22)} ${t.perSecond.toFixed(1).padStart(7)} sentences/s  (${t.sentences} in ${t.seconds.toFixed(2)} s)`);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { "cpu-sample": { type: "string", default: "32" } } });
  const texts = await corpusSentences();
  const meanChars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  console.log(`${texts.length} GBF sentences, mean ${meanChars.toFixed(0)} chars, batch size 32`);
  const base = { backend: "use", modelsDir: "models", model: "", batchSize: 32 } as const;
  report("USE lite, tfjs wasm", await measureEmbedThroughput(await createEmbedder({ ...base, tfBackend: "wasm" }), texts));
  // tfjs keeps one global backend, so the CPU run comes last.
  const sample = texts.slice(0, Number(values["cpu-sample"]));
  report("USE lite, tfjs cpu", await measureEmbedThroughput(await createEmbedder({ ...base, tfBackend: "cpu" }), sample));
}
