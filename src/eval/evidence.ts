import type { EvalRecord, EvidenceAgreement } from "./types.ts";

/**
 * Whether the passage shown for a tag is the one that justifies it: over the gold labels whose
 * sentence the dataset names (`example.evidence`) and which the classifier suggested, the share
 * whose first evidence passage lies in that sentence (its midpoint inside the sentence's span).
 * Undefined when no example names a sentence.
 */
export function evidenceAgreement(records: EvalRecord[]): EvidenceAgreement | undefined {
  let judged = 0;
  let hits = 0;
  let named = false;
  for (const { example, result } of records) {
    for (const [label, passage] of Object.entries(example.evidence ?? {})) {
      named = true;
      const start = example.text.indexOf(passage);
      const shown = result.suggestions.find((s) => s.id === label && s.decision === "suggest")?.evidence[0];
      if (start < 0 || !shown) continue;
      judged++;
      const mid = (shown.start + shown.end) / 2;
      if (mid >= start && mid <= start + passage.length) hits++;
    }
  }
  return named ? { judged, hits, rate: judged ? hits / judged : 0 } : undefined;
}
