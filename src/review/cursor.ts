import { AppError } from "../errors.ts";

/** An opaque page cursor: the sort key of the last item returned (base64url JSON). */
export function encodeCursor(key: string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key a cursor carries; `validation_failed` naming the field when it is not one of ours. */
export function decodeCursor(cursor: string, size: number): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === size && key.every((k) => typeof k === "string")) return key;
  } catch {
    // falls through to the error below
  }
  throw new AppError("validation_failed", "Invalid cursor: pass the nextCursor of a previous page", {
    details: { field: "cursor" },
  });
}

/** Newest first, then by id: the order queue and history pages are cut in. */
export function afterCursor(createdAt: string, id: string, cursor: string[] | undefined): boolean {
  if (!cursor) return true;
  const [c, cid] = cursor as [string, string];
  return createdAt < c || (createdAt === c && id > cid);
}
