import { AppError } from "../errors.ts";
import { classificationOf, type DocumentStore } from "../store/index.ts";
import type { Vocabulary } from "../vocab/types.ts";
import { type AutoAcceptThresholds, EMPTY_TAGS, tagsFromClassification } from "./internal/tags.ts";
import { withDocumentLock } from "./review-tags.ts";
import { applyTagActions, replayFeedback } from "./tag-actions.ts";

export type { AutoAcceptThresholds } from "./internal/tags.ts";

const KEY = "autoAccept";
const PAGE = 200;

/**
 * The Secretariat's per-label auto-accept thresholds (label id → score in [0, 1]). Empty by
 * default: no suggestion is published as a tag until a reviewer accepts it. A stored value that no
 * longer parses counts as empty (nothing is published unreviewed rather than too much).
 */
export async function loadAutoAccept(store: DocumentStore): Promise<AutoAcceptThresholds> {
  const raw = await store.settings.get(KEY);
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return {};
    const out: AutoAcceptThresholds = {};
    for (const [id, v] of Object.entries(parsed)) if (typeof v === "number" && v >= 0 && v <= 1) out[id] = v;
    return out;
  } catch {
    return {};
  }
}

/**
 * Replaces the thresholds after checking every label is taggable (`unknown_label` names each bad
 * one) and every value is in [0, 1]; nothing is saved when one is wrong.
 */
export async function saveAutoAccept(
  store: DocumentStore,
  vocab: Vocabulary,
  thresholds: AutoAcceptThresholds,
): Promise<AutoAcceptThresholds> {
  const ids = Object.keys(thresholds).sort();
  // The review rules decide what is taggable; this throws unknown_label listing every bad id.
  applyTagActions(
    EMPTY_TAGS,
    ids.map((labelId) => ({ labelId, action: "accept" as const })),
    vocab,
  );
  const bad = ids.filter((id) => !(thresholds[id]! >= 0 && thresholds[id]! <= 1));
  if (bad.length > 0) {
    throw new AppError("validation_failed", `Thresholds must be between 0 and 1: ${bad.join(", ")}`, {
      details: { labels: bad },
    });
  }
  const sorted = Object.fromEntries(ids.map((id) => [id, thresholds[id]!]));
  await store.settings.put(KEY, JSON.stringify(sorted));
  return sorted;
}

/**
 * A document's published tags: the auto-accepted suggestions with the reviewers' decisions
 * replayed on top (oldest first), so a reviewer's reject always beats a threshold.
 */
export function publishedTags(
  classificationJson: string,
  thresholds: AutoAcceptThresholds,
  feedback: Parameters<typeof replayFeedback>[1],
  vocab: Vocabulary,
) {
  const result = classificationOf({ classificationJson });
  const auto = result ? tagsFromClassification(result, thresholds) : { ...EMPTY_TAGS };
  return feedback.length > 0 ? replayFeedback(auto, feedback, vocab) : auto;
}

/**
 * Recomputes every classified document's tags under the current thresholds (after they change,
 * or once to unpublish suggestions an older version tagged outright). Idempotent; returns how many
 * documents' tags changed.
 */
export async function applyAutoAccept(deps: { store: DocumentStore; vocab: Vocabulary }): Promise<number> {
  const { store, vocab } = deps;
  const thresholds = await loadAutoAccept(store);
  const ids: string[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const docs = await store.documents.list({ limit: PAGE, offset });
    for (const d of docs) if (d.classificationJson) ids.push(d.id);
    if (docs.length < PAGE) break;
  }
  let changed = 0;
  for (const id of ids) {
    const updated = await withDocumentLock(id, async () => {
      const doc = await store.documents.get(id);
      if (!doc) return false;
      const tags = publishedTags(doc.classificationJson, thresholds, await store.feedback.forDocument(id), vocab);
      if (JSON.stringify(tags) === JSON.stringify(doc.tags)) return false;
      await store.documents.updateTags(id, tags);
      return true;
    });
    if (updated) changed += 1;
  }
  return changed;
}
