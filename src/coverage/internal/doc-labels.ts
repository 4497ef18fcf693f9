import type { Suggestion } from "../../classify/index.ts";
import { classificationOf, type DocumentRecord, type FeedbackRecord } from "../../store/index.ts";
import type { Vocabulary } from "../../vocab/index.ts";
import type { CellPassage, TagSource } from "../types.ts";

const isGbf = (id: string) => id.startsWith("GBF-TARGET-") || id.startsWith("GBF-GOAL-");

/** Labels each document carries by reviewers' decisions: the last accept/add/reject per label wins. */
export function acceptedLabels(feedback: FeedbackRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const ordered = [...feedback].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const f of ordered) {
    if (!isGbf(f.labelId)) continue;
    const set = out.get(f.documentId) ?? new Set<string>();
    if (f.action === "reject") set.delete(f.labelId);
    else set.add(f.labelId);
    out.set(f.documentId, set);
  }
  return out;
}

/** Labels whose latest reviewer decision on a document is reject. */
export function rejectedLabels(feedback: FeedbackRecord[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of [...feedback].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const set = out.get(f.documentId) ?? new Set<string>();
    if (f.action === "reject") set.add(f.labelId);
    else set.delete(f.labelId);
    out.set(f.documentId, set);
  }
  return out;
}

/**
 * "Suggested": what the classifier suggests outright, as reviewed. Suggestions are no longer
 * published as tags until accepted, so they come from the stored classification, minus what
 * reviewers rejected, plus the published tags (accepted, added or auto-accepted).
 */
function suggestedGbf(doc: DocumentRecord, rejected: Set<string> | undefined): string[] {
  const suggested = (classificationOf(doc)?.suggestions ?? [])
    .filter((s) => s.decision === "suggest" && !rejected?.has(s.id))
    .map((s) => s.id);
  return [...suggested, ...doc.tags.targets, ...doc.tags.goals];
}

/** The GBF targets and goals a document counts for under a tag source (goals implied by targets). */
export function gbfLabelsOf(
  doc: DocumentRecord,
  source: TagSource,
  accepted: Map<string, Set<string>>,
  vocab: Vocabulary,
  rejected: Map<string, Set<string>> = new Map(),
): Set<string> {
  const base =
    source === "accepted"
      ? [...(accepted.get(doc.id) ?? [])]
      : source === "source"
        ? [...(doc.sourceTags?.targets ?? []), ...(doc.sourceTags?.goals ?? [])]
        : suggestedGbf(doc, rejected.get(doc.id));
  const labels = new Set(base.filter(isGbf));
  for (const id of [...labels]) for (const g of vocab.goalsOfTarget(id)) labels.add(g);
  return labels;
}

/** The stored classification's suggestions, by label id (empty when the document is untagged). */
export function suggestionsOf(doc: DocumentRecord): Map<string, Suggestion> {
  return new Map((classificationOf(doc)?.suggestions ?? []).map((s) => [s.id, s]));
}

/** Up to `max` evidence passages for a label, for a goal those of its best-scored target. */
export function evidenceFor(
  suggestions: Map<string, Suggestion>,
  label: string,
  vocab: Vocabulary,
  max = 2,
): { score?: number; evidence: CellPassage[] } {
  let s = suggestions.get(label);
  if (label.startsWith("GBF-GOAL-")) {
    const targets = [...suggestions.values()].filter(
      (t) => t.id.startsWith("GBF-TARGET-") && t.decision !== "none" && vocab.goalsOfTarget(t.id).includes(label),
    );
    const best = targets.sort((a, b) => b.score - a.score)[0];
    if (best && best.evidence.length > 0) s = { ...best, score: s?.score ?? best.score };
  }
  if (!s) return { evidence: [] };
  return {
    score: s.score,
    evidence: s.evidence.slice(0, max).map((e) => ({
      text: e.text,
      ...(e.page !== undefined ? { page: e.page } : {}),
      ...(e.chunkId !== undefined ? { chunkId: e.chunkId } : {}),
    })),
  };
}
