import { createHash } from "node:crypto";
import { AppError } from "../errors.ts";
import { classificationOf } from "../store/index.ts";
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
// click cannot interleave its read-check-write with itself. Across processes the feedback ids do
// the deduplication (see feedbackId).
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
  const cls = classificationOf(doc);
  return { modelId: cls?.modelId ?? "none", classifierVersion: cls?.classifierVersion ?? "none" };
}

/**
 * A feedback id from what it follows rather than from chance: the same action by the same user on
 * the same label after the same previous feedback (none, or that row's id) is the same feedback.
 * Two processes that both read the state before either wrote, or a retry after a crash, compute
 * the same ids, and the store keeps each id once.
 */
function feedbackId(documentId: string, user: string, action: TagAction, previousId: string | undefined): string {
  const identity = JSON.stringify([documentId, user, action.labelId, action.action, previousId ?? null]);
  return `f-${createHash("sha256").update(identity).digest("hex").slice(0, 32)}`;
}

/**
 * The tag-review use case: checks ownership, validates every label, records feedback and rewrites
 * the document's tags. The HTTP handler and the CLI both call it. Idempotent per user and label:
 * an action equal to that user's latest action on the label records no new feedback (feedback is
 * training data, so a double-clicked "Save tags" must not count twice). The feedback is written in
 * one commit before the tags; a crash between the two leaves the feedback, and the retry then
 * records nothing new and rewrites the tags. Deterministic feedback ids (feedbackId) make two
 * processes reviewing at once store the same action once.
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
    // The reviewer's latest feedback per label (forDocument is oldest first).
    const latest = new Map<string, { id: string; action: string }>();
    for (const f of existing) if (f.user === reviewer.user) latest.set(f.labelId, { id: f.id, action: f.action });
    const model = modelOf(doc);
    const createdAt = now().toISOString();
    const fresh: FeedbackRecord[] = [];
    for (const a of actions) {
      const previous = latest.get(a.labelId);
      if (previous?.action === a.action) continue;
      const id = feedbackId(documentId, reviewer.user, a, previous?.id);
      latest.set(a.labelId, { id, action: a.action });
      fresh.push({ id, documentId, labelId: a.labelId, action: a.action, user: reviewer.user, ...model, createdAt });
    }
    const recorded = await store.feedback.addMany(fresh);
    const changed = JSON.stringify(tags) !== JSON.stringify(doc.tags);
    if (changed) await store.documents.updateTags(documentId, tags);
    const document = changed ? ((await store.documents.get(documentId)) ?? { ...doc, tags }) : doc;
    return {
      document,
      feedback: fresh.length > 0 ? await store.feedback.forDocument(documentId) : existing,
      recorded,
    };
  });
}
