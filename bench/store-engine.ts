/**
 * The bare engine: LanceDB top-10 queries on the benchmark store's `chunks` table with the same
 * index and the same ANN parameters the store uses, no grouping, documents or snippets. The floor
 * the service is compared against, and exact (flat) search for recall.
 */
import { connect, MatchQuery, rerankers, type Table } from "@lancedb/lancedb";
import { ANN_TUNING, refineFactorFor } from "../src/store/index.ts";

export interface Engine {
  semantic(vector: Float32Array, k?: number): Promise<string[]>;
  keyword(text: string, k?: number): Promise<string[]>;
  hybrid(text: string, vector: Float32Array, k?: number): Promise<string[]>;
  /** Exact cosine top-k (index bypassed): the ground truth for recall. */
  exact(vector: Float32Array, k?: number): Promise<string[]>;
  close(): void;
}

const ids = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.id));

export async function openEngine(dir: string): Promise<Engine> {
  const db = await connect(dir);
  const table: Table = await db.openTable("chunks");
  const rrf = await rerankers.RRFReranker.create();
  return {
    async semantic(vector, k = 10) {
      const q = table
        .vectorSearch(Array.from(vector))
        .distanceType("cosine")
        .nprobes(ANN_TUNING.nprobes)
        .refineFactor(refineFactorFor(k))
        .select(["id"])
        .limit(k);
      return ids(await q.toArray());
    },
    async keyword(text, k = 10) {
      return ids(await table.query().fullTextSearch(new MatchQuery(text, "text")).select(["id"]).limit(k).toArray());
    },
    async hybrid(text, vector, k = 10) {
      const q = table
        .query()
        .nearestTo(Array.from(vector))
        .distanceType("cosine")
        .nprobes(ANN_TUNING.nprobes)
        .refineFactor(refineFactorFor(k))
        .fullTextSearch(new MatchQuery(text, "text"))
        .rerank(rrf)
        .select(["id"])
        .limit(k);
      return ids(await q.toArray());
    },
    async exact(vector, k = 10) {
      const q = table
        .vectorSearch(Array.from(vector))
        .distanceType("cosine")
        .bypassVectorIndex()
        .select(["id"])
        .limit(k);
      return ids(await q.toArray());
    },
    close() {
      table.close();
      db.close();
    },
  };
}
