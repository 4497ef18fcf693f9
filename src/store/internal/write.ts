import { storeError } from "./storage-errors.ts";

/** Runs a LanceDB call, turning its failures into a transient `store_failed` / `storage_full` AppError. */
export async function guard<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (cause) {
    // Clean message for clients (`storage_full` when the disk is full); raw text stays on `cause`.
    throw storeError(what, cause);
  }
}

/** Splits ids into batches so `IN (…)` lists stay a sensible size. */
export function batches<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
