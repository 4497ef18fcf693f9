/**
 * A process that writes documents straight into the store at DATA_DIR, for the two-writer test in
 * test/scale-out-writes.test.ts: WRITE_PREFIX names its documents, WRITE_COUNT says how many.
 * Each document is written twice (the second time is the at-least-once redelivery of a job) and
 * every other one is replaced by a different version, so appends, upserts and deletes of two
 * processes interleave. Prints "WROTE <n>" when done.
 */
import { createStore } from "../../src/store/index.ts";
import { makeChunks, makeDoc } from "./records.ts";

const DIMS = 8;
const store = await createStore({ uri: process.env.DATA_DIR!, dims: DIMS, embeddingModelId: "fake-8" });
const prefix = process.env.WRITE_PREFIX!;
const count = Number(process.env.WRITE_COUNT ?? 10);
const vec = (i: number) => Float32Array.from({ length: DIMS }, (_, d) => (d === i % DIMS ? 1 : 0.1));

for (let i = 0; i < count; i++) {
  const doc = makeDoc(`${prefix}-${i}`, { contentHash: `${prefix}-${i}-v1` });
  const chunks = makeChunks(
    doc,
    [0, 1, 2].map((k) => [`${prefix} document ${i} part ${k}`, vec(i + k)]),
  );
  await store.documents.put({ ...doc, chunkCount: chunks.length }, chunks);
  await store.documents.put({ ...doc, chunkCount: chunks.length }, chunks);
  if (i % 2 === 0) {
    const v2 = { ...doc, contentHash: `${prefix}-${i}-v2` };
    const fewer = makeChunks(
      v2,
      [0, 1].map((k) => [`${prefix} document ${i} v2 part ${k}`, vec(i + k + 3)]),
    );
    await store.documents.put({ ...v2, chunkCount: fewer.length }, fewer);
  }
}
await store.close();
process.stdout.write(`WROTE ${count}\n`);
