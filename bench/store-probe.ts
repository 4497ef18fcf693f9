// Probe of LanceDB 0.31 behaviours the store relies on (run: npx tsx bench/store-probe.ts).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as lancedb from "@lancedb/lancedb";
import { Field, FixedSizeList, Float32, List, Schema, Utf8, Int32 } from "apache-arrow";

const dir = await mkdtemp(join(tmpdir(), "probe-"));
const db = await lancedb.connect(dir);
const schema = new Schema([
  new Field("id", new Utf8(), false),
  new Field("documentId", new Utf8(), false),
  new Field("text", new Utf8(), false),
  new Field("n", new Int32(), true),
  new Field("targets", new List(new Field("item", new Utf8(), true)), true),
  new Field("vector", new FixedSizeList(4, new Field("item", new Float32(), true)), false),
]);
const t = await db.createEmptyTable("chunks", schema);
const row = (id: string, doc: string, text: string, v: number[], targets: string[]) => ({
  id,
  documentId: doc,
  text,
  n: 1,
  targets,
  vector: v,
});
await t.add([
  row("a1", "A", "coral reefs are dying", [1, 0, 0, 0], ["T1", "T2"]),
  row("a2", "A", "forest carbon", [0, 1, 0, 0], ["T3"]),
  row("b1", "B", "wetland birds", [0, 0, 1, 0], []),
]);
await t.createIndex("text", { config: lancedb.Index.fts(), replace: true });
console.log("indices", await t.listIndices());
// add a row after index
await t.add([row("c1", "C", "mangrove restoration", [0, 0, 0, 1], ["T9"])]);
console.log(
  "fts unindexed row:",
  (await t.search("mangrove", "fts").limit(5).toArray()).map((r) => [r.id, r._score]),
);
console.log(
  "fts indexed:",
  (await t.search("coral", "fts").limit(5).toArray()).map((r) => [r.id, r._score]),
);
// mergeInsert replacement
const res = await t
  .mergeInsert("id")
  .whenMatchedUpdateAll()
  .whenNotMatchedInsertAll()
  .whenNotMatchedBySourceDelete({ where: "documentId = 'A'" })
  .execute([
    row("a1", "A", "coral reefs bleaching", [1, 0, 0, 0], ["T1"]),
    row("a3", "A", "seagrass", [0.5, 0.5, 0, 0], []),
  ]);
console.log("merge result", res);
console.log(
  "rows",
  (await t.query().select(["id", "documentId", "text"]).toArray()).map((r) => [r.id, r.text]),
);
// array_has_any
for (const w of ["array_has_any(targets, ['T1','T9'])", "array_contains(targets, 'T1')", "array_has(targets, 'T1')"]) {
  try {
    console.log(
      w,
      (await t.query().where(w).select(["id"]).toArray()).map((r) => r.id),
    );
  } catch (e) {
    console.log(w, "ERR", (e as Error).message.slice(0, 200));
  }
}
// vector cosine
console.log(
  "vec",
  (await t.vectorSearch([1, 0.1, 0, 0]).distanceType("cosine").where("documentId IN ('A','C')").limit(3).toArray()).map(
    (r) => [r.id, r._distance],
  ),
);
// hybrid
const h = await t
  .query()
  .nearestTo([0, 0, 0, 1])
  .distanceType("cosine")
  .fullTextSearch("coral")
  .rerank(await lancedb.rerankers.RRFReranker.create())
  .limit(3)
  .toArray();
console.log(
  "hybrid",
  h.map((r) => ({ id: r.id, rel: r._relevance_score, d: r._distance, s: r._score })),
);
const h2 = await t
  .query()
  .nearestTo([0, 0, 0, 1])
  .distanceType("cosine")
  .fullTextSearch("coral")
  .where("documentId = 'A'")
  .rerank(await lancedb.rerankers.RRFReranker.create())
  .limit(3)
  .toArray();
console.log(
  "hybrid filtered",
  h2.map((r) => ({ id: r.id, rel: r._relevance_score })),
  Object.keys(h2[0] ?? {}),
);
// fts on unindexed after merge
console.log(
  "fts seagrass after merge",
  (await t.search("seagrass", "fts").limit(5).toArray()).map((r) => [r.id, r._score]),
);
console.log(
  "fts bleaching",
  (await t.search("bleaching", "fts").limit(5).toArray()).map((r) => [r.id, r._score]),
);
console.log(
  "fts dying (old text)",
  (await t.search("dying", "fts").limit(5).toArray()).map((r) => [r.id, r._score]),
);
// orderBy
console.log(
  "orderBy",
  (await t.query().orderBy({ columnName: "id", ascending: false }).limit(2).offset(1).select(["id"]).toArray()).map(
    (r) => r.id,
  ),
);
// empty table fts
const e = await db.createEmptyTable("e", schema);
try {
  await e.createIndex("text", { config: lancedb.Index.fts() });
  console.log("fts on empty ok");
} catch (err) {
  console.log("fts on empty ERR", (err as Error).message.slice(0, 200));
}
try {
  console.log("fts search no index", await e.search("x", "fts").toArray());
} catch (err) {
  console.log("fts no index ERR", (err as Error).message.slice(0, 200));
}
const vecRow = (await t.query().limit(1).toArray())[0];
console.log(
  "vector type",
  vecRow.vector?.constructor?.name,
  vecRow.targets?.constructor?.name,
  vecRow.targets?.toArray?.(),
);
db.close();
await rm(dir, { recursive: true, force: true });
