import type { FeedbackRecord } from "../store/types.ts";
import type { LabelledExample } from "./types.ts";

/**
 * Turns reviewers' feedback into training examples: `accept`/`add` make the evidence text a
 * positive example of the label. A `reject` yields an example with no labels for that text when
 * no other feedback on the document labels it, which trains it as a negative for every label.
 * Feedback whose evidence text is unknown is skipped. Later feedback on the same
 * (document, label) wins.
 */
export function examplesFromFeedback(
  feedback: FeedbackRecord[],
  evidenceText: (documentId: string, labelId: string) => string | undefined,
): LabelledExample[] {
  const latest = new Map<string, FeedbackRecord>();
  for (const f of [...feedback].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    latest.set(`${f.documentId}|${f.labelId}`, f);
  }
  const byText = new Map<string, { documentId: string; positives: Set<string>; negatives: Set<string> }>();
  for (const f of latest.values()) {
    const text = evidenceText(f.documentId, f.labelId)?.trim();
    if (!text) continue;
    const entry = byText.get(text) ?? { documentId: f.documentId, positives: new Set(), negatives: new Set() };
    (f.action === "reject" ? entry.negatives : entry.positives).add(f.labelId);
    byText.set(text, entry);
  }
  return [...byText].map(([text, e], i) => ({
    id: `feedback-${e.documentId}-${i}`,
    text,
    labels: [...e.positives].sort(),
    key: `feedback-${e.documentId}`,
  }));
}
