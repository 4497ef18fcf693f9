import type { DocumentStore, FeedbackRecord } from "../store/index.ts";
import { afterCursor, decodeCursor, encodeCursor } from "./cursor.ts";
import { byDocument, latestDecisions } from "./state.ts";

export interface LabelStats {
  labelId: string;
  /** Suggestions reviewers accepted (latest decision per document). */
  accepted: number;
  /** Suggestions reviewers rejected: a high share says the classifier is weak on this label. */
  rejected: number;
  /** Labels reviewers added that the classifier had not suggested: what it misses. */
  added: number;
  /** accepted / (accepted + rejected); null before any decision. */
  acceptRate: number | null;
}

/**
 * Accept / reject counts and rate per label, from the latest decision on each (document, label),
 * so a reviewer changing their mind counts once. Sorted by accept rate, weakest first.
 */
export async function reviewStats(store: DocumentStore): Promise<{ labels: LabelStats[]; decisions: number }> {
  const counts = new Map<string, LabelStats>();
  let decisions = 0;
  for (const rows of byDocument(await store.feedback.all()).values()) {
    for (const [labelId, action] of latestDecisions(rows)) {
      const s = counts.get(labelId) ?? { labelId, accepted: 0, rejected: 0, added: 0, acceptRate: null };
      if (action === "accept") s.accepted += 1;
      else if (action === "reject") s.rejected += 1;
      else s.added += 1;
      counts.set(labelId, s);
      decisions += 1;
    }
  }
  const labels = [...counts.values()].map((s) => ({
    ...s,
    acceptRate: s.accepted + s.rejected > 0 ? s.accepted / (s.accepted + s.rejected) : null,
  }));
  labels.sort((a, b) => (a.acceptRate ?? 2) - (b.acceptRate ?? 2) || a.labelId.localeCompare(b.labelId));
  return { labels, decisions };
}

export interface HistoryQuery {
  documentId?: string;
  /** The recorded reviewer (`role:name`). */
  user?: string;
  limit: number;
  cursor?: string;
}

export interface HistoryEntry extends Pick<FeedbackRecord, "documentId" | "labelId" | "action" | "user" | "createdAt"> {
  id: string;
  title?: string;
}

/**
 * Who reviewed what and when, newest first: the feedback rows (they record the key's name or its
 * keyed hash, never the key), with each document's title.
 */
export async function reviewHistory(
  store: DocumentStore,
  q: HistoryQuery,
): Promise<{ entries: HistoryEntry[]; nextCursor: string | null }> {
  const cursor = q.cursor ? decodeCursor(q.cursor, 2) : undefined;
  const rows = q.documentId ? await store.feedback.forDocument(q.documentId) : await store.feedback.all();
  const picked = rows
    .filter((f) => (!q.user || f.user === q.user) && afterCursor(f.createdAt, f.id, cursor))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  const page = picked.slice(0, q.limit);
  const docs = await store.documents.getMany([...new Set(page.map((f) => f.documentId))]);
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  const last = page.at(-1);
  return {
    entries: page.map((f) => {
      const title = titles.get(f.documentId);
      return {
        id: f.id,
        documentId: f.documentId,
        labelId: f.labelId,
        action: f.action,
        user: f.user,
        createdAt: f.createdAt,
        ...(title !== undefined ? { title } : {}),
      };
    }),
    nextCursor: picked.length > q.limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}
