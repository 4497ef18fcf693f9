import type { DocumentStore } from "../types.ts";
import type { Mutex } from "./mutex.ts";
import type { StoreTables } from "./tables.ts";
import { guard } from "./write.ts";

// Keys the store itself writes into `meta` when it is created: settings may never overwrite them.
const RESERVED = new Set(["dims", "embeddingModelId", "createdAt"]);

/**
 * Service settings (e.g. the Secretariat's auto-accept thresholds) as JSON text in the store's
 * `meta` table, so they live under `DATA_DIR` with the documents they apply to and every process
 * sharing the store reads the same values.
 */
export function createSettings(tables: Pick<StoreTables, "meta">, writer: Mutex): DocumentStore["settings"] {
  const forbid = (key: string) => {
    if (RESERVED.has(key)) throw new Error(`settings key ${key} is reserved`);
  };
  return {
    async get(key) {
      forbid(key);
      const rows = await guard("read settings", () => tables.meta.query().toArray());
      const row = rows.find((r) => r.key === key);
      return row ? String(row.value) : undefined;
    },
    async put(key, value) {
      forbid(key);
      await writer.run(() =>
        guard("save settings", () =>
          tables.meta.mergeInsert("key").whenMatchedUpdateAll().whenNotMatchedInsertAll().execute([{ key, value }]),
        ),
      );
    },
  };
}
