// Issue 7: lists (browse pages, their facets, GET /v1/documents) read every column, the
// classification JSON included, although only GET /v1/documents/:id shows it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import type { DocumentStore } from "./index.ts";
import { axis, tempStore } from "./internal/fixtures.ts";

let store: DocumentStore;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ store, close } = await tempStore());
  for (const [i, country] of ["fr", "br", "fr"].entries()) {
    const doc = makeDoc(`d${i}`, { country, createdAt: `2024-0${i + 1}-01T00:00:00.000Z` });
    await store.documents.put(doc, makeChunks(doc, [[`text ${i}`, axis(i)]]));
  }
});
afterAll(() => close());

it("lists summaries without the classification, in the same order and with the same filters as list", async () => {
  const full = await store.documents.list({ filter: { countries: ["fr"] } });
  const summaries = await store.documents.listSummaries({ filter: { countries: ["fr"] } });
  expect(summaries.map((d) => d.id)).toEqual(["d2", "d0"]);
  expect(summaries.map((d) => d.id)).toEqual(full.map((d) => d.id));
  for (const s of summaries) expect(s).not.toHaveProperty("classificationJson");
  const { classificationJson: _, ...rest } = full[0]!;
  expect(summaries[0]).toEqual(rest);
  expect(await store.documents.listSummaries({ limit: 1, offset: 1 })).toMatchObject([{ id: "d1" }]);
});
