// Typo tolerance only when the exact words find too little: the fuzzy FTS query cost 0.5 s (p50)
// per hybrid search at 1M chunks (bench:search), so it must not run when exact matches fill the pool.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import type { DocumentStore } from "./index.ts";
import { axis, tempStore } from "./internal/fixtures.ts";

let store: DocumentStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await tempStore());
  // Eight chunks with the word as typed, one with a typo of it (short, so BM25 would rank it high).
  const texts = [
    ...Array.from({ length: 8 }, (_, i) => `Wetland restoration site ${i} along the river and its floodplain`),
    "Wetlnd seedlings",
  ];
  for (const [i, text] of texts.entries()) {
    const doc = makeDoc(`d${i}`);
    await store.documents.put(doc, makeChunks(doc, [[text, axis(i)]]));
  }
  await store.optimize();
});
afterAll(() => close());

const ids = async (text: string, limit: number) =>
  (await store.chunks.search({ mode: "keyword", text, limit, fuzzy: true })).map((h) => h.documentId).sort();

it("answers from the exact words when they fill the request, without typo neighbours", async () => {
  // limit 2 → the store asks for 8 (a margin for half-written documents): the 8 exact matches fill it.
  expect(await ids("wetland", 2)).not.toContain("d8");
});

it("falls back to typo-tolerant matching when the exact words find too little", async () => {
  expect(await ids("wetland", 20)).toContain("d8");
  expect(await ids("wetlnd", 20)).toHaveLength(9);
});
