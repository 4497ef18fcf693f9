import { ERROR_CODES, type ErrorCode } from "../../errors.ts";

/** Codes whose stored message is server-side detail (I/O, store, bugs): clients get a fixed text. */
const GENERIC: Partial<Record<ErrorCode, string>> = {
  internal: "Processing failed because of a server error; the server log has the details",
  store_failed: "The document store could not complete the operation; try again later",
  config_invalid: "The server is misconfigured; the server log has the details",
};

const MAX_CHARS = 300;

/**
 * What a client may see of a failed job's error: a fixed text for server-side codes, otherwise the
 * first line of the message with file paths, URLs of local files and stack frames taken out.
 *
 * @example
 * publicJobMessage("corrupt_file", "Invalid PDF structure in /srv/up/x.pdf") // "Invalid PDF structure in …"
 */
export function publicJobMessage(code: string, message: string | undefined): string {
  const known = (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : undefined;
  if (!known) return GENERIC.internal!;
  const generic = GENERIC[known];
  if (generic) return generic;
  const firstLine = (message ?? "").split(/\r?\n/)[0] ?? "";
  const clean = firstLine
    .replace(/\bfile:\/\/\S+/g, "…")
    .replace(/\b(?:node|internal):[\w/.-]+(?::\d+)*/g, "…")
    .replace(/(?:[A-Za-z]:)?(?:[\\/][\w .@+~-]+){2,}[\\/]?(?::\d+)*/g, " …")
    .replace(/\s+at\s+…/g, " …")
    .replace(/\s{2,}/g, " ")
    .trim();
  const text = clean || code;
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}
