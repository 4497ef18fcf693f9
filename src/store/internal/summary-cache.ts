import type { DocumentSummary } from "../types.ts";

/** Documents tables up to this many rows are read whole, once per version, behind the searches. */
export const FULL_LOAD_MAX = 50_000;

export interface SummaryCacheOptions {
  /** Every document's summary (a projected scan); without it only the ids searches asked for are kept. */
  readAll?: () => Promise<DocumentSummary[]>;
  fullLoadMax?: number;
  /** Most summaries kept from per-id reads (a table too large to read whole). */
  maxEntries?: number;
}

interface Entry {
  version: number;
  byId: Map<string, DocumentSummary>;
  /** Every row of the table is in `byId`: an id not there has no document row. */
  complete: boolean;
  load?: Promise<void>;
}

/**
 * The documents' summaries search has read, valid while the documents table stays at the version
 * they were read at. Every search asks the table for its version first (0.1 ms; the connection
 * reads with strong consistency, so another process's commit shows too) and starts over when it
 * moved. Reading 30–110 summaries by id cost 6–10 ms of each search at 1M chunks (bench:search),
 * so a table of up to FULL_LOAD_MAX rows is also read whole (about 40 ms for 20k documents) in the
 * background after the first search of a version; later searches of that version read nothing.
 * The version is read before the rows, so rows cached under a version are never older than it.
 */
export function createSummaryCache(
  table: { version(): Promise<number>; countRows(): Promise<number> },
  opts: SummaryCacheOptions = {},
) {
  const fullLoadMax = opts.fullLoadMax ?? FULL_LOAD_MAX;
  const maxEntries = Math.max(opts.maxEntries ?? 20_000, fullLoadMax);
  // One entry per version: a search that saw an older version fills its own map, never the newer
  // one that a concurrent search has started.
  let current: Entry = { version: -1, byId: new Map(), complete: false };

  const loadWhole = async (entry: Entry, readAll: () => Promise<DocumentSummary[]>) => {
    try {
      if ((await table.countRows()) > fullLoadMax) return;
      const all = await readAll();
      for (const doc of all) entry.byId.set(doc.id, doc);
      // Ids read one by one meanwhile stay: they are as new as the scan or newer.
      entry.complete = true;
    } catch {
      // Per-id reads keep serving; the next version tries again.
    }
  };

  return {
    async get(ids: string[], read: (missing: string[]) => Promise<DocumentSummary[]>): Promise<DocumentSummary[]> {
      const now = await table.version();
      if (now !== current.version) current = { version: now, byId: new Map(), complete: false };
      const entry = current;
      const missing = entry.complete ? [] : ids.filter((id) => !entry.byId.has(id));
      if (missing.length > 0) {
        for (const doc of await read(missing)) entry.byId.set(doc.id, doc);
        for (const id of entry.byId.keys()) {
          if (entry.byId.size <= maxEntries) break;
          entry.byId.delete(id);
        }
      }
      if (opts.readAll && !entry.load) entry.load = loadWhole(entry, opts.readAll);
      return ids.flatMap((id) => entry.byId.get(id) ?? []);
    },
    /** Resolves when the current version's whole-table load (if any) has finished. */
    async loaded(): Promise<void> {
      await current.load;
    },
  };
}
