import { AppError, isAppError } from "../../errors.ts";

/** Runs a LanceDB call, turning its failures into a transient `store_failed` AppError. */
export async function guard<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (cause) {
    if (isAppError(cause)) throw cause;
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new AppError("store_failed", `Store could not ${what}: ${detail}`, { cause, transient: true });
  }
}

/** Splits ids into batches so `IN (…)` lists stay a sensible size. */
export function batches<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
