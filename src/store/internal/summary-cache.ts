import type { DocumentSummary } from "../types.ts";

/**
 * The documents' summaries search has read, valid while the documents table stays at the version
 * they were read at. Every search asks the table for its version first (0.1 ms; the connection
 * reads with strong consistency, so another process's commit shows too) and starts over when it
 * moved. Reading 30–110 summaries cost 5–10 ms of each search at 1M chunks (bench:search).
 * The version is read before the rows, so rows cached under a version are never older than it.
 */
export function createSummaryCache(table: { version(): Promise<number> }, maxEntries = 20_000) {
  // One map per version: a search that saw an older version fills its own map, never the newer
  // one that a concurrent search has started.
  let current = { version: -1, byId: new Map<string, DocumentSummary>() };
  return {
    async get(ids: string[], read: (missing: string[]) => Promise<DocumentSummary[]>): Promise<DocumentSummary[]> {
      const now = await table.version();
      if (now !== current.version) current = { version: now, byId: new Map() };
      const { byId } = current;
      const missing = ids.filter((id) => !byId.has(id));
      if (missing.length > 0) {
        for (const doc of await read(missing)) byId.set(doc.id, doc);
        for (const id of byId.keys()) {
          if (byId.size <= maxEntries) break;
          byId.delete(id);
        }
      }
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  };
}
