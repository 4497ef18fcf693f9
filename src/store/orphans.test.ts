import { connect } from "@lancedb/lancedb";
import { afterEach, expect, it } from "vitest";
import { createStore } from "./index.ts";
import { makeChunks, makeDoc } from "../../test/helpers/records.ts";
import { axis, DIMS, tempDir } from "./internal/fixtures.ts";
import { chunkToRow } from "./internal/mappers.ts";

const tmp: { cleanup?: () => Promise<void> } = {};
afterEach(async () => tmp.cleanup?.());

it("never returns chunks of a half-written document (row missing or hash differs)", async () => {
  const { dir, cleanup } = await tempDir();
  tmp.cleanup = cleanup;
  const store = await createStore({ uri: dir, dims: DIMS, embeddingModelId: "test-model" });
  const live = makeDoc("live");
  await store.documents.put(live, makeChunks(live, [["orchid survey results", axis(0)]]));

  // Simulate a crash between the two commits: chunks written, document row missing or stale.
  const ghost = makeDoc("ghost");
  const stale = makeDoc("live", { contentHash: "hash-live-v2" });
  const db = await connect(dir);
  const chunks = await db.openTable("chunks");
  await chunks.add([
    ...makeChunks(ghost, [["orchid ghost chunk", axis(0, 1, 0.1)]]).map((c) => chunkToRow(c, ghost)),
    ...makeChunks(stale, [["orchid stale chunk", axis(0, 2, 0.1)]]).map((c) =>
      chunkToRow({ ...c, id: "live:v2" }, stale),
    ),
  ]);
  db.close();

  for (const mode of ["semantic", "keyword", "hybrid"] as const) {
    const hits = await store.chunks.search({ mode, text: "orchid", vector: axis(0), limit: 10 });
    expect(hits.map((h) => h.id)).toEqual(["live:0"]);
  }
  await store.close();
});
