import type { Suggestion } from "../classify/index.ts";
import { classificationOf, type DocumentRecord, type FeedbackRecord } from "../store/index.ts";

/** A suggestion nobody has decided on yet and no threshold published. */
export type PendingSuggestion = Pick<Suggestion, "id" | "space" | "score" | "decision" | "evidence">;

export interface ReviewState {
  pending: PendingSuggestion[];
  /** Labels whose latest decision is accept or add, plus labels published by an auto-accept threshold. */
  accepted: string[];
  /** Labels whose latest decision is reject. */
  rejected: string[];
}

// Goals follow from their targets when a target is accepted, so they are not reviewed on their own.
const isGoal = (id: string) => id.startsWith("GBF-GOAL-");

/** Feedback rows grouped by document id. */
export function byDocument(feedback: FeedbackRecord[]): Map<string, FeedbackRecord[]> {
  const out = new Map<string, FeedbackRecord[]>();
  for (const f of feedback) {
    const list = out.get(f.documentId);
    if (list) list.push(f);
    else out.set(f.documentId, [f]);
  }
  return out;
}

/** The latest decision per label of one document (any reviewer: the last decision wins). */
export function latestDecisions(feedback: FeedbackRecord[]): Map<string, FeedbackRecord["action"]> {
  const out = new Map<string, FeedbackRecord["action"]>();
  for (const f of [...feedback].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) out.set(f.labelId, f.action);
  return out;
}

/**
 * Where a document's review stands: suggestions still pending (classifier decision `suggest` or
 * `review`, no reviewer decision, not published by a threshold), accepted and rejected labels.
 */
export function reviewState(doc: DocumentRecord, feedback: FeedbackRecord[]): ReviewState {
  const decided = latestDecisions(feedback);
  const published = new Set([...doc.tags.targets, ...doc.tags.subjects, ...doc.tags.sdgs]);
  const pending: PendingSuggestion[] = [];
  for (const s of classificationOf(doc)?.suggestions ?? []) {
    if (s.decision === "none" || isGoal(s.id) || decided.has(s.id) || published.has(s.id)) continue;
    pending.push({ id: s.id, space: s.space, score: s.score, decision: s.decision, evidence: s.evidence });
  }
  const accepted = new Set([...published]);
  const rejected: string[] = [];
  for (const [id, action] of decided) {
    if (isGoal(id)) continue;
    if (action === "reject") {
      accepted.delete(id);
      rejected.push(id);
    } else accepted.add(id);
  }
  pending.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { pending, accepted: [...accepted].sort(), rejected: rejected.sort() };
}
