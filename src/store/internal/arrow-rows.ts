import { createRequire } from "node:module";
import type { DataType, Schema, Table } from "apache-arrow";

// LanceDB loads apache-arrow through require(); its `instanceof Table` check and type visitors only
// accept objects of that copy, so bulk tables are built with it and with the table's own schema.
const arrow = createRequire(import.meta.url)("apache-arrow") as typeof import("apache-arrow");
const { FixedSizeList, makeData, RecordBatch, Struct, Table: ArrowTable, vectorFromArray } = arrow;

type Row = Record<string, unknown>;

/** One column of `rows` as Arrow data of the field's type; fixed-size float lists copy straight in. */
function column(rows: Row[], name: string, type: DataType) {
  if (type instanceof FixedSizeList) {
    const size = type.listSize;
    const flat = new Float32Array(rows.length * size);
    rows.forEach((r, i) => flat.set(r[name] as ArrayLike<number>, i * size));
    const child = makeData({ type: type.children[0]!.type, length: flat.length, data: flat });
    return makeData({ type, length: rows.length, nullCount: 0, child });
  }
  return vectorFromArray(
    rows.map((r) => r[name] ?? null),
    type,
  ).data[0]!;
}

/**
 * Row objects → an Arrow table of `schema` (the LanceDB table's own schema), column by column. LanceDB's own conversion of plain
 * objects walks every vector value through generic builders (about 350 rows/s for 512-d rows on
 * this machine); building the columns directly makes bulk writes bound by disk, not by JS.
 */
export function rowsToTable(rows: Row[], schema: Schema): Table {
  const children = schema.fields.map((f) => column(rows, f.name, f.type));
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new ArrowTable(schema, [new RecordBatch(schema, data)]);
}
