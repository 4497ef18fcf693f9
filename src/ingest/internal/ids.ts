import { createHash } from "node:crypto";

/** Hex SHA-256 of bytes or text. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * Document id: from the caller's key when given (a changed file under the same key replaces the
 * old document), otherwise from the content (the same bytes are the same document).
 */
export function documentIdFor(contentHash: string, documentKey?: string): string {
  return documentKey ? `k-${sha256Hex(`key:${documentKey}`).slice(0, 32)}` : `c-${contentHash.slice(0, 32)}`;
}
