import type { Table } from "@lancedb/lancedb";
import type { Schema } from "apache-arrow";
import { guard } from "./write.ts";

/** SQL null of each Arrow type a new column may have (LanceDB fills existing rows with it). */
const NULL_OF: Record<string, string> = { Utf8: "CAST(NULL AS STRING)", Int32: "CAST(NULL AS INT)" };

/**
 * Brings a table written by an older chm-lens up to `schema` by adding the nullable columns it
 * lacks (null for the rows already there), so a new column never needs a rebuild of the store.
 * Returns the names of the columns added.
 */
export async function addMissingColumns(table: Table, schema: Schema): Promise<string[]> {
  const have = new Set((await table.schema()).fields.map((f) => f.name));
  const missing = schema.fields.filter((f) => !have.has(f.name) && f.nullable && NULL_OF[String(f.type)]);
  if (missing.length === 0) return [];
  // SQL transforms, not Arrow Fields: LanceDB checks Fields against its own copy of apache-arrow.
  await guard("add columns", () =>
    table.addColumns(missing.map((f) => ({ name: f.name, valueSql: NULL_OF[String(f.type)]! }))),
  );
  return missing.map((f) => f.name);
}
