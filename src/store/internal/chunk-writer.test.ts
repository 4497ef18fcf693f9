import { connect } from "@lancedb/lancedb";
import { afterEach, describe, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../../test/helpers/records.ts";
import { createChunkWriter } from "./chunk-writer.ts";
import { chunksOf } from "./documents.ts";
import { axis, DIMS, tempDir } from "./fixtures.ts";
import { createMutex } from "./mutex.ts";
import { openTables } from "./tables.ts";

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function setup(maxBatchRows = 1000) {
  const tmp = await tempDir();
  cleanup = tmp.cleanup;
  const db = await connect(tmp.dir);
  const tables = await openTables(db, { uri: tmp.dir, dims: DIMS, embeddingModelId: "test-model" });
  const writer = createChunkWriter({ tables, writer: createMutex(), dims: DIMS, maxBatchRows });
  return { tables, writer };
}

const item = (id: string, n: number, word = "coral") => {
  const doc = makeDoc(id, { contentHash: `${id}-${word}` });
  return {
    doc,
    chunks: makeChunks(
      doc,
      Array.from({ length: n }, (_, i) => [`${word} passage ${i} of ${id}`, axis(i)] as [string, Float32Array]),
    ),
  };
};

describe("the batching chunk writer", () => {
  it("commits many documents in one chunk commit and one document commit", async () => {
    const { tables, writer } = await setup();
    const [chunksBefore, docsBefore] = [await tables.chunks.version(), await tables.documents.version()];
    await writer.putMany(Array.from({ length: 30 }, (_, d) => item(`doc${d}`, 5)));
    expect(await tables.chunks.countRows()).toBe(150);
    expect(await tables.documents.countRows()).toBe(30);
    expect(await tables.chunks.version()).toBe(chunksBefore + 1);
    expect(await tables.documents.version()).toBe(docsBefore + 1);
  });

  it("splits a bulk write into commits of at most maxBatchRows chunks", async () => {
    const { tables, writer } = await setup(20);
    const before = await tables.chunks.version();
    await writer.putMany(Array.from({ length: 10 }, (_, d) => item(`doc${d}`, 5)));
    expect(await tables.chunks.countRows()).toBe(50);
    expect(await tables.chunks.version()).toBe(before + 3); // 20 + 20 + 10 rows
  });

  it("coalesces puts that arrive while a commit runs", async () => {
    const { tables, writer } = await setup();
    const before = await tables.chunks.version();
    await Promise.all(
      Array.from({ length: 12 }, (_, d) => writer.put(item(`doc${d}`, 2).doc, item(`doc${d}`, 2).chunks)),
    );
    expect(await tables.chunks.countRows()).toBe(24);
    expect(await tables.chunks.version()).toBeLessThan(before + 12);
  });

  it("replaces a document's chunks (and drops the ones no longer there) alongside new documents", async () => {
    const { tables, writer } = await setup();
    await writer.putMany([item("a", 4), item("b", 2)]);
    await writer.putMany([item("a", 2, "forest"), item("c", 3), item("b", 0)]);
    const a = await chunksOf({ tables }, "a");
    expect(a.map((c) => c.text)).toEqual(["forest passage 0 of a", "forest passage 1 of a"]);
    expect(a.every((c) => c.contentHash === "a-forest")).toBe(true);
    expect(await chunksOf({ tables }, "b")).toEqual([]);
    expect((await chunksOf({ tables }, "c")).length).toBe(3);
    expect(await tables.chunks.countRows()).toBe(5);
  });

  it("keeps the last of two puts of one document in the same batch", async () => {
    const { tables, writer } = await setup();
    await writer.putMany([item("a", 3), item("a", 1, "wetland")]);
    expect((await chunksOf({ tables }, "a")).map((c) => c.text)).toEqual(["wetland passage 0 of a"]);
  });

  it("rejects a chunk of the wrong size before writing anything of the call", async () => {
    const { tables, writer } = await setup();
    const bad = item("bad", 1);
    bad.chunks[0]!.vector = new Float32Array(3);
    await expect(writer.putMany([item("ok", 2), bad])).rejects.toMatchObject({ code: "validation_failed" });
    expect(await tables.chunks.countRows()).toBe(0);
  });
});
