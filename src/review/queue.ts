import type { DocumentStore } from "../store/index.ts";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor.ts";
import { byDocument, type PendingSuggestion, reviewState } from "./state.ts";

export interface QueueQuery {
  /** Lower-case ISO alpha-2 codes; any of them. */
  countries?: string[];
  /** Label ids (targets, subjects, SDGs); a document is listed when one of them is pending. */
  labels?: string[];
  /** Score range of the pending suggestions shown, inclusive. */
  minScore?: number;
  maxScore?: number;
  limit: number;
  cursor?: string;
}

export interface QueueItem {
  documentId: string;
  title?: string;
  country?: string;
  recordType?: string;
  createdAt: string;
  /** The pending suggestions that match the query, best score first. */
  pending: PendingSuggestion[];
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

const PAGE = 200;

/**
 * Documents with suggestions nobody has decided on, newest first, each with the pending
 * suggestions that match the filters. Reads the classified documents (filtered by country in the
 * store) and all feedback once per call: fine for the tens of thousands of documents the CHM holds;
 * a pending-count column would be the next step past that.
 *
 * @example
 * const page = await reviewQueue(store, { labels: ["GBF-TARGET-03"], minScore: 0.5, limit: 20 });
 */
export async function reviewQueue(store: DocumentStore, q: QueueQuery): Promise<QueuePage> {
  const cursor = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const labels = q.labels?.length ? new Set(q.labels) : undefined;
  const min = q.minScore ?? 0;
  const max = q.maxScore ?? 1;
  const feedback = byDocument(await store.feedback.all());
  const filter = q.countries?.length ? { countries: q.countries } : undefined;
  const items: QueueItem[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const docs = await store.documents.list({ limit: PAGE, offset, ...(filter ? { filter } : {}) });
    for (const doc of docs) {
      if (!doc.classificationJson || !afterCursor(doc.createdAt, doc.id, cursor)) continue;
      const pending = reviewState(doc, feedback.get(doc.id) ?? []).pending.filter(
        (s) => s.score >= min && s.score <= max && (!labels || labels.has(s.id)),
      );
      if (pending.length === 0) continue;
      items.push({
        documentId: doc.id,
        ...(doc.title !== undefined ? { title: doc.title } : {}),
        ...(doc.country !== undefined ? { country: doc.country } : {}),
        ...(doc.recordType !== undefined ? { recordType: doc.recordType } : {}),
        createdAt: doc.createdAt,
        pending,
      });
    }
    if (docs.length < PAGE) break;
  }
  // The store lists newest first already; sorting again makes the cursor order explicit.
  items.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.documentId.localeCompare(b.documentId));
  const page = items.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: items.length > q.limit && last ? encodeCursor([last.createdAt, last.documentId]) : null,
  };
}
