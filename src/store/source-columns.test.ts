import { connect } from "@lancedb/lancedb";
import { afterEach, beforeEach, expect, it } from "vitest";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { createStore } from "./index.ts";
import { axis, DIMS, tempDir } from "./internal/fixtures.ts";

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(() => cleanup());

const source = { system: "chm" as const, recordId: "ABC-1", url: "https://x/1", updatedAt: "2024-02-01T00:00:00Z" };
const sourceTags = { targets: ["GBF-TARGET-03"], goals: [], subjects: ["CBD-SUBJECT-PA"], sdgs: [] };

it("stores a harvested document's source and sourceTags, and an upload has neither", async () => {
  const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "m" });
  try {
    const harvested = makeDoc("h", { source, sourceTags, chunkCount: 1 });
    await store.documents.put(harvested, makeChunks(harvested, [["protected areas", axis(0)]]));
    await store.documents.put(makeDoc("u"), []);
    expect(await store.documents.get("h")).toEqual(harvested);
    const upload = await store.documents.get("u");
    expect(upload?.source).toBeUndefined();
    expect(upload?.sourceTags).toBeUndefined();
  } finally {
    await store.close();
  }
});

it("opens a store written before the source columns existed without losing its documents", async () => {
  const first = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "m" });
  await first.documents.put(makeDoc("old", { title: "Old upload" }), []);
  await first.close();
  // Make the table look like an older release's: drop the two columns.
  const db = await connect(dir);
  const table = await db.openTable("documents");
  await table.dropColumns(["sourceJson", "sourceTagsJson"]);
  table.close();
  db.close();

  const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "m" });
  try {
    expect((await store.documents.get("old"))?.title).toBe("Old upload");
    const doc = makeDoc("new", { source, sourceTags });
    await store.documents.put(doc, []);
    expect(await store.documents.get("new")).toEqual(doc);
  } finally {
    await store.close();
  }
});
