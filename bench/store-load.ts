/**
 * Loads a benchmark store through the store's bulk path (`documents.putMany`), then indexes it
 * (`store.optimize()`: FTS + IVF_RQ). The last documents hold the real passages with their USE
 * vectors (fetched only when the load reaches them, so a long load can start while they embed),
 * the rest synthetic chunks. Writes `bench-meta.json` into the folder so a later run
 * can `--reuse` it without reloading.
 */
import { readFile, writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { ChunkRecord, DocumentRecord, DocumentStore } from "../src/store/index.ts";
import type { Vocabulary } from "../src/vocab/index.ts";
import { type CorpusKind, corpusText } from "./store-corpus.ts";
import { hashVector } from "./store-data.ts";

export interface LoadMeta {
  chunks: number;
  documents: number;
  realChunks: number;
  loadSeconds: number;
  indexSeconds: number;
  chunksPerSecond: number;
  /** Chunks/s over each tenth of the load: flat when loading is linear. */
  segmentRates: number[];
  /** The machine's 1-minute load average at the start and end of the load (other work skews rates). */
  loadAverage: [number, number];
  /** Text of the synthetic chunks (bench/store-corpus.ts); folders from before the choice: target-sentences. */
  corpus: CorpusKind;
}

const COUNTRIES = ["fr", "br", "ke", "fj", "in", "ca", "mx", "ng", "id", "de"];
const PER_DOC = 50;
const DOCS_PER_CALL = 400;

export async function readMeta(dir: string): Promise<LoadMeta> {
  const meta = JSON.parse(await readFile(join(dir, "bench-meta.json"), "utf8")) as Partial<LoadMeta>;
  return { ...meta, corpus: meta.corpus ?? "target-sentences" } as LoadMeta;
}

export async function loadStore(
  store: DocumentStore,
  dir: string,
  size: number,
  vocab: Vocabulary,
  realCount: number,
  getReal: () => Promise<{ texts: string[]; vectors: Float32Array[] }>,
  corpus: CorpusKind,
): Promise<LoadMeta> {
  const gen = await corpusText(corpus, vocab, 7);
  const targets = vocab.terms("gbf-targets").map((t) => t.identifier);
  const makeDoc = (d: number, n: number): DocumentRecord => ({
    id: `d${d}`,
    contentHash: `h${d}`,
    mediaType: "text/plain",
    language: "en",
    pageCount: Math.ceil(n / 3),
    chunkCount: n,
    byteSize: n * 800,
    needsOcrPages: [],
    title: `Report ${d}`,
    country: gen.pick(COUNTRIES),
    tags: { targets: [gen.pick(targets), gen.pick(targets)], goals: [], subjects: [], sdgs: [] },
    classificationJson: JSON.stringify({
      suggestions: targets.slice(0, 10).map((id, k) => ({
        id,
        space: "gbf",
        score: 0.9 - k * 0.05,
        decision: k < 2 ? "suggest" : "none",
        evidence: [{ page: 1, start: 0, end: 40, text: "bench evidence passage", signal: "semantic" }],
      })),
      modelId: "bench-hash-512",
      classifierVersion: "bench",
      thresholds: {},
    }),
    createdAt: new Date(Date.UTC(2024, 0, 1 + (d % 365))).toISOString(),
    updatedAt: new Date().toISOString(),
  });
  const chunk = (doc: DocumentRecord, i: number, text: string, vector: Float32Array): ChunkRecord => ({
    id: `${doc.id}:${i}`,
    documentId: doc.id,
    contentHash: doc.contentHash,
    index: i,
    text,
    pageStart: 1 + Math.floor(i / 3),
    pageEnd: 1 + Math.floor(i / 3),
    charStart: 0,
    charEnd: text.length,
    language: "en",
    vector,
  });
  const realStart = size - Math.min(realCount, size);
  let real: { texts: string[]; vectors: Float32Array[] } | undefined;
  const segmentRates: number[] = [];
  const loadAtStart = Number(loadavg()[0]!.toFixed(1));
  const t0 = performance.now();
  let segStart = t0;
  let segRows = 0;
  let written = 0;
  for (let d = 0; written < size; ) {
    const items: { doc: DocumentRecord; chunks: ChunkRecord[] }[] = [];
    if (realStart < size && written + DOCS_PER_CALL * PER_DOC > realStart && !real) real = await getReal();
    for (let k = 0; k < DOCS_PER_CALL && written < size; k++, d++) {
      const n = Math.min(PER_DOC, size - written);
      const doc = makeDoc(d, n);
      const chunks = Array.from({ length: n }, (_, i) => {
        const at = written + i;
        if (real && at >= realStart) return chunk(doc, i, real.texts[at - realStart]!, real.vectors[at - realStart]!);
        const text = gen.chunk();
        return chunk(doc, i, text, hashVector(text));
      });
      items.push({ doc, chunks });
      written += n;
      segRows += n;
    }
    await store.documents.putMany(items);
    if (segRows >= size / 10 || written >= size) {
      const now = performance.now();
      segmentRates.push(Math.round(segRows / ((now - segStart) / 1000)));
      console.log(`  ${written} chunks, ${segmentRates.at(-1)} chunks/s over the last ${segRows}`);
      segStart = now;
      segRows = 0;
    }
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await store.optimize();
  const indexSeconds = (performance.now() - t1) / 1000;
  const meta: LoadMeta = {
    chunks: size,
    documents: Math.ceil(size / PER_DOC),
    realChunks: size - realStart,
    loadSeconds,
    indexSeconds,
    chunksPerSecond: Math.round(size / loadSeconds),
    segmentRates,
    loadAverage: [loadAtStart, Number(loadavg()[0]!.toFixed(1))],
    corpus,
  };
  await writeFile(join(dir, "bench-meta.json"), JSON.stringify(meta, null, 2));
  return meta;
}
