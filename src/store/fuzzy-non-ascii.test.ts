// Typo tolerance keeps a word's first letter (prefixLength). Lance counts that prefix in bytes and
// cut "остаются" inside its first letter: the search panicked and every keyword or hybrid query
// with a Cyrillic, Arabic, Chinese or accented first letter that fell back to fuzzy failed (503).
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import type { DocumentStore } from "./index.ts";
import { axis, tempStore } from "./internal/fixtures.ts";

let store: DocumentStore;
let close: () => Promise<void>;

const TEXTS = [
  "Мангровые леса остаются под угрозой",
  "Мангровые рощи восстанавливаются",
  "écosystèmes côtiers et herbiers",
  "النظم الإيكولوجية الساحلية",
  "红树林生态系统恢复",
  "Wetland restoration",
];

beforeAll(async () => {
  ({ store, close } = await tempStore());
  for (const [i, text] of TEXTS.entries()) {
    const doc = makeDoc(`d${i}`);
    await store.documents.put(doc, makeChunks(doc, [[text, axis(i)]]));
  }
  await store.optimize();
});
afterAll(() => close());

const ids = async (text: string) =>
  (await store.chunks.search({ mode: "keyword", text, limit: 20, fuzzy: true })).map((h) => h.documentId).sort();

it("answers fuzzy queries with non-ASCII words from their exact words instead of failing", async () => {
  expect(await ids("мангровые остаютса")).toEqual(["d0", "d1"]);
  expect(await ids("остаются")).toEqual(["d0"]);
  expect(await ids("écosystemes")).toEqual(["d2"]);
  expect(await ids("الساحلية")).toEqual(["d3"]);
  await expect(ids("الساحلبة النظم")).resolves.toEqual(["d3"]);
  expect(await ids("红树林生态系统恢复")).toEqual(["d4"]);
});

it("still forgives a typo in an ASCII word", async () => {
  expect(await ids("wetlnd")).toEqual(["d5"]);
});
