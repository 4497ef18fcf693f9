import type { RecordAttachment } from "../types.ts";

/** Links that read as documents (files on other hosts are fetched only when they look like these). */
const DOCUMENT_PATH = /\.(pdf|docx|txt|md|html?)$/i;

/**
 * Attachment links of a record, absolute, deduplicated, at most `max`. Links on the source's own
 * host are its attachments; a link elsewhere is followed only when its path names a document.
 */
export function attachmentLinks(
  links: { url?: unknown; name?: unknown }[],
  base: string,
  max: number,
): RecordAttachment[] {
  const host = new URL(base).host;
  const out: RecordAttachment[] = [];
  const seen = new Set<string>();
  for (const link of links) {
    if (typeof link?.url !== "string" || link.url.trim() === "") continue;
    let url: URL;
    try {
      url = new URL(link.url.trim(), base);
    } catch {
      continue;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") continue;
    if (url.host !== host && !DOCUMENT_PATH.test(url.pathname)) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const fallback = decodeURIComponent(url.pathname.split("/").pop() || url.host);
    out.push({ url: url.href, name: typeof link.name === "string" && link.name.trim() ? link.name.trim() : fallback });
    if (out.length >= max) break;
  }
  return out;
}

/** `documentLinks_s` and friends hold a JSON array of links as a string; bad JSON → none. */
export function parseLinkList(value: unknown): { url?: unknown; name?: unknown }[] {
  if (Array.isArray(value)) return value as { url?: unknown; name?: unknown }[];
  if (typeof value !== "string" || value.trim() === "") return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as { url?: unknown; name?: unknown }[]) : [];
  } catch {
    return [];
  }
}
