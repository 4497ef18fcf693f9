/**
 * USE lite on onnxruntime (src/embed/internal/use-onnx) against the tfjs-wasm model it replaces:
 *   npx tsx bench/use-onnx.ts [--texts 200] [--equiv 500] [--rounds 2]
 * Prints conversion time, ms/text and chars/s at batch 1 and 8 on one thread (same texts, the
 * two engines taking turns each round), the equivalence over `--equiv` corpus texts, and a check
 * that the model loads and gives the same vectors inside worker threads.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { compareVectors as compare } from "../src/embed/internal/use-onnx/fixtures.ts";
import { loadTfjsModel } from "../src/embed/internal/use-embedder.ts";
import { convertUseModel } from "../src/embed/internal/use-onnx/convert.ts";
import { createUseOnnxModel } from "../src/embed/internal/use-onnx/use-onnx-model.ts";

type Embed = (texts: string[]) => Promise<number[][]>;

const { values } = parseArgs({
  options: {
    texts: { type: "string", default: "200" },
    equiv: { type: "string", default: "500" },
    rounds: { type: "string", default: "2" },
  },
});

/** Corpus records' "text" fields (sdg-dev and matchmaking jsonl files). */
function corpusTexts(): string[] {
  const files = ["corpora/sdg-dev/aurora-survey.jsonl", "corpora/sdg-dev/oro-gold.jsonl"];
  return files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { text?: unknown }).text)
      .filter((t): t is string => typeof t === "string" && t.trim().length > 0),
  );
}

/** Cuts at the last space before `size` chars, so pieces are ~size chars of whole words. */
function pieces(texts: string[], size: number, count: number): string[] {
  const out: string[] = [];
  for (const text of texts) {
    for (let at = 0; at + size <= text.length && out.length < count; ) {
      const end = text.lastIndexOf(" ", at + size);
      const cut = end > at + size / 2 ? end : at + size;
      out.push(text.slice(at, cut).trim());
      at = cut;
    }
    if (out.length >= count) break;
  }
  return out;
}

async function loadTfjs(): Promise<Embed> {
  const model = await loadTfjsModel("wasm");
  return (texts) => model.embed(texts);
}

async function timeIt(embed: Embed, texts: string[], batch: number) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < texts.length; i += batch) await embed(texts.slice(i, i + batch));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const chars = texts.reduce((s, t) => s + t.length, 0);
  return {
    msPerText: ms / texts.length,
    charsPerSec: chars / (ms / 1000),
    cpuMsPerText: (used.user + used.system) / 1000 / texts.length,
  };
}

/** Loads the ONNX model in a worker thread (tsx registered there, as thread-boot.mjs does). */
function embedInWorker(texts: string[]): Promise<number[][]> {
  const code = `
    import { parentPort, workerData } from "node:worker_threads";
    import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))};
    register();
    const { createUseOnnxModel } = await import(workerData.module);
    const model = await createUseOnnxModel({ threads: 1 });
    parentPort.postMessage(await model.embed(workerData.texts));
    await model.close();`;
  const module = import.meta.resolve("../src/embed/internal/use-onnx/use-onnx-model.ts");
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
    workerData: { module, texts },
  });
  return new Promise<number[][]>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (exit) => reject(new Error(`worker exited with ${exit} before answering`)));
  }).finally(() => worker.terminate());
}

const corpus = corpusTexts();
const speedTexts = pieces(corpus, 300, Number(values.texts));
const meanChars = speedTexts.reduce((s, t) => s + t.length, 0) / speedTexts.length;

let t = performance.now();
await convertUseModel();
console.log(`conversion (cold, in process): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
await convertUseModel();
console.log(`conversion (warm): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const onnxModel = await createUseOnnxModel({ threads: 1 });
console.log(`createUseOnnxModel (conversion + session): ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const tfjs = await loadTfjs();
console.log(`tfjs-wasm load: ${(performance.now() - t).toFixed(0)} ms`);
const onnx: Embed = (texts) => onnxModel.embed(texts);

console.log(`\nspeed: ${speedTexts.length} texts, mean ${meanChars.toFixed(0)} chars, one thread`);
for (const embed of [tfjs, onnx]) await embed(speedTexts.slice(0, 16));
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const batch of [1, 8]) {
    for (const [name, embed] of [
      ["tfjs-wasm", tfjs],
      ["onnx", onnx],
    ] as const) {
      const r = await timeIt(embed, speedTexts, batch);
      console.log(
        `round ${round} batch ${batch} ${name.padEnd(9)} ${r.msPerText.toFixed(2).padStart(6)} ms/text ` +
          `${Math.round(r.charsPerSec).toString().padStart(7)} chars/s  (process CPU ${r.cpuMsPerText.toFixed(2)} ms/text)`,
      );
    }
  }
}

// Lengths spread over 20–1,000 chars (the service's limit), unsorted batches of 8 on both sides,
// so most rows are padded and the clip at 128 tokens is hit too.
const equivTexts = corpus.slice(0, Number(values.equiv)).map((s, i) => s.slice(0, 20 + ((i * 137) % 981)));
const ours: number[][] = [];
const theirs: number[][] = [];
for (let i = 0; i < equivTexts.length; i += 8) {
  ours.push(...(await onnx(equivTexts.slice(i, i + 8))));
  theirs.push(...(await tfjs(equivTexts.slice(i, i + 8))));
}
const stats = ours.map((v, i) => compare(v, theirs[i]!));
const cosines = stats.map((s) => s.cosine).sort((a, b) => a - b);
console.log(
  `\nequivalence over ${stats.length} corpus texts (≤1,000 chars, mean ${(equivTexts.reduce((s, x) => s + x.length, 0) / equivTexts.length).toFixed(0)}): ` +
    `min cosine 1 − ${(1 - cosines[0]!).toExponential(2)}, median 1 − ${(1 - cosines[cosines.length >> 1]!).toExponential(2)}, ` +
    `max abs diff ${Math.max(...stats.map((s) => s.maxAbs)).toExponential(2)}`,
);

const probe = speedTexts.slice(0, 4);
const main = await onnx(probe);
const threads = await Promise.all([embedInWorker(probe), embedInWorker(probe)]);
const workerDiff = Math.max(...threads.flatMap((vs) => vs.map((v, i) => compare(v, main[i]!).maxAbs)));
console.log(`\nworker threads: 2 workers loaded the model and embedded; max abs diff to the main thread ${workerDiff}`);
await onnxModel.close();
