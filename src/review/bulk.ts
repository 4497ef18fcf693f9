import { isAppError } from "../errors.ts";
import { applyTagActions, type Reviewer, type ReviewDeps, reviewTags } from "../ingest/index.ts";

export interface BulkItem {
  documentId: string;
  labelId: string;
  decision: "accept" | "reject";
}

export type BulkResult = BulkItem &
  ({ ok: true; recorded: boolean } | { ok: false; error: { code: string; message: string } });

const EMPTY = { targets: [], goals: [], subjects: [], sdgs: [] };

/**
 * Accepts or rejects many (document, label) pairs at once, one `reviewTags` call per document (so
 * ownership, idempotence and the tag rules are the single-document ones). Not all-or-nothing: a
 * bad item (unknown label, missing document) is reported in its result and the good ones are
 * applied. The results keep the order of `items`; `recorded` is false when the same decision was
 * already the reviewer's latest (nothing new stored).
 *
 * @example
 * await bulkReview(deps, reviewer, [{ documentId: "d1", labelId: "GBF-TARGET-03", decision: "accept" }]);
 */
export async function bulkReview(deps: ReviewDeps, reviewer: Reviewer, items: BulkItem[]): Promise<BulkResult[]> {
  const results: (BulkResult | undefined)[] = items.map(() => undefined);
  const byDoc = new Map<string, number[]>();
  items.forEach((item, i) => {
    try {
      // Labels are checked one by one so a bad one fails alone, not its document's other items.
      applyTagActions(EMPTY, [{ labelId: item.labelId, action: item.decision }], deps.vocab);
    } catch (err) {
      results[i] = failure(item, err);
      return;
    }
    byDoc.set(item.documentId, [...(byDoc.get(item.documentId) ?? []), i]);
  });
  for (const [documentId, indexes] of byDoc) {
    const actions = indexes.map((i) => ({ labelId: items[i]!.labelId, action: items[i]!.decision }));
    try {
      const before = new Set(
        (await deps.store.feedback.forDocument(documentId)).filter((f) => f.user === reviewer.user).map((f) => f.id),
      );
      const outcome = await reviewTags(deps, reviewer, documentId, actions);
      const fresh = outcome.feedback.filter((f) => !before.has(f.id) && f.user === reviewer.user);
      for (const i of indexes) {
        const item = items[i]!;
        const recorded = fresh.some((f) => f.labelId === item.labelId && f.action === item.decision);
        results[i] = { ...item, ok: true, recorded };
      }
    } catch (err) {
      for (const i of indexes) results[i] = failure(items[i]!, err);
    }
  }
  return results as BulkResult[];
}

function failure(item: BulkItem, err: unknown): BulkResult {
  // A store failure on one document is reported with it: the documents before it stay applied.
  if (!isAppError(err)) throw err;
  return { ...item, ok: false, error: { code: err.code, message: err.message } };
}
