import type { DocumentStore } from "../store/index.ts";
import { reviewState } from "./state.ts";

export interface MyDocument {
  documentId: string;
  /** The title and metadata of this submitter's own (latest) submission of the bytes. */
  title?: string;
  filename?: string;
  country?: string;
  recordType?: string;
  submittedAt: string;
  review: { pending: number; accepted: number; rejected: number };
}

/**
 * The documents one submitter sent (under any of their key ids), newest submission first, with
 * where each one's review stands. Submissions whose document is gone (deleted) are left out.
 */
export async function myDocuments(
  store: DocumentStore,
  ownerIds: string[],
  opts: { limit: number; offset: number },
): Promise<{ documents: MyDocument[]; nextOffset: number | null }> {
  const latest = new Map<string, Awaited<ReturnType<DocumentStore["submissions"]["bySubmitter"]>>[number]>();
  for (const s of await store.submissions.bySubmitter(ownerIds))
    if (!latest.has(s.documentId)) latest.set(s.documentId, s);
  const subs = [...latest.values()];
  const docs = new Map((await store.documents.getMany(subs.map((s) => s.documentId))).map((d) => [d.id, d]));
  const present = subs.filter((s) => docs.has(s.documentId));
  const page = present.slice(opts.offset, opts.offset + opts.limit);
  const documents: MyDocument[] = [];
  for (const s of page) {
    const doc = docs.get(s.documentId)!;
    const state = reviewState(doc, await store.feedback.forDocument(doc.id));
    const title = s.title ?? doc.title;
    documents.push({
      documentId: doc.id,
      ...(title !== undefined ? { title } : {}),
      ...(s.filename !== undefined ? { filename: s.filename } : {}),
      ...(s.country !== undefined ? { country: s.country } : {}),
      ...(s.recordType !== undefined ? { recordType: s.recordType } : {}),
      submittedAt: s.submittedAt,
      review: { pending: state.pending.length, accepted: state.accepted.length, rejected: state.rejected.length },
    });
  }
  return { documents, nextOffset: present.length > opts.offset + opts.limit ? opts.offset + opts.limit : null };
}
