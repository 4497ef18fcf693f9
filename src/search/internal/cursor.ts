import { createHash } from "node:crypto";
import { AppError } from "../../errors.ts";

/** A short hash of everything that defines a result list (not the page size). */
export function queryHash(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 12);
}

/** Opaque cursor: base64url JSON of the next offset and the query hash it belongs to. */
export function encodeCursor(offset: number, hash: string): string {
  return Buffer.from(JSON.stringify({ o: offset, h: hash })).toString("base64url");
}

/** The offset a cursor points at; `bad_request` when it is garbled or from another query. */
export function decodeCursor(cursor: string, hash: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw new AppError("bad_request", "Invalid cursor");
  }
  const p = parsed as { o?: unknown; h?: unknown } | null;
  if (!p || typeof p.o !== "number" || !Number.isInteger(p.o) || p.o < 0 || typeof p.h !== "string") {
    throw new AppError("bad_request", "Invalid cursor");
  }
  if (p.h !== hash) throw new AppError("bad_request", "This cursor belongs to another query; start again without it");
  return p.o;
}
