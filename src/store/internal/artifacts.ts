import type { Connection, Table } from "@lancedb/lancedb";
import { Binary, Field, Schema, Utf8 } from "apache-arrow";
import { AppError } from "../../errors.ts";
import type { DocumentStore } from "../types.ts";
import type { Mutex } from "./mutex.ts";
import { guard } from "./write.ts";

export const ARTIFACTS_TABLE = "artifacts";
// Names are file-like (`classifier-use-lite-512@0.2.0-<hash>.json`): nothing that needs quoting.
const NAME = /^[\w.@-]{1,200}$/;

const schema = new Schema([
  new Field("name", new Utf8(), false),
  new Field("bytes", new Binary(), false),
  new Field("updatedAt", new Utf8(), false),
]);

export async function openArtifactTable(db: Connection): Promise<Table> {
  return guard("open the artifacts table", async () =>
    (await db.tableNames()).includes(ARTIFACTS_TABLE)
      ? db.openTable(ARTIFACTS_TABLE)
      : db.createEmptyTable(ARTIFACTS_TABLE, schema, { mode: "create", existOk: true }),
  );
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new AppError("validation_failed", `Invalid artifact name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * Derived state the service rebuilds when missing (today the trained classifier), stored as bytes
 * by name in a LanceDB table under the store URI, so an object-store `DATA_DIR` keeps it between
 * starts like the documents. `put` with `replacePrefix` drops older versions of the same thing
 * (a retrained classifier replaces the last one instead of piling up 25 MB states).
 */
export function createArtifacts(table: Table, writer: Mutex): DocumentStore["artifacts"] {
  return {
    async get(name) {
      const rows = await guard("read an artifact", () =>
        table
          .query()
          .where(`name = '${checkName(name)}'`)
          .select(["bytes"])
          .limit(1)
          .toArray(),
      );
      const bytes = rows[0]?.bytes as Uint8Array | undefined;
      return bytes === undefined ? undefined : new Uint8Array(bytes);
    },
    async put(name, bytes, opts = {}) {
      checkName(name);
      const prefix = opts.replacePrefix === undefined ? undefined : checkName(opts.replacePrefix);
      if (prefix !== undefined && !name.startsWith(prefix)) {
        throw new AppError("validation_failed", `Artifact ${name} does not start with ${prefix}`);
      }
      await writer.run(() =>
        guard("save an artifact", async () => {
          // Names carry a content hash, so an existing row already holds these bytes.
          if ((await table.countRows(`name = '${name}'`)) === 0) {
            await table.add([{ name, bytes, updatedAt: new Date().toISOString() }]);
          }
          // After the new row is durable, so a crash never leaves no version at all.
          if (prefix === undefined) return;
          const rows = await table.query().select(["name"]).toArray();
          const stale = rows.map((r) => String(r.name)).filter((n) => n.startsWith(prefix) && n !== name);
          if (stale.length > 0) await table.delete(`name IN (${stale.map((n) => `'${n}'`).join(", ")})`);
        }),
      );
    },
    async list() {
      const rows = await guard("list artifacts", () => table.query().select(["name"]).toArray());
      return rows.map((r) => String(r.name)).sort();
    },
    optimize: (cleanupOlderThan) =>
      guard("compact artifacts", async () => void (await table.optimize({ cleanupOlderThan }))),
  };
}
