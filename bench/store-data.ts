/**
 * Data for the search benchmark: synthetic chunks (texts from the GBF target sentences with
 * generated variation, 512-d word-hashing vectors) and REAL passages (sentences and two-sentence
 * windows of the sdg-dev abstracts in corpora/sdg-dev/) with real USE-lite vectors, embedded once
 * and cached in node_modules/.cache/chm-lens/bench-passages/ so later runs never re-embed.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createEmbedder } from "../src/embed/index.ts";
import type { Embedder } from "../src/embed/types.ts";
import type { Vocabulary } from "../src/vocab/index.ts";

export const DIMS = 512;
const CACHE = "node_modules/.cache/chm-lens/bench-passages";
export const SOURCES = ["corpora/sdg-dev/aurora-survey.jsonl", "corpora/sdg-dev/oro-gold.jsonl"];

/** Seeded PRNG (LCG) so runs are comparable. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const wordSlots = new Map<string, number[]>();
/** Deterministic 512-d "topic" vector: each word adds weight to 4 hashed slots. Not a real model. */
export function hashVector(text: string): Float32Array {
  const v = new Float32Array(DIMS);
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let slots = wordSlots.get(w);
    if (!slots) {
      const h = createHash("md5").update(w).digest();
      slots = [0, 1, 2, 3].map((k) => h.readUInt16LE(k * 2) % DIMS);
      wordSlots.set(w, slots);
    }
    slots.forEach((s, k) => (v[s]! += k === 0 ? 1 : 0.5));
  }
  let n = 0;
  for (const x of v) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < DIMS; i++) v[i]! /= n;
  return v;
}

export interface RealPassages {
  texts: string[];
  vectors: Float32Array[];
  model: string;
}

export const hashEmbedder: Embedder = {
  modelId: "bench-hash-512",
  dims: DIMS,
  maxChars: 1000,
  multilingual: false,
  embed: async (texts) => texts.map(hashVector),
} as Embedder;

/** Synthetic chunk texts and keyword queries drawn from the GBF target sentences. */
export function syntheticText(vocab: Vocabulary, seed: number) {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
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
  return {
    rand,
    pick,
    chunk: () => {
      const n = 2 + Math.floor(rand() * 3);
      const extra = Array.from({ length: 6 }, () => pick(words)).join(" ");
      return `${Array.from({ length: n }, () => pick(sentences)).join(" ")} Local note: ${extra}.`;
    },
    query: () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(words)).join(" "),
  };
}

/** Real passages used: 20,000 loaded into the store plus 200 held out as recall queries. */
export const REAL_PASSAGES = 20_200;

/**
 * Sentences (≥ 40 chars) and two-sentence windows of the sdg-dev abstracts, deduplicated, in
 * file order, the first `REAL_PASSAGES`.
 */
export async function realPassages(): Promise<string[]> {
  const out = new Set<string>();
  for (const file of SOURCES) {
    for (const line of (await readFile(file, "utf8")).split("\n")) {
      if (!line.trim()) continue;
      const text = String((JSON.parse(line) as { text: string }).text);
      const sents = text
        .split(/(?<=[.!?])\s+|\n+/)
        .map((s) => s.trim())
        .filter((s) => s.length >= 40);
      sents.forEach((s, i) => {
        out.add(s);
        if (i % 2 === 0 && sents[i + 1]) out.add(`${s} ${sents[i + 1]}`);
      });
    }
  }
  return [...out].slice(0, REAL_PASSAGES);
}

/** Real passages with their USE-lite vectors, embedded once and cached (text hash checked). */
export async function realPassageVectors(opts: { waitMs?: number } = {}): Promise<RealPassages> {
  const texts = await realPassages();
  const key = createHash("sha256").update(texts.join("\n")).digest("hex").slice(0, 16);
  const bin = join(CACHE, `use-lite-${key}.f32`);
  const meta = join(CACHE, `use-lite-${key}.json`);
  // Another process (bench/store-embed.ts) may be building the cache: wait for it.
  for (const until = Date.now() + (opts.waitMs ?? 0); !existsSync(meta) && Date.now() < until; ) {
    await new Promise((r) => setTimeout(r, 5000));
  }
  if (existsSync(bin) && existsSync(meta)) {
    const buf = await readFile(bin);
    const all = new Float32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4);
    const { model } = JSON.parse(await readFile(meta, "utf8")) as { model: string };
    return { texts, vectors: texts.map((_, i) => all.slice(i * DIMS, (i + 1) * DIMS)), model };
  }
  // Two encoder threads: the cache is built once, as fast as the (shared) machine allows.
  const embedder = await createEmbedder({ backend: "use", modelsDir: "models", model: "", batchSize: 32, threads: 2 });
  const all = new Float32Array(texts.length * DIMS);
  const t = performance.now();
  for (let i = 0; i < texts.length; i += 256) {
    const vs = await embedder.embed(texts.slice(i, i + 256), "passage");
    vs.forEach((v, j) => all.set(v, (i + j) * DIMS));
    if ((i / 256) % 4 === 0) console.log(`  embedded ${i + vs.length}/${texts.length} real passages with USE`);
  }
  console.log(`embedded ${texts.length} passages in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await mkdir(CACHE, { recursive: true });
  await writeFile(bin, Buffer.from(all.buffer));
  await writeFile(meta, JSON.stringify({ model: embedder.modelId, count: texts.length, sources: SOURCES }));
  return { texts, vectors: texts.map((_, i) => all.slice(i * DIMS, (i + 1) * DIMS)), model: embedder.modelId };
}
