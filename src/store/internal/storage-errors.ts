import { AppError, isAppError } from "../../errors.ts";

/** errno codes and LanceDB/object-store phrases that mean "no room left to write". */
const FULL = /\b(ENOSPC|EDQUOT|EFBIG)\b|no space left on device|disk quota exceeded|os error (28|122)\b/i;

/** True when an error (or any error in its `cause` chain) says the disk or quota is full. */
export function isStorageFull(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e != null && depth < 8; depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === "string" && FULL.test(code)) return true;
    if (FULL.test(e instanceof Error ? e.message : String(e))) return true;
    e = e instanceof Error ? e.cause : undefined;
  }
  return false;
}

/**
 * The AppError a failed storage call becomes. Clients get a clean message naming the operation
 * (`Store could not write document`); the raw LanceDB or file-system text, with its source paths,
 * stays on `cause` for the server log. Both codes are transient: a retry may succeed once space
 * is freed or the store is back.
 */
export function storeError(what: string, cause: unknown): AppError {
  if (isAppError(cause)) return cause;
  if (isStorageFull(cause)) {
    return new AppError("storage_full", `Storage is full: could not ${what}`, {
      cause,
      transient: true,
      details: { operation: what },
    });
  }
  return new AppError("store_failed", `Store could not ${what}`, {
    cause,
    transient: true,
    details: { operation: what },
  });
}
