import { randomUUID } from "node:crypto";
import { AppError } from "../errors.ts";
import type { DocumentRecord, DocumentStore, FeedbackRecord } from "../store/types.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { applyTagActions, type TagAction } from "./tag-actions.ts";

/** Who reviews: ids derived from the key (its name or a keyed hash), never the key itself. */
export interface Reviewer {
  /** Recorded with the feedback, e.g. `submitter:alice`. */
  user: string;
  /** Ids a document's `submittedBy` may hold for this reviewer (current and older forms). */
  ownerIds: string[];
  /** Secretariat reviewers may review any document; others only what they submitted. */
  secretariat: boolean;
}

export interface ReviewDeps {
  store: DocumentStore;
  vocab: Vocabulary;
  now?: () => Date;
}

export interface ReviewOutcome {
  document: DocumentRecord;
  feedback: FeedbackRecord[];
  /** Feedback rows written by this call (a repeated action writes none). */
  recorded: number;
}

// One review (or background classification) of a document at a time in this process, so a double
// click cannot interleave its read-check-write with itself.
const locks = new Map<string, Promise<unknown>>();

/** Runs `fn` after any other locked work on the same document in this process has finished. */
export async function withDocumentLock<T>(documentId: string, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(documentId) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  locks.set(documentId, settled);
  try {
    return await run;
  } finally {
    if (locks.get(documentId) === settled) locks.delete(documentId);
  }
}

/** Whether any of the reviewer's ids submitted the document (first submitter, or a later one of the same bytes). */
async function submittedBy(store: DocumentStore, doc: DocumentRecord, ids: string[]): Promise<boolean> {
  if (doc.submittedBy && ids.includes(doc.submittedBy)) return true;
  for (const id of ids) if (await store.submissions.hasSubmitted(doc.id, id)) return true;
  return false;
}

/** Stored classification's model and version, recorded with the feedback it trained on. */
function modelOf(doc: DocumentRecord): { modelId: string; classifierVersion: string } {
  try {
    const parsed = JSON.parse(doc.classificationJson) as { modelId?: unknown; classifierVersion?: unknown } | null;
    return {
      modelId: typeof parsed?.modelId === "string" ? parsed.modelId : "none",
      classifierVersion: typeof parsed?.classifierVersion === "string" ? parsed.classifierVersion : "none",
    };
  } catch {
    return { modelId: "none", classifierVersion: "none" };
  }
}

/**
 * The tag-review use case: checks ownership, validates every label, records feedback and rewrites
 * the document's tags. The HTTP handler and the CLI both call it. Idempotent per user and label:
 * an action equal to that user's latest action on the label records no new feedback (feedback is
 * training data, so a double-clicked "Save tags" must not count twice).
 * Throws `not_found`, `forbidden` or `unknown_label` before anything is written.
 *
 * @example
 * await reviewTags({ store, vocab }, { user: "submitter:alice", ownerIds: ["alice"], secretariat: false }, docId,
 *   [{ labelId: "GBF-TARGET-03", action: "accept" }]);
 */
export async function reviewTags(
  deps: ReviewDeps,
  reviewer: Reviewer,
  documentId: string,
  actions: TagAction[],
): Promise<ReviewOutcome> {
  const { store, vocab, now = () => new Date() } = deps;
  return withDocumentLock(documentId, async () => {
    const doc = await store.documents.get(documentId);
    if (!doc) throw new AppError("not_found", `No document ${documentId}`);
    if (!reviewer.secretariat && !(await submittedBy(store, doc, reviewer.ownerIds))) {
      throw new AppError("forbidden", "A submitter may only review their own documents");
    }
    const tags = applyTagActions(doc.tags, actions, vocab);
    const existing = await store.feedback.forDocument(documentId);
    const latest = new Map<string, string>();
    for (const f of [...existing].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      if (f.user === reviewer.user) latest.set(f.labelId, f.action);
    }
    const model = modelOf(doc);
    const createdAt = now().toISOString();
    const fresh: FeedbackRecord[] = [];
    for (const a of actions) {
      if (latest.get(a.labelId) === a.action) continue;
      latest.set(a.labelId, a.action);
      fresh.push({
        id: randomUUID(),
        documentId,
        labelId: a.labelId,
        action: a.action,
        user: reviewer.user,
        ...model,
        createdAt,
      });
    }
    for (const rec of fresh) await store.feedback.add(rec);
    const changed = JSON.stringify(tags) !== JSON.stringify(doc.tags);
    if (changed) await store.documents.updateTags(documentId, tags);
    const document = changed ? ((await store.documents.get(documentId)) ?? { ...doc, tags }) : doc;
    return {
      document,
      feedback: fresh.length > 0 ? await store.feedback.forDocument(documentId) : existing,
      recorded: fresh.length,
    };
  });
}
