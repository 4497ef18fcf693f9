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

/** GBF target sentences (long, ~260 chars) and titles (short, ~80 chars). */
async function corpusTexts(): Promise<{ sentences: string[]; titles: string[] }> {
  const path = fileURLToPath(new URL("../corpora/gbf-goals-targets.json", import.meta.url));
  const entries = JSON.parse(await readFile(path, "utf8")) as Array<{ title?: string; text?: string }>;
  const clean = (list: string[]) => list.map((s) => s.trim()).filter((s) => s.length > 10);
  return {
    sentences: clean(entries.flatMap((e) => (e.text ?? "").split(/(?<=[.;])\s+/))),
    titles: clean(entries.map((e) => e.title ?? "")),
  };
}

const report = (label: string, t: Throughput) =>
  console.log(
    `${label.padEnd(22)} ${t.perSecond.toFixed(1).padStart(7)} sentences/s  (${t.sentences} in ${t.seconds.toFixed(2)} s)`,
  );

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { "cpu-sample": { type: "string", default: "16" } } });
  const { sentences, titles } = await corpusTexts();
  const mean = (list: string[]) => (list.reduce((s, t) => s + t.length, 0) / list.length).toFixed(0);
  console.log(
    `GBF sentences: ${sentences.length}, mean ${mean(sentences)} chars; titles: ${titles.length}, mean ${mean(titles)} chars`,
  );
  const base = { backend: "use", modelsDir: "models", model: "", batchSize: 32 } as const;
  const onnx = await createEmbedder({ ...base, useRuntime: "onnx" });
  report("USE onnx, sentences", await measureEmbedThroughput(onnx, sentences));
  report("USE onnx, titles", await measureEmbedThroughput(onnx, titles));
  await onnx.close?.();
  const wasm = await createEmbedder({ ...base, useRuntime: "wasm" });
  report("USE wasm, sentences", await measureEmbedThroughput(wasm, sentences));
  report("USE wasm, titles", await measureEmbedThroughput(wasm, titles));
  // tfjs keeps one global backend, so the CPU run comes last, on a small sample.
  const cpu = await createEmbedder({ ...base, useRuntime: "cpu" });
  const n = Number(values["cpu-sample"]);
  report("USE cpu, sentences", await measureEmbedThroughput(cpu, sentences.slice(0, n)));
  report("USE cpu, titles", await measureEmbedThroughput(cpu, titles.slice(0, n)));
}
