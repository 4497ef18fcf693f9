/**
 * Readers for values LanceDB returns in `toArray()` rows: lists arrive as Arrow Vectors,
 * nullable columns as null. Kept here so mappers never touch Arrow types directly.
 */
type Row = Record<string, unknown>;

interface ArrayLikeVector {
  toArray(): ArrayLike<unknown>;
}

function isVector(v: unknown): v is ArrayLikeVector {
  return typeof v === "object" && v !== null && typeof (v as ArrayLikeVector).toArray === "function";
}

export function str(row: Row, key: string): string {
  const v = row[key];
  return v == null ? "" : String(v);
}

export function optStr(row: Row, key: string): string | undefined {
  const v = row[key];
  return v == null ? undefined : String(v);
}

export function num(row: Row, key: string): number {
  const v = row[key];
  return typeof v === "bigint" ? Number(v) : Number(v ?? 0);
}

export function strList(row: Row, key: string): string[] {
  const v = row[key];
  if (v == null) return [];
  const items = isVector(v) ? Array.from(v.toArray()) : Array.isArray(v) ? v : [];
  return items.filter((x) => x != null).map(String);
}

export function numList(row: Row, key: string): number[] {
  return strList(row, key).map(Number);
}

export function float32(row: Row, key: string): Float32Array {
  const v = row[key];
  if (v instanceof Float32Array) return new Float32Array(v);
  if (isVector(v)) return Float32Array.from(v.toArray() as ArrayLike<number>);
  if (Array.isArray(v)) return Float32Array.from(v as number[]);
  return new Float32Array(0);
}

/** Nullable columns take null, never undefined (LanceDB infers nothing from a missing key). */
export function nullable<T>(v: T | undefined): T | null {
  return v === undefined ? null : v;
}
